#include "pipeline/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
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

void for_each_in_order(std::size_t count, unsigned jobs, std::size_t window,
                       const std::function<void(std::size_t)>& work, const std::function<void(std::size_t)>& consume)
{
    window = std::max<std::size_t>(window, 1);
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<bool> done(count, false);
    std::size_t next = 0, consumed = 0;
    bool stopping = false;  // consume threw: the workers leave, the exception goes on
    auto worker = [&] {
        std::unique_lock lock(mutex);
        while (next < count && !stopping) {
            const std::size_t i = next++;
            // The item `consumed` waits on was handed out before any later one, so it never waits here.
            changed.wait(lock, [&] { return i < consumed + window || stopping; });
            if (stopping) break;
            lock.unlock();
            work(i);
            lock.lock();
            done[i] = true;
            changed.notify_all();
        }
    };
    std::vector<std::jthread> pool;
    const std::size_t threads = std::min<std::size_t>(std::max(jobs, 1u), std::max<std::size_t>(count, 1));
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    try {
        for (std::size_t i = 0; i < count; ++i) {
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return done[i]; });
            }
            consume(i);
            std::lock_guard lock(mutex);
            consumed = i + 1;
            changed.notify_all();
        }
    } catch (...) {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        changed.notify_all();
        pool.clear();  // joins
        throw;
    }
}

unsigned default_jobs() { return std::max(std::thread::hardware_concurrency(), 1u); }

}  // namespace mimeo::pipeline
