#include "app/results_shapes.hpp"

#include <algorithm>
#include <cmath>

#include "models/simulation.hpp"
#include "sim/invalid_parameter.hpp"

namespace app {

namespace {

namespace limits = results_limits;

std::string count(std::uint64_t n) { return sim::format_whole(n); }

void check_length(std::size_t size, std::size_t expected, const std::string& at, const char* per) {
    if (size != expected)
        throw ResultsFileError(at, "expected " + count(expected) + " values (" + per + "), got " + count(size));
}

void at_most(std::size_t size, std::size_t most, const std::string& at, const std::string& what) {
    if (size > most) throw ResultsFileError(at, "expected at most " + count(most) + " " + what + ", got " + count(size));
}

// A rank among n entries: 1 … n.
void check_rank(std::uint64_t rank, std::size_t n, const std::string& at) {
    if (rank < 1 || rank > n) throw ResultsFileError(at, "expected a rank from 1 to " + count(n) + ", got " + count(rank));
}

// A list of names that must equal another's, in order (a breakdown's lines at every horizon).
void check_same_lines(const std::vector<NamedQuantiles>& list, const std::vector<NamedQuantiles>& first,
                      const std::string& at, int first_months) {
    const auto same = [](const NamedQuantiles& a, const NamedQuantiles& b) { return a.name == b.name; };
    if (!std::equal(list.begin(), list.end(), first.begin(), first.end(), same))
        throw ResultsFileError(at, "expected the same lines, in the same order, as at " + std::to_string(first_months) +
                                       " months");
}

class Shapes {
public:
    explicit Shapes(ResultsDocument& d) : d_(d) {}

    void check() {
        horizons();
        if (d_.paths == 0) throw ResultsFileError("paths", "expected at least one path");
        if (const auto& band = d_.payback_reference_months) {
            const auto [from, to] = *band;
            if (!(from >= 0 && from <= to && to <= limits::months))
                throw ResultsFileError("payback_reference_months", "expected [from, to] with 0 <= from <= to <= " +
                                                                       std::to_string(limits::months) + " months");
        }
        if (d_.options.empty()) throw ResultsFileError("options", "expected at least one option");
        at_most(d_.options.size(), limits::options, "options", "options");
        at_most(d_.inputs.size(), limits::inputs, "inputs", "inputs");
        at_most(d_.assumptions.size(), limits::inputs, "assumptions", "entries");
        at_most(d_.warnings.size(), limits::inputs, "warnings", "warnings");
        for (auto& o : d_.options) option(o, "options." + o.name);
        for (auto& c : d_.comparisons) comparison(c, "comparison." + c.key());
        if (!d_.prob_best.empty()) prob_best();
        if (const auto& c = d_.convergence) {
            // Batches double the paths: a run of at most 2^53 paths takes at most 54 of them.
            if (c->trace.empty()) throw ResultsFileError("convergence.trace", "expected at least one batch");
            at_most(c->trace.size(), 64, "convergence.trace", "batches");
        }
        if (d_.streaming && d_.streaming->pilot_paths > d_.paths)
            throw ResultsFileError("streaming.pilot_paths", "expected at most the run's " + count(d_.paths) + " paths");
        if (d_.sensitivity) sensitivity();
        if (auto& voi = d_.value_of_information) {
            per_horizon(voi->horizons, "value_of_information");
            for (const auto& h : voi->horizons)
                if (h.evppi) ranking(*h.evppi, "value_of_information." + h.key() + ".evppi");
        }
        if (d_.samples) samples(*d_.samples);
        if (d_.variants) variants();
    }

private:
    ResultsDocument& d_;
    std::size_t months_ = 0;  // the longest horizon: per-month arrays are this long

    void horizons() {
        if (d_.horizons.empty()) throw ResultsFileError("horizons", "expected at least one horizon");
        std::vector<const HorizonName*> by_months(limits::months + 1, nullptr);
        for (const auto& h : d_.horizons) {
            const std::string at = "horizons." + h.name;
            if (h.months < 1 || h.months > limits::months)
                throw ResultsFileError(at, "expected months between 1 and " + std::to_string(limits::months) +
                                               ", got " + std::to_string(h.months));
            if (const HorizonName* same = by_months[static_cast<std::size_t>(h.months)])
                throw ResultsFileError(at, "the same months as horizons." + same->name);
            by_months[static_cast<std::size_t>(h.months)] = &h;
            months_ = std::max(months_, static_cast<std::size_t>(h.months));
        }
    }

    // Per-horizon entries in the document's horizon order, each present once.
    template <class T>
    void per_horizon(std::vector<T>& list, const std::string& at) const {
        std::vector<T> ordered;
        for (const auto& h : d_.horizons) {
            const auto it = std::find_if(list.begin(), list.end(), [&](const T& e) { return e.months == h.months; });
            if (it == list.end()) throw ResultsFileError(at + "." + std::to_string(h.months), "missing");
            ordered.push_back(std::move(*it));
        }
        if (list.size() != d_.horizons.size())
            throw ResultsFileError(at, "has entries for months that are not horizons");
        list = std::move(ordered);
    }

    bool is_option(const std::string& name) const {
        return std::any_of(d_.options.begin(), d_.options.end(), [&](const OptionResult& o) { return o.name == name; });
    }

    void paths_at_most(std::uint64_t n, const std::string& at) const {
        if (n > d_.paths)
            throw ResultsFileError(at, "expected at most the run's " + count(d_.paths) + " paths, got " + count(n));
    }

    void option(OptionResult& o, const std::string& at) {
        per_horizon(o.horizons, at + ".horizons");
        for (const auto& h : o.horizons) {
            const std::string here = at + ".horizons." + h.key();
            for (models::Metric m : models::all_metrics)
                paths_at_most(h[m].n, here + "." + models::metric_names[static_cast<std::size_t>(m)] + ".n");
            histogram(h.roi_histogram, here + ".roi.histogram");
        }
        breakdowns(o, at + ".horizons");
        time(o.payback, at + ".payback_months");
        time(o.discounted_payback, at + ".discounted_payback_months");
        for (const auto& [level, band] : o.cumulative_cash_flow.bands())
            check_length(band->size(), months_, at + ".cumulative_cash_flow." + level, "one per month");
        if (!o.years.empty())
            check_length(o.years.size(), models::year_periods(static_cast<int>(months_)), at + ".years",
                         "month 0, then one per year");
    }

    void histogram(const std::optional<Histogram>& h, const std::string& at) const {
        if (!h) return;
        if (h->counts.empty() || h->counts.size() > limits::bins)
            throw ResultsFileError(at + ".counts", "expected 1 to " + count(limits::bins) + " bins, got " +
                                                       count(h->counts.size()));
        if (std::isnan(h->low)) throw ResultsFileError(at + ".low", "expected a number, got null");
        if (!(h->bin_width > 0)) throw ResultsFileError(at + ".bin_width", "expected a width > 0");
        // The chart's axis spans the bins: its end must be a number too.
        const double end = h->low + h->bin_width * static_cast<double>(h->counts.size());
        if (!(std::abs(end) <= limits::magnitude))
            throw ResultsFileError(at + ".bin_width", "the bins end at " + sim::format_number(end) +
                                                          ", beyond ±1e300");
        // Every value counted once: no more than the run's paths (and no sum that overflows).
        std::uint64_t total = 0;
        const auto add = [&](std::uint64_t n, const std::string& where) {
            if (n > d_.paths - total)
                throw ResultsFileError(where, "the histogram counts more values than the run's " + count(d_.paths) +
                                                  " paths");
            total += n;
        };
        for (std::size_t b = 0; b < h->counts.size(); ++b) add(h->counts[b], element_address(at + ".counts", b));
        add(h->below, at + ".below");
        add(h->above, at + ".above");
        add(h->undefined, at + ".undefined");
    }

    void time(const TimeToEvent& t, const std::string& at) const {
        check_length(t.cdf.size(), months_, at + ".cdf", "one per month");
        if (t.prob_within.size() != d_.horizons.size())
            throw ResultsFileError(at + ".prob_within", "expected one value per horizon");
        for (std::size_t h = 0; h < d_.horizons.size(); ++h)
            if (t.prob_within[h].name != d_.horizons[h].name)
                throw ResultsFileError(at + ".prob_within." + t.prob_within[h].name,
                                       "not the horizon \"" + d_.horizons[h].name + "\"");
    }

    // A breakdown at every horizon or none, each listing the first one's lines.
    static void breakdowns(const OptionResult& o, const std::string& at) {
        const HorizonMetrics& first = o.horizons.front();
        for (const auto& h : o.horizons) {
            const std::string here = at + "." + h.key() + ".breakdown";
            if (h.breakdown.has_value() != first.breakdown.has_value())
                throw ResultsFileError(here, std::string(first.breakdown ? "missing" : "unexpected") + ": a breakdown " +
                                                 "is at every horizon or none, and " + first.key() + " months has " +
                                                 (first.breakdown ? "one" : "none"));
            if (!h.breakdown) continue;
            const Breakdown &b = *h.breakdown, &f = *first.breakdown;
            check_same_lines(b.benefits.savings, f.benefits.savings, here + ".benefits.savings", first.months);
            check_same_lines(b.benefits.lines, f.benefits.lines, here + ".benefits.lines", first.months);
            check_same_lines(b.costs.lines, f.costs.lines, here + ".costs.lines", first.months);
            check_same_lines(b.costs.risks, f.costs.risks, here + ".costs.risks", first.months);
        }
    }

    void comparison(ComparisonResult& c, const std::string& at) {
        for (const std::string* name : {&c.a, &c.b})
            if (!is_option(*name)) throw ResultsFileError(at, "\"" + *name + "\" is not an option of the file");
        if (c.a == c.b) throw ResultsFileError(at, "compares an option with itself");
        per_horizon(c.horizons, at + ".horizons");
        for (const auto& h : c.horizons) {
            const std::string here = at + ".horizons." + h.key() + ".npv_difference";
            paths_at_most(h.npv_difference.statistics.n, here + ".n");
            histogram(h.npv_difference.histogram, here + ".histogram");
        }
        time(c.overtake, at + ".overtake_month");
    }

    // Per horizon, a share per option in the document's order, each list summing to 1.
    void prob_best() {
        per_horizon(d_.prob_best, "prob_best");
        for (const auto& b : d_.prob_best) {
            const std::string at = "prob_best." + b.key();
            const auto shares = [&](const std::vector<OptionShare>& list, double rest, const std::string& here) {
                const auto same = [](const OptionShare& s, const OptionResult& o) { return s.name == o.name; };
                if (!std::equal(list.begin(), list.end(), d_.options.begin(), d_.options.end(), same))
                    throw ResultsFileError(here, "expected one share per option, in the order of \"options\"");
                double sum = rest;
                for (const auto& e : list) {
                    if (!(e.value >= 0 && e.value <= 1)) throw ResultsFileError(here + "." + e.name, "expected a share in [0, 1]");
                    sum += e.value;
                }
                if (!(std::abs(sum - 1) <= 1e-9)) throw ResultsFileError(here, "expected shares that sum to 1");
            };
            if (!(b.not_investing >= 0 && b.not_investing <= 1))
                throw ResultsFileError(at + ".not_investing", "expected a share in [0, 1]");
            shares(b.among_options, 0, at + ".among_options");
            shares(b.counting_not_investing, b.not_investing, at + ".counting_not_investing");
        }
    }

    // A ranking lists each input once at most, ranked 1 … n.
    template <class Entry>
    void ranking(const std::vector<Entry>& list, const std::string& at) const {
        at_most(list.size(), d_.inputs.size(), at, "entries (one per input of \"inputs\")");
        for (std::size_t i = 0; i < list.size(); ++i) check_rank(list[i].rank, list.size(), element_address(at, i) + ".rank");
    }

    // Rankings of an option or of a pair of `comparison`, at the document's horizons.
    void sensitivity() const {
        for (const auto& o : *d_.sensitivity) {
            const std::string at = "sensitivity." + o.option;
            const bool pair = std::any_of(d_.comparisons.begin(), d_.comparisons.end(),
                                          [&](const ComparisonResult& c) { return c.key() == o.option; });
            if (!pair && !is_option(o.option))
                throw ResultsFileError(at, "not an option or a pair of \"comparison\"");
            for (const auto& h : o.horizons) {
                if (d_.horizon_index(h.months) == d_.horizons.size())
                    throw ResultsFileError(at + "." + h.key(), "not a horizon of the file");
                for (const auto& m : h.metrics)
                    for (const auto& method : m.methods)
                        ranking(method.ranking, at + "." + h.key() + "." + m.metric + "." + method.method);
            }
        }
    }

    // The first paths of the run, a row per path and option, a value per column.
    void samples(const Samples& s) const {
        // path, option, NPV and ROI per horizon, payback, then each uncertain input's draw
        const std::size_t most_columns = 3 + 2 * d_.horizons.size() + d_.inputs.size();
        if (s.columns.size() < 3 || s.columns.size() > most_columns || s.columns[0] != "path" ||
            s.columns[1] != "option")
            throw ResultsFileError("samples.columns", "expected path, option and 1 to " +
                                                          count(most_columns - 2) + " value columns");
        const std::uint64_t most_paths = std::min(d_.paths, limits::sample_paths);
        if (s.paths > most_paths)
            throw ResultsFileError("samples.paths", "expected at most " + count(most_paths) + ", got " + count(s.paths));
        at_most(s.rows.size(), s.paths * d_.options.size(), "samples.rows", "rows (one per path and option)");
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            const std::string at = element_address("samples.rows", i);
            if (s.rows[i].values.size() + 2 != s.columns.size())
                throw ResultsFileError(at, "expected " + count(s.columns.size()) + " values");
            if (s.rows[i].path >= s.paths)
                throw ResultsFileError(element_address(at, 0), "expected a path below samples.paths (" + count(s.paths) + ")");
        }
    }

    void variants() const {
        at_most(d_.variants->size(), limits::options, "variants", "variants");
        for (auto& v : *d_.variants) {
            const std::string at = "variants." + v.name;
            try {
                if (v.results.variants) throw ResultsFileError("variants", "a variant holds no variants of its own");
                check_shapes(v.results);
            } catch (const ResultsFileError& e) {
                throw ResultsFileError(at + (e.address().empty() ? "" : "." + e.address()), e.message());
            }
            if (v.results.options.size() != d_.options.size())
                throw ResultsFileError(at + ".options", "expected the base's options");
            if (!v.against_base) continue;
            const std::string here = at + ".against_base";
            if (v.against_base->paths == 0) throw ResultsFileError(here + ".paths", "expected at least one path");
            paths_at_most(v.against_base->paths, here + ".paths");
            for (auto& o : v.against_base->options) {
                if (!is_option(o.option))
                    throw ResultsFileError(here + ".options." + o.option, "not an option of the base");
                per_horizon(o.horizons, here + ".options." + o.option + ".horizons");
            }
        }
    }
};

}  // namespace

void check_shapes(ResultsDocument& d) { Shapes(d).check(); }

}  // namespace app
