#pragma once

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

// Per option: colour and dash, so two options stay apart in grey too.
inline constexpr const char* option_stroke[] = {"#08306b", "#d9822b", "#5a9b5a", "#7b4f9d"};
inline constexpr const char* option_dash[] = {"", "7 4", "2 3", "10 3 2 3"};

}  // namespace app::chart::palette
