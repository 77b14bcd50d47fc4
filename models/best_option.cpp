#include "models/best_option.hpp"

namespace models {

BestChoiceCounts::BestChoiceCounts(std::size_t horizons, std::size_t options)
    : options_(options), among_(horizons * options, 0), counting_(horizons * options, 0), nothing_(horizons, 0) {}

void BestChoiceCounts::add(const PathStore& store, std::size_t n) {
    for (std::size_t h = 0; h < nothing_.size(); ++h) {
        std::uint64_t* among = among_.data() + h * options_;
        std::uint64_t* counting = counting_.data() + h * options_;
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t best = 0;
            double highest = store.metric(0, h, Metric::npv)[i];
            for (std::size_t o = 1; o < options_; ++o) {
                const double npv = store.metric(o, h, Metric::npv)[i];
                if (npv > highest) highest = npv, best = o;
            }
            ++among[best];
            if (highest > 0) ++counting[best];
            else ++nothing_[h];
        }
    }
}

void BestChoiceCounts::merge(const BestChoiceCounts& other) {
    for (std::size_t k = 0; k < among_.size(); ++k) among_[k] += other.among_[k], counting_[k] += other.counting_[k];
    for (std::size_t h = 0; h < nothing_.size(); ++h) nothing_[h] += other.nothing_[h];
}

std::vector<BestChoice> BestChoiceCounts::shares(std::uint64_t paths) const {
    const double n = static_cast<double>(paths);
    std::vector<BestChoice> out(nothing_.size());
    for (std::size_t h = 0; h < out.size(); ++h) {
        for (std::size_t o = 0; o < options_; ++o) {
            out[h].among_options.push_back(static_cast<double>(among_[h * options_ + o]) / n);
            out[h].counting_nothing.push_back(static_cast<double>(counting_[h * options_ + o]) / n);
        }
        out[h].nothing = static_cast<double>(nothing_[h]) / n;
    }
    return out;
}

}  // namespace models
