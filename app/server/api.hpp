#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/server/simulation_slots.hpp"
#include "sim/inverse_cdf_cache.hpp"

namespace app::server {

// An answer, whatever carries it (the HTTP server, a test in process).
struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string download_name;  // set: offered as a file of that name
};

using Query = std::multimap<std::string, std::string>;

// Bounds on what a client may ask for.
struct ApiLimits {
    std::uint64_t max_paths = 1'000'000;
    std::size_t running = 2;  // simulations at once, over all sessions
    std::size_t waiting = 32; // requests that may wait for one
    std::uint64_t memory_limit = std::uint64_t{1} << 30;  // bytes one run may hold
};

// The HTTP API of `roicast serve`, apart from HTTP: each call takes a
// request's body (a scenario document), its query and its session, and
// answers a Reply. Runs go through app::run_scenarios, the call behind
// `roicast run`, so /api/run answers the bytes `run --json` writes. Inverse-CDF
// tables are kept between requests: an edit rebuilds only the tables of the
// distributions it changed.
class Api {
public:
    explicit Api(ApiLimits limits = {});

    // POST /api/run: the results document (MODEL.md §5).
    Reply run(std::string_view body, const Query& query, const std::string& session);
    // POST /api/validate: {"errors": [{"address", "message"}, …]}, empty when valid.
    Reply validate(std::string_view body) const;
    // POST /api/view: the results document and the page's sections, rendered
    // by the report writers: {"results": {…}, "sections": {name: html, …}};
    // an invalid scenario or a superseded request answers 200 with
    // {"status": 400 or 409, "errors": […]}.
    Reply view(std::string_view body, const Query& query, const std::string& session);
    // POST /api/report.html and /api/report.xlsx: the reports `run --html/--xlsx` write.
    Reply report_html(std::string_view body, const Query& query, const std::string& session);
    Reply report_xlsx(std::string_view body, const Query& query, const std::string& session);

    // Stops every running simulation (the server is shutting down).
    void cancel_all() { slots_.cancel_all(); }
    std::size_t running() const { return slots_.running(); }

private:
    template <class Make>
    Reply simulate(std::string_view body, const Query& query, const std::string& session, Make make);

    ApiLimits limits_;
    SimulationSlots slots_;
    sim::InverseCdfCache tables_;
};

// {"errors": [{"address": A, "message": M}]} with the given status.
Reply error_reply(int status, const std::string& address, const std::string& message);

}  // namespace app::server
