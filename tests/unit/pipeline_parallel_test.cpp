// for_each_in_order, which lets a run stream its articles: every item is consumed once,
// in order, and the work never runs further ahead of consumption than the window.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pipeline/parallel.hpp"

using mimeo::pipeline::for_each_in_order;

namespace {

struct Record {
    std::atomic<std::size_t> waiting{0};  // done, not yet consumed
    std::atomic<std::size_t> most_waiting{0};
    std::vector<std::size_t> consumed;
};

void run(std::size_t count, unsigned jobs, std::size_t window, Record& record)
{
    std::vector<int> results(count, -1);
    for_each_in_order(
        count, jobs, window,
        [&](std::size_t i) {
            // Uneven work, so items finish out of order.
            if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            results[i] = static_cast<int>(i) * 2;
            const std::size_t now = ++record.waiting;
            std::size_t seen = record.most_waiting;
            while (now > seen && !record.most_waiting.compare_exchange_weak(seen, now)) {
            }
        },
        [&](std::size_t i) {
            EXPECT_EQ(results[i], static_cast<int>(i) * 2) << "consumed before its work was done";
            record.consumed.push_back(i);
            --record.waiting;
        });
}

}  // namespace

TEST(PipelineParallel, ConsumesEveryItemOnceInOrder)
{
    for (unsigned jobs : {1u, 2u, 8u}) {
        Record record;
        run(500, jobs, 4, record);
        ASSERT_EQ(record.consumed.size(), 500u) << jobs << " jobs";
        for (std::size_t i = 0; i < record.consumed.size(); ++i) ASSERT_EQ(record.consumed[i], i) << jobs << " jobs";
    }
}

TEST(PipelineParallel, WorkStaysWithinTheWindow)
{
    for (std::size_t window : {1u, 3u, 16u}) {
        Record record;
        run(400, 8, window, record);
        EXPECT_LE(record.most_waiting.load(), window) << "window " << window;
        EXPECT_GE(record.most_waiting.load(), 1u);
    }
}

TEST(PipelineParallel, AThrowingConsumerStopsTheWorkAndPassesItOn)
{
    std::atomic<std::size_t> worked{0};
    EXPECT_THROW(for_each_in_order(
                     10000, 4, 8, [&](std::size_t) { ++worked; },
                     [&](std::size_t i) {
                         if (i == 20) throw std::runtime_error("full disk");
                     }),
                 std::runtime_error);
    EXPECT_LE(worked.load(), 20u + 8u);
}

TEST(PipelineParallel, NothingToDo)
{
    Record record;
    run(0, 4, 4, record);
    EXPECT_TRUE(record.consumed.empty());
}
