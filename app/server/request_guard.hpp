#pragma once

#include <string>
#include <vector>

namespace app::server {

// Who may talk to the server. A browser page from any other site can send
// requests to a local port, and a DNS name rebound to 127.0.0.1 makes such a
// page same-origin with it; both are refused by checking the Host header
// against the names the server answers to and, when a browser sends one, the
// Origin against the same names.
class RequestGuard {
public:
    // The names `host:port` that reach a server bound to `bind_host`: the
    // loopback names always, the bound address itself, and `extra_hosts`
    // (names of a machine the user opened the server to).
    RequestGuard(const std::string& bind_host, int port, const std::vector<std::string>& extra_hosts = {});

    // Empty when the request may go on, else why not (answered with 403).
    // `origin` and `fetch_site` (Sec-Fetch-Site) are empty when not sent.
    std::string refusal(const std::string& host, const std::string& origin, const std::string& fetch_site) const;

    const std::vector<std::string>& hosts() const { return hosts_; }

private:
    std::vector<std::string> hosts_;  // "localhost:8080", "127.0.0.1:8080", …
};

// True for an address only this machine can reach (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

}  // namespace app::server
