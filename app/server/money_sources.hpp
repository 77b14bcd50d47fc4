#pragma once

#include <string>

#include "app/results_document.hpp"

namespace app::server {

// "Where the money comes from": per option, the mean of each benefit
// component and each cost at the headline horizon (the results' breakdown,
// MODEL.md §6.6) as bars through app/chart, benefits to the right and costs
// to the left. An HTML fragment (a <section>), every text escaped.
// TODO(lead): the reworked report's page one may get such a section; when it
// does, the page should call it instead.
std::string money_sources_html(const ResultsDocument& results);

}  // namespace app::server
