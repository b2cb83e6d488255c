#include "common/interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <thread>

namespace mimeo {
namespace {

std::mutex registry_mutex;
std::map<unsigned long, std::function<void()>>& registry()
{
    static std::map<unsigned long, std::function<void()>> cleanups;
    return cleanups;
}
unsigned long next_id = 0;

}  // namespace

void install_interrupt_handling()
{
    // Past a file-size limit (RLIMIT_FSIZE) a write must fail with EFBIG, which OutputSet
    // reports and cleans up, instead of SIGXFSZ killing mimeo with its staged files left behind.
    ::signal(SIGXFSZ, SIG_IGN);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals] {
        int received = 0;
        sigwait(&signals, &received);
        // The registry stays locked: no new work registers, and nothing outlives the exit.
        registry_mutex.lock();
        for (auto& [id, cleanup] : registry()) cleanup();
        ::_exit(128 + received);
    }).detach();
}

InterruptCleanup::InterruptCleanup(std::function<void()> cleanup)
{
    std::lock_guard lock(registry_mutex);
    id_ = next_id++;
    registry().emplace(id_, std::move(cleanup));
}

InterruptCleanup::~InterruptCleanup()
{
    std::lock_guard lock(registry_mutex);
    registry().erase(id_);
}

}  // namespace mimeo
