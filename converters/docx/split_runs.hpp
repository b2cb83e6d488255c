// Word splits a run of text wherever an editing session began (rsid), a spelling mark fell
// or a revision was accepted: stage one joins neighbouring text of one format again, so that
// the mapping sees the text as it reads.
#pragma once

#include <vector>

#include "docx/document.hpp"

namespace mimeo::docx {

// Joins each text piece to the one before it when both have the same format and neither is
// only spacing (which takes its neighbours' format), in links too.
void join_split_runs(std::vector<Inline>& inlines);

}  // namespace mimeo::docx
