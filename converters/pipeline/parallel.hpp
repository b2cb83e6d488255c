// A small thread pool for one job: run `work(i)` for every i in `items`, on `jobs` threads.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace mimeo::pipeline {

// `work` must not throw; it records its own failures. Returns when every item is done.
void for_each_parallel(const std::vector<std::size_t>& items, unsigned jobs,
                       const std::function<void(std::size_t)>& work);

// One job per core, or 1 when the core count is unknown.
unsigned default_jobs();

}  // namespace mimeo::pipeline
