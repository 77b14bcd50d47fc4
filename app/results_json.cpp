// The JSON text of a results file, parsed within results_limits.
#include <cstdint>
#include <string>
#include <vector>

#include "app/results_document.hpp"

namespace app {

namespace {

using Json = nlohmann::ordered_json;

// A first pass over the text that builds nothing, refusing what the DOM
// parser would be slow or deep to build: an ordered object finds each new key
// among the keys before it, so an object of n members costs n² / 2 string
// comparisons, and the reader and writers recurse into nested values.
class WithinLimits : public nlohmann::json_sax<Json> {
public:
    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& key) override {
        Level& level = levels_.back();
        comparisons_ += level.members;  // the new key against each before it
        if (++level.members > results_limits::members)
            throw ResultsFileError(address(levels_.size() - 1), "an object of more than " +
                                                                    std::to_string(results_limits::members) + " members");
        if (comparisons_ > results_limits::key_comparisons)
            throw ResultsFileError(address(levels_.size() - 1), "objects too large together: building them would "
                                                                "compare keys more than 10^9 times");
        level.key = key;
        return true;
    }
    // The real parse says what is wrong, and where.
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    struct Level {
        bool object;
        std::size_t members = 0;  // an array's elements so far, or an object's keys
        std::string key;          // an object's latest key
    };
    std::vector<Level> levels_;
    std::uint64_t comparisons_ = 0;

    // Where the value the first `depth` levels lead to is: "options.custom.payback_months.cdf[3]".
    std::string address(std::size_t depth) const {
        std::string at;
        for (std::size_t i = 0; i < depth; ++i) {
            const Level& l = levels_[i];
            if (l.object) at += (at.empty() ? "" : ".") + l.key;
            else if (l.members > 0) at += "[" + std::to_string(l.members - 1) + "]";
        }
        return at;
    }
    bool value() {
        if (!levels_.empty() && !levels_.back().object) ++levels_.back().members;
        return true;
    }
    bool open(bool object) {
        value();
        if (levels_.size() == results_limits::depth)
            throw ResultsFileError(address(levels_.size()), "nested more than " + std::to_string(results_limits::depth) +
                                                  " levels deep");
        levels_.push_back(Level{object, 0, {}});
        return true;
    }
    bool close() {
        levels_.pop_back();
        return true;
    }
};

}  // namespace

Json parse_results_json(std::string_view text) {
    WithinLimits check;
    Json::sax_parse(text, &check);
    return Json::parse(text);  // throws the parse error if the first pass stopped at one
}

}  // namespace app
