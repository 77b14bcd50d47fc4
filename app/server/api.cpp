#include "app/server/api.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/html_report.hpp"
#include "app/scenario_run.hpp"
#include "app/xlsx_report.hpp"
#include "models/scenario_loader.hpp"
#include "models/scenario_error.hpp"

namespace app::server {

namespace {

using Json = nlohmann::ordered_json;

// A problem with the request itself, at its address: a query parameter ("?paths") or the body ("").
struct BadRequest {
    std::string address, message;
};

Json issue_json(const std::string& address, const std::string& message) {
    Json e = {{"address", address}, {"message", message}};
    // A syntax error's place in the text, as numbers a page can point at.
    static const std::regex place("line ([0-9]+), column ([0-9]+)");
    if (std::smatch m; address.empty() && std::regex_search(message, m, place))
        e["at"] = {{"line", std::stoull(m[1])}, {"column", std::stoull(m[2])}};
    return e;
}

// A query flag keeps its command-line spelling in messages but is addressed as "?name".
std::string query_address(const std::string& address) {
    return address.rfind("--", 0) == 0 ? "?" + address.substr(2) : address;
}

Reply errors_reply(int status, const std::vector<models::Issue>& issues) {
    Json errors = Json::array();
    for (const auto& i : issues) errors.push_back(issue_json(query_address(i.address), i.message));
    return {status, "application/json", Json{{"errors", errors}}.dump(2) + "\n", ""};
}

std::uint64_t whole_number(const std::string& parameter, const std::string& text, std::uint64_t low,
                           std::uint64_t high) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < low || value > high)
        throw BadRequest{"?" + parameter, "expected a whole number from " + std::to_string(low) + " to " +
                                              std::to_string(high) + ", got \"" + text + "\""};
    return value;
}

struct RunQuery {
    std::optional<std::uint64_t> paths, seed;
    std::vector<std::string> variants;
    std::optional<models::SensitivitySettings> sensitivity;
};

RunQuery run_query(const Query& query, std::uint64_t max_paths) {
    RunQuery q;
    for (const auto& [key, value] : query) {
        if (key == "paths") {
            q.paths = whole_number(key, value, 1, max_paths);
        } else if (key == "seed") {
            q.seed = whole_number(key, value, 0, std::numeric_limits<std::uint64_t>::max());
        } else if (key == "variant") {
            q.variants.push_back(value);
        } else if (key == "sensitivity") {
            std::string bad;
            const auto methods = models::parse_sensitivity_methods(value, bad);
            if (!methods)
                throw BadRequest{"?sensitivity", "unknown method \"" + bad +
                                                     "\"; choose from tornado, spearman, src, sobol, voi, tail"};
            q.sensitivity = models::SensitivitySettings{*methods};
        } else {
            throw BadRequest{"?" + key, "unknown parameter; use paths, seed, variant or sensitivity"};
        }
    }
    return q;
}

std::string section_html(const ResultsDocument& results, ReportSection section) {
    std::ostringstream out;
    write_html_section(out, results, section);
    return out.str();
}

// The workbook is written by libxlsxwriter, which writes files only: into a
// file of the server's own making, read back and removed.
std::string workbook_bytes(const ResultsDocument& results) {
    std::string pattern = (std::filesystem::temp_directory_path() / "roicast-serve-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
    close(fd);
    struct Remove {
        std::string path;
        ~Remove() { std::remove(path.c_str()); }
    } remove{pattern};
    write_xlsx_report(pattern, results);
    std::ifstream in(pattern, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A file name for a download, from the scenario's name: letters, digits and dashes only.
std::string download_name(const std::string& scenario, const char* extension) {
    std::string name;
    for (char c : scenario) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (plain) name += c;
        else if (!name.empty() && name.back() != '-') name += '-';
        if (name.size() >= 60) break;
    }
    while (!name.empty() && name.back() == '-') name.pop_back();
    return (name.empty() ? std::string("roicast") : name) + extension;
}

}  // namespace

Reply error_reply(int status, const std::string& address, const std::string& message) {
    return errors_reply(status, {{address, message}});
}

Api::Api(ApiLimits limits) : limits_(limits), slots_(limits.running, limits.waiting) {}

template <class Make>
Reply Api::simulate(std::string_view body, const Query& query, const std::string& session, Make make) {
    try {
        const RunQuery q = run_query(query, limits_.max_paths);
        const Json document = models::parse_scenario_document(body);
        const ScenarioRuns runs = scenario_runs(document, "scenario", {}, q.variants);
        models::ForecastSettings settings;
        settings.paths = q.paths;
        settings.seed = q.seed;
        settings.sensitivity = q.sensitivity;
        settings.memory_limit = limits_.memory_limit;
        settings.keep_key_paths = !runs.chosen.empty();
        settings.tables = &tables_;
        if (settings.paths.value_or(runs.base.simulation.paths) > limits_.max_paths)
            throw BadRequest{"?paths", "the scenario asks for " + std::to_string(runs.base.simulation.paths) +
                                           " paths; give ?paths= at most " + std::to_string(limits_.max_paths)};
        try {
            models::plan_forecast(runs.base, settings);
        } catch (const models::ForecastRefused& e) {
            throw BadRequest{"?" + e.setting, e.message};
        }
        SimulationSlots::Grant grant = slots_.acquire(session);
        if (grant.outcome == SimulationSlots::Outcome::busy)
            return error_reply(503, "", "the server is busy with other simulations; try again shortly");
        if (grant.outcome == SimulationSlots::Outcome::superseded)
            return error_reply(409, "", "cancelled: a newer request of this session replaced it");
        settings.cancel = &grant.ticket->cancel();
        try {
            return make(run_scenarios(runs, settings));
        } catch (const models::Cancelled&) {
            return error_reply(409, "", "cancelled: a newer request of this session replaced it");
        }
    } catch (const BadRequest& e) {
        return error_reply(400, e.address, e.message);
    } catch (const models::ScenarioError& e) {
        return errors_reply(400, e.issues());
    } catch (const std::exception& e) {
        return error_reply(500, "", std::string("internal failure: ") + e.what());
    }
}

Reply Api::run(std::string_view body, const Query& query, const std::string& session) {
    return simulate(body, query, session, [](const ResultsDocument& results) {
        return Reply{200, "application/json", results_json_text(results), ""};
    });
}

Reply Api::validate(std::string_view body) const {
    try {
        const Json document = models::parse_scenario_document(body);
        const std::vector<std::string> all{"all"};
        try {
            // Each variant too, as `roicast validate` checks them.
            const Json variants = document.is_object() ? document.value("variants", Json::object()) : Json::object();
            scenario_runs(document, "scenario", {}, variants.empty() ? std::vector<std::string>{} : all);
        } catch (const models::ScenarioError& e) {
            return errors_reply(200, e.issues());
        }
        return {200, "application/json", Json{{"errors", Json::array()}}.dump(2) + "\n", ""};
    } catch (const models::ScenarioError& e) {
        return errors_reply(400, e.issues());  // not JSON: not a document to validate
    } catch (const std::exception& e) {
        return error_reply(500, "", std::string("internal failure: ") + e.what());
    }
}

Reply Api::view(std::string_view body, const Query& query, const std::string& session) {
    Reply reply = simulate(body, query, session, [](const ResultsDocument& results) {
        Json sections = Json::object();
        sections["summary"] = section_html(results, ReportSection::summary);
        sections["payback"] = section_html(results, ReportSection::payback);
        sections["roi"] = section_html(results, ReportSection::roi);
        sections["cash_flow"] = section_html(results, ReportSection::cash_flow);
        sections["money"] = section_html(results, ReportSection::money);
        sections["comparison"] = section_html(results, ReportSection::comparison);
        sections["sensitivity"] = section_html(results, ReportSection::sensitivity);
        sections["what_if"] = section_html(results, ReportSection::what_if);
        const Json out = {{"results", to_json(results)}, {"sections", sections}};
        return Reply{200, "application/json", out.dump(), ""};
    });
    // The page's own call: an invalid scenario or a superseded request is an
    // answer it expects while the user types, not a failed load (which the
    // browser would log as an error), so it comes as 200 with the status inside.
    if (reply.status == 400 || reply.status == 409) {
        Json answer = Json::parse(reply.body);
        answer["status"] = reply.status;
        reply = {200, "application/json", answer.dump(), ""};
    }
    return reply;
}

Reply Api::report_html(std::string_view body, const Query& query, const std::string& session) {
    return simulate(body, query, session, [](const ResultsDocument& results) {
        std::ostringstream out;
        write_html_report(out, results);
        return Reply{200, "text/html; charset=utf-8", out.str(), download_name(results.scenario, ".html")};
    });
}

Reply Api::report_xlsx(std::string_view body, const Query& query, const std::string& session) {
    return simulate(body, query, session, [](const ResultsDocument& results) {
        return Reply{200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook_bytes(results),
                     download_name(results.scenario, ".xlsx")};
    });
}

}  // namespace app::server
