#include "models/value_of_information.hpp"

#include "models/simulation.hpp"

namespace models {

ValueOfInformation value_of_information(const Scenario& s, const PathStore& main, bool partial,
                                        const std::atomic<bool>* cancel) {
    const auto check = [&] {
        if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled{};
    };
    ValueOfInformation v;
    v.method = "EVPI = E[max over choices of NPV] - max over choices of E[NPV], the choices being the options and "
               "doing nothing (NPV 0), CI from the per-path regret; EVPPI per input by the single-input binning "
               "method of Strong & Oakley (2013) with 50 equal-count bins, slightly biased upwards by noise.";
    const auto n = static_cast<Eigen::Index>(main.paths());
    const auto k = static_cast<Eigen::Index>(s.options.size());
    for (std::size_t h = 0; h < s.horizons.size(); ++h) {
        Eigen::MatrixXd nb = Eigen::MatrixXd::Zero(n, k + 1);  // last column: do nothing
        for (Eigen::Index o = 0; o < k; ++o) {
            const auto& npv = main.metric(static_cast<std::size_t>(o), h, Metric::npv);
            nb.col(o) = Eigen::Map<const Eigen::VectorXd>(npv.data(), n);
        }
        check();
        HorizonValueOfInformation hv;
        hv.evpi = sim::expected_value_of_perfect_information(nb);
        hv.best = hv.evpi.best < s.options.size() ? s.options[hv.evpi.best].name : "do_nothing";
        check();
        if (partial && main.inputs().cols() > 0) hv.partial = sim::expected_value_of_partial_information(main.inputs(), nb);
        v.horizons.push_back(std::move(hv));
    }
    return v;
}

}  // namespace models
