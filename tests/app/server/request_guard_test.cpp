#include "app/server/request_guard.hpp"

#include <gtest/gtest.h>

namespace {

using app::server::RequestGuard;

TEST(RequestGuard, AnswersToTheLoopbackNamesWithItsPort) {
    const RequestGuard guard("127.0.0.1", 8080);
    for (const char* host : {"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"})
        EXPECT_EQ(guard.refusal(host, "", ""), "") << host;
}

TEST(RequestGuard, RefusesAnotherNameOrPortAsDnsRebinding) {
    const RequestGuard guard("127.0.0.1", 8080);
    for (const char* host : {"attacker.example:8080", "127.0.0.1:8081", "localhost", "", "127.0.0.1:8080.evil"})
        EXPECT_NE(guard.refusal(host, "", ""), "") << host;
}

TEST(RequestGuard, RefusesCrossSiteOrigins) {
    const RequestGuard guard("127.0.0.1", 8080);
    EXPECT_EQ(guard.refusal("localhost:8080", "http://localhost:8080", ""), "");
    EXPECT_EQ(guard.refusal("localhost:8080", "", "same-origin"), "");
    EXPECT_EQ(guard.refusal("localhost:8080", "", "none"), "");  // typed in the address bar
    for (const char* origin : {"http://attacker.example", "null", "https://localhost:8080", "http://localhost:9999",
                               "http://localhost:8080@attacker.example"})
        EXPECT_NE(guard.refusal("localhost:8080", origin, ""), "") << origin;
    EXPECT_NE(guard.refusal("localhost:8080", "", "cross-site"), "");
    EXPECT_NE(guard.refusal("localhost:8080", "", "same-site"), "");
}

TEST(RequestGuard, AnOpenedServerAnswersToTheNamesItWasGiven) {
    const RequestGuard guard("0.0.0.0", 80, {"crm-box.lan"});
    EXPECT_EQ(guard.refusal("crm-box.lan:80", "http://crm-box.lan:80", ""), "");
    EXPECT_NE(guard.refusal("0.0.0.0:80", "", ""), "");  // a wildcard is no name
    EXPECT_NE(guard.refusal("other.lan:80", "", ""), "");
}

TEST(RequestGuard, KnowsLoopbackAddresses) {
    EXPECT_TRUE(app::server::is_loopback("127.0.0.1"));
    EXPECT_TRUE(app::server::is_loopback("127.1.2.3"));
    EXPECT_TRUE(app::server::is_loopback("::1"));
    EXPECT_TRUE(app::server::is_loopback("localhost"));
    EXPECT_FALSE(app::server::is_loopback("0.0.0.0"));
    EXPECT_FALSE(app::server::is_loopback("192.168.1.2"));
}

}  // namespace
