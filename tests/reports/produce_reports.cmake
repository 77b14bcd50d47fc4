# Runs a scenario and every variant of it with every report (the terminal
# summary kept in terminal.txt), then rebuilds
# the HTML from the saved results file: `roicast report` must give the same
# page byte for byte. PATHS paths (default 5,000), every one kept as a
# sample, from which the checks recompute statistics.
if(NOT PATHS)
  set(PATHS 5000)
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(
  COMMAND "${ROICAST}" run "${SCENARIO}" --paths ${PATHS} --samples ${PATHS} --sensitivity tornado,spearman,tail --variant all
          --json "${OUT}/results.json" --html "${OUT}/report.html" --xlsx "${OUT}/workbook.xlsx" --csv "${OUT}/csv"
  OUTPUT_FILE "${OUT}/terminal.txt"
  RESULT_VARIABLE run_status)
if(NOT run_status EQUAL 0)
  message(FATAL_ERROR "roicast run failed: ${run_status}")
endif()
execute_process(COMMAND "${ROICAST}" report "${OUT}/results.json" --html "${OUT}/from-results.html"
                RESULT_VARIABLE report_status)
if(NOT report_status EQUAL 0)
  message(FATAL_ERROR "roicast report failed: ${report_status}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/report.html" "${OUT}/from-results.html"
                RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "the report from the results file differs from the run's own report")
endif()
