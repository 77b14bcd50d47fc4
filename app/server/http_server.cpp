#include "app/server/http_server.hpp"

#include <httplib.h>

#include <chrono>
#include <regex>
#include <thread>

#include "app/embedded_scenarios.hpp"
#include "app/html_page.hpp"
#include "app/server/page_assets.hpp"
#include "app/server/request_guard.hpp"
#include "models/scenario_fields.hpp"

namespace app::server {

namespace {

// What the browser may do with anything this server sends: scripts and
// styles from this server only (no inline script, so markup that slipped
// into a page could not run), no frames, no form posts, no other host.
constexpr const char* content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

const std::string session_header = "Roicast-Session";

// A session is the page's random token; anything else is refused rather than kept.
bool valid_session(const std::string& s) {
    static const std::regex token("[A-Za-z0-9_-]{1,64}");
    return s.empty() || std::regex_match(s, token);
}

void send(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    res.set_content(reply.body, reply.content_type.c_str());
    if (!reply.download_name.empty())
        res.set_header("Content-Disposition", "attachment; filename=\"" + reply.download_name + "\"");
}

void send_error(httplib::Response& res, int status, const std::string& address, const std::string& message) {
    send(res, error_reply(status, address, message));
}

}  // namespace

bool serve(const ServeOptions& options, const std::string& scenario_text, const std::atomic<bool>& stop,
           std::ostream& out) {
    httplib::Server server;
    Api api(options.limits);
    server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server.set_payload_max_length(options.max_body_bytes);
    server.set_keep_alive_max_count(100);
    server.set_default_headers({{"Content-Security-Policy", content_security_policy},
                                {"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cross-Origin-Resource-Policy", "same-origin"},
                                {"Cache-Control", "no-store"}});

    std::unique_ptr<RequestGuard> guard;  // made once the port is known
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        const std::string why = guard->refusal(req.get_header_value("Host"), req.get_header_value("Origin"),
                                               req.get_header_value("Sec-Fetch-Site"));
        if (!why.empty()) {
            send_error(res, 403, "", why);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.method == "POST") {
            const std::string type = req.get_header_value("Content-Type");
            if (type.rfind("application/json", 0) != 0) {
                send_error(res, 415, "", "send the scenario as Content-Type: application/json");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (!valid_session(req.get_header_value(session_header))) {
                send_error(res, 400, session_header, "a session is 1 to 64 letters, digits, '-' or '_'");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413)
            send_error(res, 413, "", "the request body is larger than the server accepts (a scenario is a few kilobytes)");
        else if (res.status == 404)
            send_error(res, 404, "", "no such page or API");
        else
            send_error(res, res.status, "", "the request could not be served");
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, 500, "", "internal failure");
    });

    const auto asset = [&](const char* path, const char* type, std::string_view text) {
        server.Get(path, [type, text](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(text), type);
        });
    };
    asset("/", "text/html; charset=utf-8", page_html());
    asset("/app.js", "text/javascript; charset=utf-8", page_script());
    asset("/app.css", "text/css; charset=utf-8", page_style());
    asset("/report.css", "text/css; charset=utf-8", html_page_style());
    asset("/api/scenario", "application/json", scenario_text);
    const std::string schema = models::fields::scenario_schema().dump();
    asset("/api/schema", "application/json", schema);
    nlohmann::ordered_json shipped = nlohmann::ordered_json::array();
    for (const auto& e : embedded_scenarios()) shipped.push_back(std::string(e.name));
    const std::string shipped_text = shipped.dump();
    asset("/api/scenarios", "application/json", shipped_text);
    // A shipped scenario by name: looked up among those compiled in, never a file.
    server.Get(R"(/api/scenarios/([A-Za-z0-9_-]{1,64}))", [](const httplib::Request& req, httplib::Response& res) {
        if (const auto e = find_embedded(req.matches[1].str()))
            res.set_content(std::string(e->text), "application/json");
        else
            send_error(res, 404, "", "no shipped scenario of that name");
    });

    const auto post = [&](const char* path, Reply (Api::*call)(std::string_view, const Query&, const std::string&)) {
        server.Post(path, [&api, call](const httplib::Request& req, httplib::Response& res) {
            send(res, (api.*call)(req.body, req.params, req.get_header_value(session_header)));
        });
    };
    post("/api/run", &Api::run);
    post("/api/view", &Api::view);
    post("/api/report.html", &Api::report_html);
    post("/api/report.xlsx", &Api::report_xlsx);
    server.Post("/api/validate", [&api](const httplib::Request& req, httplib::Response& res) {
        send(res, api.validate(req.body));
    });

    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
        if (port < 0) return false;
    } else if (!server.bind_to_port(options.host, port)) {
        return false;
    }
    guard = std::make_unique<RequestGuard>(options.host, port, options.allow_hosts);
    const bool v6 = options.host.find(':') != std::string::npos;
    out << "roicast serve: open http://" << (v6 ? "[" + options.host + "]" : options.host) << ":" << port
        << "/ (Ctrl-C stops the server)" << std::endl;

    std::atomic<bool> ended{false};  // listen returned on its own (the socket failed)
    std::thread watcher([&] {
        while (!stop.load() && !ended.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        api.cancel_all();
        server.stop();
    });
    server.listen_after_bind();
    ended.store(true);
    watcher.join();
    return true;
}

}  // namespace app::server
