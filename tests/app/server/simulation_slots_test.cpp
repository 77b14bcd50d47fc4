#include "app/server/simulation_slots.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

namespace {

using app::server::SimulationSlots;
using Outcome = SimulationSlots::Outcome;

TEST(SimulationSlots, ANewerRequestOfASessionCancelsTheRunningOne) {
    SimulationSlots slots(2, 0);
    auto older = slots.acquire("tab");
    ASSERT_EQ(older.outcome, Outcome::granted);
    EXPECT_FALSE(older.ticket->cancelled());
    auto newer = slots.acquire("tab");
    ASSERT_EQ(newer.outcome, Outcome::granted);
    EXPECT_TRUE(older.ticket->cancelled());
    EXPECT_FALSE(newer.ticket->cancelled());
    auto other = slots.acquire("another tab");
    EXPECT_EQ(other.outcome, Outcome::busy);  // two running, no room to wait, nothing of "another tab"'s to cancel
}

TEST(SimulationSlots, BoundsTheRunningTotalAndLetsAWaiterInWhenOneEnds) {
    SimulationSlots slots(1, 4);
    auto first = slots.acquire("a");
    ASSERT_EQ(first.outcome, Outcome::granted);
    auto waiting = std::async(std::launch::async, [&] { return slots.acquire("b"); });
    EXPECT_EQ(waiting.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
    EXPECT_EQ(slots.running(), 1u);
    first.ticket.reset();
    auto second = waiting.get();
    EXPECT_EQ(second.outcome, Outcome::granted);
    EXPECT_EQ(slots.running(), 1u);
}

TEST(SimulationSlots, AWaitingRequestOfASessionIsSupersededByItsNewerOne) {
    SimulationSlots slots(1, 4);
    auto running = slots.acquire("a");
    auto waiting = std::async(std::launch::async, [&] { return slots.acquire("b"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto newer = std::async(std::launch::async, [&] { return slots.acquire("b"); });
    EXPECT_EQ(waiting.get().outcome, Outcome::superseded);
    running.ticket.reset();
    EXPECT_EQ(newer.get().outcome, Outcome::granted);
}

TEST(SimulationSlots, RefusesWhenTooManyWait) {
    SimulationSlots slots(1, 0);
    auto running = slots.acquire("");
    ASSERT_EQ(running.outcome, Outcome::granted);
    EXPECT_EQ(slots.acquire("").outcome, Outcome::busy);
    running.ticket.reset();
    EXPECT_EQ(slots.acquire("").outcome, Outcome::granted);
}

TEST(SimulationSlots, StoppingCancelsEveryoneAndWakesTheWaiters) {
    SimulationSlots slots(1, 4);
    auto running = slots.acquire("a");
    auto waiting = std::async(std::launch::async, [&] { return slots.acquire("b"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    slots.cancel_all();
    EXPECT_TRUE(running.ticket->cancelled());
    EXPECT_EQ(waiting.get().outcome, Outcome::superseded);
}

}  // namespace
