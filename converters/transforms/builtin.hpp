// The transforms mimeo ships, one file each; registry.cpp lists them.
#pragma once

#include "transforms/transform.hpp"

namespace mimeo::transforms {

Transform smart_typography();
Transform set_metadata();
Transform number_sections();
Transform strip_raw();

}  // namespace mimeo::transforms
