#pragma once
// Shared by the report tests and fuzz/results_fuzzer.cpp: a chart's geometry
// must never say "inf" or "nan" (a browser drops the element, or the picture).

#include <string>

namespace test {

// The first numeric SVG attribute (coordinates, sizes, path data, transforms)
// of `html` whose value holds "inf" or "nan", as name="value"; empty if none.
inline std::string non_finite_svg_number(const std::string& html) {
    static const char* const names[] = {"x",     "y",      "x1", "x2", "y1", "y2",      "cx",       "cy",
                                        "r",     "width",  "height", "d",  "viewBox", "transform", "stroke-width"};
    for (const char* name : names) {
        const std::string opening = std::string(" ") + name + "=\"";
        for (auto p = html.find(opening); p != std::string::npos; p = html.find(opening, p + 1)) {
            const auto start = p + opening.size(), end = html.find('"', start);
            std::string value = html.substr(start, end - start);
            for (char& c : value) c = static_cast<char>(c | 0x20);  // ASCII lower case
            if (value.find("inf") != std::string::npos || value.find("nan") != std::string::npos)
                return name + std::string("=\"") + html.substr(start, end - start) + "\"";
        }
    }
    return "";
}

}  // namespace test
