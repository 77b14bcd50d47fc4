#pragma once

#include <string>
#include <vector>

namespace models {

// Edit distance of two names, letters compared without case.
std::size_t edit_distance(const std::string& a, const std::string& b);

// ", did you mean \"name\"?" for the known name nearest to what was typed,
// when it is close enough to be a typo; "" otherwise.
std::string did_you_mean(const std::string& typed, const std::vector<std::string>& names);

}  // namespace models
