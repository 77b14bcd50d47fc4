// Hostile text in every string a scenario or a results file carries: markup,
// spreadsheet formulas, control characters, terminal escape sequences, a
// 40,000-character string. Each payload in each field is either refused
// (with the field's address, exit code 2 on the command line) or reaches
// every output as text only:
//   HTML      no tag or attribute the page does not have without the payload
//             (the same number of tags; no script, form, img, refresh, on…=),
//             no control character;
//   CSV       no field a spreadsheet would evaluate (= + - @ tab CR first,
//             unless it is a number), no control character but line breaks;
//   terminal  no control character but the line feed;
//   workbook  written without error; with ROICAST_HOSTILE_WORKBOOKS set, kept
//             there for tests/reports/check_hostile_xlsx.py (openpyxl: no
//             formula cell, no chart title or series name that is a reference).
// Three layers: the scenario loader (then a forecast), the results reader,
// and the writers themselves with the readers' checks bypassed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <regex>
#include <sstream>

#include "app/csv_report.hpp"
#include "app/html_report.hpp"
#include "app/results_document.hpp"
#include "app/results_from_forecast.hpp"
#include "app/sweep_html.hpp"
#include "app/sweep_report.hpp"
#include "app/text_report.hpp"
#include "app/xlsx_report.hpp"
#include "models/forecast.hpp"
#include "models/scenario_fields.hpp"
#include "models/scenario_loader.hpp"
#include "models/variants.hpp"
#include "run_roicast.hpp"

namespace {

using Json = nlohmann::ordered_json;

struct Payload {
    std::string name, text;
};

const std::vector<Payload>& payloads() {
    static const std::vector<Payload> all = {
        {"script", "<script>alert(1)</script>"},
        {"attribute", "\"><img src=x onerror=alert(1)>"},
        {"refresh", "<meta http-equiv=\"refresh\" content=\"0;url=http://evil\">"},
        {"form", "<form action=http://evil>"},
        {"hyperlink", "=HYPERLINK(\"http://evil\")"},
        {"dde", "+cmd|' /C calc'!A0"},
        {"minus", "-2+3"},
        {"at", "@SUM(A1)"},
        {"tab", "\t=1"},
        {"carriage_return", "\r=1"},
        {"nul", std::string("a\0b", 3)},
        {"osc_title", "\x1b]0;pwned\x07"},
        {"ansi_colour", "\x1b[31mred"},
        {"c1_csi", "\xc2\x9b" "31m"},
        {"quote", "\"quote\""},
        {"long", std::string(40000, 'x')},
    };
    return all;
}

// ---- the checks on each output ----

bool control_character(const std::string& s, std::size_t i, std::string_view allowed) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    return c1 || ((c < 0x20 || c == 0x7f) && allowed.find(s[i]) == std::string_view::npos);
}

void expect_no_controls(const std::string& text, std::string_view allowed, const std::string& what) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (control_character(text, i, allowed)) {
            ADD_FAILURE() << what << ": control character " << static_cast<int>(static_cast<unsigned char>(text[i]))
                          << " at byte " << i;
            return;
        }
}

// A tag's name and its attributes' names, read as an HTML parser would.
struct Tag {
    std::string name;
    std::vector<std::string> attributes;
};

std::vector<Tag> tags(const std::string& html) {
    std::vector<Tag> all;
    const auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const auto name_end = [&](std::size_t i) { return html.find_first_of(" \t\n/>=", i); };
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i)) {
        std::size_t j = name_end(i + 1);
        Tag tag{lower(html.substr(i + 1, j - i - 1)), {}};
        while (j < html.size() && html[j] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[j])) || html[j] == '/') {
                ++j;
                continue;
            }
            const std::size_t end = name_end(j);
            tag.attributes.push_back(lower(html.substr(j, end - j)));
            j = end;
            if (html[j] != '=') continue;
            ++j;
            if (html[j] == '"' || html[j] == '\'') j = html.find(html[j], j + 1) + 1;
            else j = html.find_first_of(" \t\n>", j);
        }
        all.push_back(std::move(tag));
        i = j;
    }
    return all;
}

// The page with the payload has the tags of the page without it, and none that could act.
void expect_inert_html(const std::string& html, const std::string& reference, const std::string& what) {
    const auto found = tags(html), expected = tags(reference);
    EXPECT_EQ(found.size(), expected.size()) << what << ": the payload changed the number of tags";
    for (const Tag& t : found) {
        for (const char* bad : {"script", "form", "img", "iframe", "object", "embed", "base", "link", "input"})
            EXPECT_NE(t.name, bad) << what;
        for (const auto& a : t.attributes) {
            EXPECT_NE(a.rfind("on", 0), 0u) << what << ": <" << t.name << " " << a << ">";
            EXPECT_NE(a, "http-equiv=\"refresh\"") << what;
        }
    }
    EXPECT_EQ(html.find("http-equiv=\"refresh\""), std::string::npos) << what;
    expect_no_controls(html, "\t\n", what + " (HTML)");
}

// Every field of an RFC 4180 file, unquoted.
std::vector<std::string> csv_cells(const std::string& csv) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') cells.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else cells.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return cells;
}

void expect_inert_csv(const std::string& csv, const std::string& what) {
    static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
    for (const auto& cell : csv_cells(csv)) {
        const bool formula_like = !cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos;
        if (formula_like) {
            EXPECT_TRUE(std::regex_match(cell, number)) << what << ": a spreadsheet would evaluate " << cell.substr(0, 60);
        }
        expect_no_controls(cell, "\t\r\n", what);
    }
}

// Where the workbooks go: kept for the openpyxl check when it asks, else a scratch folder.
std::filesystem::path workbook_folder() {
    static const std::filesystem::path folder = [] {
        if (const char* kept = std::getenv("ROICAST_HOSTILE_WORKBOOKS")) {
            std::filesystem::create_directories(kept);
            return std::filesystem::path(kept);
        }
        return test::scratch_folder("hostile_workbooks");
    }();
    return folder;
}

// Every output of a document: the terminal summary, the page and the CSV
// files; the workbook written to workbook_folder() under that name.
struct Outputs {
    std::string terminal, html;
    std::vector<std::pair<std::string, std::string>> csv;
};

Outputs outputs(const app::ResultsDocument& r, const std::string& workbook = "") {
    Outputs o;
    std::ostringstream terminal, html;
    app::print_summary(terminal, r);
    app::write_html_report(html, r);
    o.terminal = terminal.str();
    o.html = html.str();
    for (auto& [name, write] : app::csv_report_files(r)) {
        std::ostringstream file;
        write(file);
        o.csv.emplace_back(name, file.str());
    }
    if (!workbook.empty()) app::write_xlsx_report(workbook_folder() / (workbook + ".xlsx"), r);
    return o;
}

// The outputs of something a field of which holds a payload, against `plain`: the same field holding "x".
void expect_inert(const Outputs& o, const Outputs& plain, const std::string& what) {
    expect_no_controls(o.terminal, "\n", what + " (terminal)");
    expect_inert_html(o.html, plain.html, what);
    for (const auto& [name, csv] : o.csv) expect_inert_csv(csv, what + " (" + name + ")");
}

void expect_inert(const app::ResultsDocument& r, const Outputs& plain, const std::string& what) {
    std::string file = what;
    for (char& c : file)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
    expect_inert(outputs(r, file), plain, what);
}

constexpr const char* neutral = "x";

// ---- layer 1: the scenario loader ----

// A shipped scenario with one variant and few paths.
Json base_scenario() {
    Json doc = Json::parse(test::slurp(std::string(ROICAST_SOURCE_DIR) + "/scenarios/custom-vs-standard.json"));
    doc["simulation"]["paths"] = 64;
    for (const char* v : {"overrun_tail", "price_increase", "churn_worse"}) doc["variants"].erase(v);
    return doc;
}

// The forecast of base_scenario() and of its variant, with samples and
// sensitivity rankings, made once. A text changes no number the model
// computes, so a scenario that differs from it in texts only takes its numbers.
struct Reference {
    models::Forecast base;
    std::vector<models::Forecast> variants;
};

const Reference& reference() {
    static const Reference r = [] {
        const Json doc = base_scenario();
        const models::Scenario s = models::variant_scenario(doc, nullptr, {});
        models::ForecastSettings settings;
        settings.keep_key_paths = true;
        settings.samples = 5;
        settings.sensitivity = models::SensitivitySettings{
            {models::SensitivityMethod::tornado, models::SensitivityMethod::spearman}, 64};
        Reference ref{models::forecast(s, settings), {}};
        settings.sensitivity.reset();
        for (const auto& v : s.variants) ref.variants.push_back(models::forecast(models::variant_scenario(doc, &v, {}), settings));
        return ref;
    }();
    return r;
}

// The results document of a scenario that differs from base_scenario() in texts only; throws ScenarioError.
app::ResultsDocument results_of(const Json& doc) {
    const models::Scenario s = models::variant_scenario(doc, nullptr, {});
    app::ResultsDocument r = app::results_document(s, reference().base);
    r.variants.emplace();
    for (std::size_t k = 0; k < s.variants.size(); ++k) {
        const models::Scenario vs = models::variant_scenario(doc, &s.variants[k], {});
        r.variants->push_back(app::variant_result(s.variants[k], {}, vs, reference().variants[k], reference().base));
    }
    return r;
}

using Kind = models::fields::Kind;

// A text field of the scenario, by JSON pointer, and what the loader holds it to.
struct TextField {
    std::string pointer;
    Kind kind;
};

const std::vector<TextField> text_fields = {
    {"/name", Kind::line},
    {"/currency", Kind::currency},
    {"/notes/0", Kind::text},
    {"/options/custom/label", Kind::line},
    {"/options/custom/description", Kind::text},
    {"/options/custom/source", Kind::text},
    {"/options/custom/costs/build/label", Kind::line},
    {"/options/custom/costs/build/amount/source", Kind::text},
    {"/options/custom/costs/build/amount/label", Kind::line},
    {"/options/custom/costs/training/amount/source", Kind::text},
    {"/options/custom/risks/rework/source", Kind::text},
    {"/options/custom/effects/savings/support/label", Kind::line},
    {"/baseline/users", Kind::line},  // as {"value": 60, "label": payload}
    {"/variants/slow_adoption/description", Kind::text},
};

// What docs/model.md says the loader refuses, told from the payload alone.
bool refused(const std::string& text, Kind kind) {
    if (kind == Kind::currency) return true;  // no payload is a code or symbol
    std::size_t characters = 0;
    for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
    const std::string_view allowed = kind == Kind::line ? "" : "\t\n";
    for (std::size_t i = 0; i < text.size(); ++i)
        if (control_character(text, i, allowed)) return true;
    return characters > (kind == Kind::line ? models::fields::max_line_length : models::fields::max_text_length);
}

std::string address_of(const std::string& pointer) {
    std::string address;
    for (std::size_t i = 1; i < pointer.size(); ++i) {
        const std::size_t end = std::min(pointer.find('/', i), pointer.size());
        const std::string step = pointer.substr(i, end - i);
        address += std::isdigit(static_cast<unsigned char>(step[0])) ? "[" + step + "]" : (address.empty() ? "" : ".") + step;
        i = end;
    }
    return address;
}

// The scenario with a text field set, and that field's address.
std::pair<Json, std::string> with_text(const TextField& field, const std::string& text) {
    Json doc = base_scenario();
    std::string address = address_of(field.pointer);
    if (field.pointer == "/baseline/users") {
        doc["baseline"]["users"] = {{"value", 60}, {"label", text}};
        address += ".label";
    } else {
        doc[Json::json_pointer(field.pointer)] = text;
    }
    return {doc, address};
}

// A test name made of a field's name: letters and digits, the rest '_'.
std::string test_name(const std::string& field) {
    std::string name;
    for (char c : field) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

// One test per field, so that ctest spreads them over the cores.
class ScenarioText : public testing::TestWithParam<std::size_t> {};

TEST_P(ScenarioText, IsRefusedAtItsAddressOrShownAsText) {
    const TextField& field = text_fields[GetParam()];
    const Outputs plain = outputs(results_of(with_text(field, field.kind == Kind::currency ? "EUR" : neutral).first));
    for (const Payload& p : payloads()) {
        const auto [doc, address] = with_text(field, p.text);
        const std::string what = address + " = " + p.name;
        try {
            const app::ResultsDocument r = results_of(doc);
            EXPECT_FALSE(refused(p.text, field.kind)) << what << ": accepted";
            expect_inert(r, plain, what);
        } catch (const models::ScenarioError& e) {
            EXPECT_TRUE(refused(p.text, field.kind)) << what << ": " << e.what();
            ASSERT_FALSE(e.issues().empty());
            EXPECT_EQ(e.issues()[0].address, address) << what;
            std::ostringstream err;
            app::print_scenario_error(err, "scenario.json", e);
            EXPECT_NE(err.str().find("error: scenario.json: " + address + ": "), std::string::npos) << err.str();
            expect_no_controls(err.str(), "\n", what + " (error message)");
        }
    }
}

INSTANTIATE_TEST_SUITE_P(HostileStrings, ScenarioText, testing::Range<std::size_t>(0, text_fields.size()),
                         [](const auto& info) { return test_name(text_fields[info.param].pointer); });

// Names are letters, digits, '_' and '-': no payload passes as one, and the
// message that quotes the name passes no control character to the terminal.
TEST(HostileStrings, NoPayloadIsAName) {
    const Json base = base_scenario();
    for (const std::string object : {"/options", "/horizons", "/variants", "/options/custom/costs"})
        for (const Payload& p : payloads()) {
            Json doc = base;
            Json& parent = doc[Json::json_pointer(object)];
            const std::string first = parent.begin().key();
            parent[p.text] = parent[first];
            parent.erase(first);
            try {
                models::load_scenario(doc);
                ADD_FAILURE() << object << " named " << p.name << ": accepted";
            } catch (const models::ScenarioError& e) {
                std::ostringstream err;
                app::print_scenario_error(err, "scenario.json", e);
                EXPECT_NE(err.str().find("a name must start with a letter"), std::string::npos) << err.str().substr(0, 400);
                expect_no_controls(err.str(), "\n", object + " named " + p.name);
            }
        }
}

// ---- layer 2: the results reader ----

TEST(HostileStrings, TheResultsReaderHoldsTextsToTheScenarioRules) {
    const Json written = app::to_json(results_of(base_scenario()));
    for (const std::string pointer : {"/notes/0", "/scenario", "/currency", "/inputs/0/source"}) {
        const Kind kind = pointer == "/currency" ? Kind::currency : Kind::text;
        Json plain = written;
        plain[Json::json_pointer(pointer)] = kind == Kind::currency ? "EUR" : neutral;
        const Outputs plain_outputs = outputs(app::results_document_from_json(plain));
        for (const Payload& p : payloads()) {
            Json doc = written;
            doc[Json::json_pointer(pointer)] = p.text;
            const std::string what = "results " + pointer + " = " + p.name;
            try {
                const app::ResultsDocument r = app::results_document_from_json(doc);
                EXPECT_FALSE(refused(p.text, kind)) << what;
                expect_inert(r, plain_outputs, what);
            } catch (const app::ResultsFileError& e) {
                EXPECT_TRUE(refused(p.text, kind)) << what << ": " << e.what();
                EXPECT_EQ(std::string(e.what()).rfind(address_of(pointer) + ": ", 0), 0u) << e.what();
            }
        }
    }
}

// ---- layer 3: the writers, with no reader in front ----

// An option renamed everywhere the document names it.
void rename_option(app::ResultsDocument& d, const std::string& from, const std::string& to) {
    const auto renamed = [&](std::string& name) {
        if (name == from) name = to;
    };
    for (auto& c : d.comparisons) {
        const std::string key = c.key();
        renamed(c.a), renamed(c.b);
        if (d.sensitivity)
            for (auto& s : *d.sensitivity)
                if (s.option == key) s.option = c.key();
    }
    for (auto& o : d.options) renamed(o.name);
    if (d.sensitivity)
        for (auto& s : *d.sensitivity) renamed(s.option);
    if (d.value_of_information)
        for (auto& h : d.value_of_information->horizons) renamed(h.best_on_expected_npv);
    if (d.samples)
        for (auto& row : d.samples->rows) renamed(row.option);
    if (d.variants)
        for (auto& v : *d.variants) {
            rename_option(v.results, from, to);
            if (v.against_base)
                for (auto& c : v.against_base->options) renamed(c.option);
        }
}

using Edit = std::function<void(app::ResultsDocument&, const std::string&)>;

const std::vector<std::pair<std::string, Edit>> document_fields = {
    {"scenario", [](auto& d, const auto& t) { d.scenario = t; }},
    {"currency", [](auto& d, const auto& t) { d.currency = t; }},
    {"sampling", [](auto& d, const auto& t) { d.sampling = t; }},
    {"notes", [](auto& d, const auto& t) { d.notes = {t}; }},
    {"horizon name", [](auto& d, const auto& t) { d.horizons[0].name = t; }},
    {"option name", [](auto& d, const auto& t) { rename_option(d, d.options[0].name, t); }},
    {"input", [](auto& d, const auto& t) { d.inputs[0].input = t; }},
    {"input source", [](auto& d, const auto& t) { d.inputs[0].source = t; }},
    {"input distribution", [](auto& d, const auto& t) { d.inputs[0].distribution = t; }},
    {"ranked input", [](auto& d, const auto& t) {
         for (auto& o : *d.sensitivity)
             for (auto& h : o.horizons)
                 for (auto& m : h.metrics)
                     for (auto& method : m.methods)
                         for (auto& e : method.ranking) e.input = t;
     }},
    {"sensitivity note", [](auto& d, const auto& t) { d.sensitivity_notes = std::vector<std::string>{t}; }},
    {"correlated input", [](auto& d, const auto& t) { d.correlations.requested[0].between[0] = t; }},
    {"samples note", [](auto& d, const auto& t) { d.samples->note = t; }},
    {"sample column", [](auto& d, const auto& t) { d.samples->columns.back() = t; }},
    {"warning address", [](auto& d, const auto& t) { d.warnings = {{t, "is implausible"}}; }},
    {"warning message", [](auto& d, const auto& t) { d.warnings = {{"discount_rate", t}}; }},
    {"variant name", [](auto& d, const auto& t) { (*d.variants)[0].name = t; }},
    {"variant description", [](auto& d, const auto& t) { (*d.variants)[0].variant.description = t; }},
    {"variant edit", [](auto& d, const auto& t) { (*d.variants)[0].variant.set[t] = t; }},
};

// One test per field of the document, so that ctest spreads them over the cores.
class DocumentText : public testing::TestWithParam<std::size_t> {};

TEST_P(DocumentText, EveryWriterShowsEveryStringAsText) {
    const app::ResultsDocument base = results_of(base_scenario());
    ASSERT_TRUE(base.sensitivity && base.samples && !base.correlations.requested.empty());
    const auto& [field, edit] = document_fields[GetParam()];
    app::ResultsDocument plain = base;
    edit(plain, neutral);
    const Outputs plain_outputs = outputs(plain);
    for (const Payload& p : payloads()) {
        app::ResultsDocument r = base;
        edit(r, p.text);
        expect_inert(r, plain_outputs, field + " = " + p.name);
    }
}

INSTANTIATE_TEST_SUITE_P(HostileStrings, DocumentText, testing::Range<std::size_t>(0, document_fields.size()),
                         [](const auto& info) { return test_name(document_fields[info.param].first); });

// The pages, CSV tables and terminal lines of sweep and solve, their path,
// statistic and currency holding each payload (the path and statistic come
// from the command line, the currency from the scenario).
TEST(HostileStrings, SweepAndSolveShowEveryStringAsText) {
    const auto sweep_outputs = [](const app::SweepResult& r) {
        std::ostringstream html, csv, terminal;
        app::write_sweep_html(html, r);
        app::write_sweep_csv(csv, r);
        app::print_sweep(terminal, r);
        return Outputs{terminal.str(), html.str(), {{"sweep.csv", csv.str()}}};
    };
    const auto solve_outputs = [](const app::SolveResult& r) {
        std::ostringstream html, csv, terminal;
        app::write_solve_html(html, r);
        app::write_solve_csv(csv, r);
        app::print_solve(terminal, r);
        return Outputs{terminal.str(), html.str(), {{"solve.csv", csv.str()}}};
    };
    using Texts = std::array<std::string, 3>;  // path, statistic, currency
    const auto sweep_of = [](const Texts& t) {
        return app::SweepResult{.path = t[0], .currency = t[2], .values = {0.5, 0.7, 0.9}, .stats = {t[1], "options.custom.horizons.36.npv.mean"},
                                .series = {{1, 2, 3}, {-1e5, 2e5, 3e5}},
                                .bands = {{std::nullopt, std::nullopt, std::nullopt}, {std::array{-2e5, 0.0}, std::nullopt, std::nullopt}}};
    };
    const auto solve_of = [](const Texts& t) {
        return app::SolveResult{.path = t[0], .stat = t[1], .currency = t[2], .target = 14, .from = 0.5, .to = 0.9,
                                .tolerance = 0.01, .bracketed = true, .value = 0.7, .achieved = 14, .at_from = 18,
                                .at_to = 10, .evaluations = {{0.5, 18}, {0.9, 10}, {0.7, 14}}};
    };
    for (std::size_t field = 0; field < 3; ++field) {
        Texts plain{"options.custom.adoption.ceiling", "options.custom.payback_months.p50", "EUR"};
        plain[field] = neutral;
        const Outputs plain_sweep = sweep_outputs(sweep_of(plain)), plain_solve = solve_outputs(solve_of(plain));
        for (const Payload& p : payloads()) {
            Texts texts = plain;
            texts[field] = p.text;
            const std::string what = std::array{"path", "statistic", "currency"}[field] + std::string(" = ") + p.name;
            expect_inert(sweep_outputs(sweep_of(texts)), plain_sweep, "sweep " + what);
            expect_inert(solve_outputs(solve_of(texts)), plain_solve, "solve " + what);
        }
    }
}

// ---- the command line ----

TEST(HostileStrings, TheCommandLineRefusesWithAnAddressAndPassesNoEscapeOn) {
    const auto dir = test::scratch_folder("hostile_cli");
    Json doc = base_scenario();
    doc["options"]["custom"]["label"] = "\x1b]0;pwned\x07";
    std::ofstream(dir / "scenario.json") << doc.dump();
    auto o = test::roicast("validate " + (dir / "scenario.json").string());
    EXPECT_EQ(o.exit_code, 2);
    EXPECT_NE(o.err.find("options.custom.label: holds a control character (U+001B)"), std::string::npos) << o.err;
    expect_no_controls(o.err, "\n", "validate's stderr");

    Json results = app::to_json(results_of(base_scenario()));
    results["notes"][0] = std::string(3000, 'n');
    std::ofstream(dir / "results.json") << results.dump();
    o = test::roicast("report " + (dir / "results.json").string() + " --html " + (dir / "report.html").string());
    EXPECT_EQ(o.exit_code, 2);
    EXPECT_NE(o.err.find("notes[0]: is 3000 characters long"), std::string::npos) << o.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "report.html"));

    // Accepted markup and formulas come out as text in every output; the terminal's lines hold no escape.
    doc = base_scenario();
    doc["name"] = "<script>alert(1)</script>";
    doc["notes"] = {"=HYPERLINK(\"http://evil\")", "line one\nline two"};
    std::ofstream(dir / "scenario.json") << doc.dump();
    o = test::roicast("run " + (dir / "scenario.json").string() + " --variant all --html " + (dir / "report.html").string() +
                      " --csv " + (dir / "csv").string());
    EXPECT_EQ(o.exit_code, 0) << o.err;
    expect_no_controls(o.out, "\n", "run's stdout");
    EXPECT_EQ(test::slurp(dir / "report.html").find("<script"), std::string::npos);
    std::filesystem::remove_all(dir);
}

}  // namespace
