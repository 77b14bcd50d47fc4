# Writes OUTPUT, a C++ source holding the page of `roicast serve`
# (app/server/page/) as strings, so the binary serves it from anywhere.
set(body "#include \"app/server/page_assets.hpp\"\n\nnamespace app::server {\n\n")
foreach(pair IN ITEMS "page_html:index.html" "page_script:app.js" "page_style:app.css")
  string(REPLACE ":" ";" parts "${pair}")
  list(GET parts 0 function)
  list(GET parts 1 file)
  file(READ "${PAGE_DIR}/${file}" text)
  string(APPEND body "std::string_view ${function}() {\n    return R\"roicast_page(${text})roicast_page\";\n}\n\n")
endforeach()
string(APPEND body "}  // namespace app::server\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
