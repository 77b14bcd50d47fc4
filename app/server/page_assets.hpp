#pragma once

#include <string_view>

namespace app::server {

// The page of `roicast serve` (app/server/page/), compiled into the binary:
// it loads nothing from anywhere but this server.
std::string_view page_html();
std::string_view page_script();
std::string_view page_style();

}  // namespace app::server
