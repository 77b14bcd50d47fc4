#pragma once

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "app/server/api.hpp"

namespace app::server {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                       // 0: any free port (printed)
    std::vector<std::string> allow_hosts;  // more names the Host header may give
    std::size_t max_body_bytes = std::size_t{1} << 20;
    ApiLimits limits;
};

// `roicast serve`: the page and the HTTP API (README, "roicast serve") until
// `stop` is set. `scenario_text` is the scenario the page opens with. Prints
// the URL to open on `out`. Returns false when the address cannot be bound.
bool serve(const ServeOptions& options, const std::string& scenario_text, const std::atomic<bool>& stop,
           std::ostream& out);

}  // namespace app::server
