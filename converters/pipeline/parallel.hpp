// A small thread pool for one job: run `work(i)` for every i in `items`, on `jobs` threads.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace mimeo::pipeline {

// `work` must not throw; it records its own failures. Returns when every item is done.
void for_each_parallel(const std::vector<std::size_t>& items, unsigned jobs,
                       const std::function<void(std::size_t)>& work);

// Runs `work(i)` for i = 0..count-1 on `jobs` threads and `consume(i)` on the calling
// thread in order of i, each once its work is done. Work runs at most `window` items
// ahead of consumption, so whatever work leaves for consume stays bounded however large
// `count` is. `work` must not throw; when `consume` throws, the work still running
// finishes, no more starts, and the exception is passed on.
void for_each_in_order(std::size_t count, unsigned jobs, std::size_t window,
                       const std::function<void(std::size_t)>& work, const std::function<void(std::size_t)>& consume);

// One job per core, or 1 when the core count is unknown.
unsigned default_jobs();

}  // namespace mimeo::pipeline
