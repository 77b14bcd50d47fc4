#include "app/server/request_guard.hpp"

#include <algorithm>
#include <cctype>

namespace app::server {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// An IPv6 literal is written in brackets in a Host header and an origin.
std::string authority(const std::string& host, int port) {
    const bool v6 = host.find(':') != std::string::npos;
    return lower((v6 ? "[" + host + "]" : host) + ":" + std::to_string(port));
}

}  // namespace

bool is_loopback(const std::string& host) {
    const std::string h = lower(host);
    return h == "localhost" || h == "::1" || h.rfind("127.", 0) == 0;
}

RequestGuard::RequestGuard(const std::string& bind_host, int port, const std::vector<std::string>& extra_hosts) {
    for (const char* name : {"localhost", "127.0.0.1", "::1"}) hosts_.push_back(authority(name, port));
    // A wildcard address is no name anyone types; the user names the machine with extra_hosts.
    if (bind_host != "0.0.0.0" && bind_host != "::") hosts_.push_back(authority(bind_host, port));
    for (const auto& h : extra_hosts) hosts_.push_back(authority(h, port));
}

std::string RequestGuard::refusal(const std::string& host, const std::string& origin,
                                  const std::string& fetch_site) const {
    const auto known = [&](const std::string& authority) {
        return std::find(hosts_.begin(), hosts_.end(), lower(authority)) != hosts_.end();
    };
    if (host.empty()) return "no Host header";
    if (!known(host)) return "unknown Host \"" + host + "\" (this server answers to " + hosts_.front() + ")";
    if (!origin.empty()) {
        const std::string prefix = "http://";
        if (lower(origin).rfind(prefix, 0) != 0 || !known(origin.substr(prefix.size())))
            return "cross-site request from origin \"" + origin + "\"";
    }
    if (fetch_site == "cross-site" || fetch_site == "same-site") return "cross-site request (Sec-Fetch-Site)";
    return {};
}

}  // namespace app::server
