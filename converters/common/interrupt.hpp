// SIGINT and SIGTERM end a run cleanly: every registered cleanup runs (staged
// outputs are removed, child processes killed) and mimeo exits with 128 + signal.
#pragma once

#include <functional>

namespace mimeo {

// Call once at the start of main, before any thread starts: blocks the signals in
// every thread and waits for them on a thread of its own.
void install_interrupt_handling();

// Registers a cleanup for as long as the guard lives. Cleanups run on the signal
// thread and must not return control to the interrupted work (they may keep locks).
class InterruptCleanup {
public:
    explicit InterruptCleanup(std::function<void()> cleanup);
    ~InterruptCleanup();
    InterruptCleanup(const InterruptCleanup&) = delete;
    InterruptCleanup& operator=(const InterruptCleanup&) = delete;

private:
    unsigned long id_;
};

}  // namespace mimeo
