# tests/reports: the HTML review sheet opened in headless Chromium (Debian's chromium, installed by
# scripts/install-deps), over the DevTools protocol: no console errors, every finding marked and
# carded, a screenshot and a PDF left in the build tree. Included from tests/CMakeLists.txt.
find_program(FACTLINE_PYTHON python3)
# A missing browser is a skip with the reason (exit 77, "FACTLINE-SKIP: ..."), and under CI=true a
# failure: the script says which.
add_test(NAME "reports: html review sheet in headless chromium"
         COMMAND ${FACTLINE_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/html_sheet_in_chromium.py
                 $<TARGET_FILE:factline> ${CMAKE_BINARY_DIR}/review-sheet
                 ${PROJECT_SOURCE_DIR}/examples/hearing-draft.md
                 ${PROJECT_SOURCE_DIR}/examples/call-report.txt
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("reports: html review sheet in headless chromium" PROPERTIES TIMEOUT 180
  SKIP_RETURN_CODE 77)
