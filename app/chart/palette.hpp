#pragma once

#include <cstddef>

namespace app::chart::palette {

// Blues from light to dark, then one warm colour: distinct in hue on screen
// and in lightness in grey print (each step differs by ≥ 15 % luminance).
inline constexpr const char* band_outer = "#c6dbef";
inline constexpr const char* band_inner = "#6baed6";
inline constexpr const char* dark = "#08306b";
inline constexpr const char* bars = "#4a7fb5";
inline constexpr const char* warm = "#d9822b";
inline constexpr const char* negative = "#b8b8b8";
inline constexpr const char* reference = "#f3e2b3";
inline constexpr const char* axis = "#444444";
inline constexpr const char* grid = "#e3e3e3";

// Per series (an option, or base and its variants): colour and dash, so
// the lines stay apart in grey too. Index them modulo series_count.
inline constexpr const char* option_stroke[] = {"#08306b", "#d9822b", "#5a9b5a", "#7b4f9d", "#a50f15", "#6baed6"};
inline constexpr const char* option_dash[] = {"", "7 4", "2 3", "10 3 2 3", "4 2", "12 3"};
inline constexpr std::size_t series_count = 6;

// Fills for the segments of a stack (cost lines), alternating light and dark
// so neighbours stay apart in grey. Index them modulo stack_count.
inline constexpr const char* stack_fill[] = {"#08306b", "#9ecae1", "#d9822b", "#4a7fb5", "#f3c98b", "#5a9b5a",
                                             "#c6dbef", "#7b4f9d", "#b8b8b8", "#a50f15"};
inline constexpr std::size_t stack_count = 10;

}  // namespace app::chart::palette
