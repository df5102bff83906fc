# tests/eval: the accuracy corpus (eval/quotes, eval/figures) scored by eval/score.py against the
# thresholds in eval/thresholds.json; the suite fails when recall falls, or a clean span or a
# stray warning appears beyond them. Included from tests/CMakeLists.txt.
find_program(FACTLINE_PYTHON python3 REQUIRED)
add_test(NAME "eval: accuracy corpus meets its thresholds"
         COMMAND ${FACTLINE_PYTHON} ${PROJECT_SOURCE_DIR}/eval/score.py --check
                 --factline $<TARGET_FILE:factline>
                 ${PROJECT_SOURCE_DIR}/eval/quotes ${PROJECT_SOURCE_DIR}/eval/figures
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("eval: accuracy corpus meets its thresholds" PROPERTIES TIMEOUT 120)
