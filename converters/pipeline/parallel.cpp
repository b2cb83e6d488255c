#include "pipeline/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace mimeo::pipeline {

void for_each_parallel(const std::vector<std::size_t>& items, unsigned jobs,
                       const std::function<void(std::size_t)>& work)
{
    const std::size_t threads = std::min<std::size_t>(std::max(jobs, 1u), items.size());
    if (threads <= 1) {
        for (std::size_t item : items) work(item);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < items.size(); i = next++) work(items[i]);
    };
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();  // the calling thread works too
}

unsigned default_jobs() { return std::max(std::thread::hardware_concurrency(), 1u); }

}  // namespace mimeo::pipeline
