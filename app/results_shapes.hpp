#pragma once

#include "app/results_document.hpp"

namespace app {

// What every writer (terminal, HTML, workbook, CSV) relies on in a results
// document read from a file, checked once after reading so that none of them
// has to: per-horizon entries in the document's horizon order, one per
// horizon; per-month arrays as long as the longest horizon; lines that match
// across horizons; counts within the run's paths; every array within
// results_limits. Throws ResultsFileError with the address of the first
// value that is not so. Reorders per-horizon entries into the document's order.
void check_shapes(ResultsDocument& d);

// The address of element i of the array at `at`: "options[2]".
inline std::string element_address(const std::string& at, std::size_t i) { return at + "[" + std::to_string(i) + "]"; }

}  // namespace app
