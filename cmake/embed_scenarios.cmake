# Writes OUTPUT, a C++ source holding every scenario file in SCENARIO_DIR as a
# string, so the binary can run and print the shipped scenarios from anywhere.
file(GLOB files "${SCENARIO_DIR}/*.json")
list(SORT files)
set(body "#include \"app/embedded_scenarios.hpp\"\n\nnamespace app {\n\nconst std::vector<EmbeddedScenario>& embedded_scenarios() {\n    static const std::vector<EmbeddedScenario> all = {\n")
foreach(f IN LISTS files)
  get_filename_component(name "${f}" NAME_WE)
  if(name STREQUAL "scenario")  # the JSON Schema, not a scenario
    continue()
  endif()
  file(READ "${f}" text)
  string(APPEND body "        {\"${name}\", R\"roicast_json(${text})roicast_json\"},\n")
endforeach()
string(APPEND body "    };\n    return all;\n}\n\n}  // namespace app\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
