# tests/import: the bases `factline facts import` writes are valid against the JSON Schema, checked
# with a real validator (python3-jsonschema). Included from tests/CMakeLists.txt.
find_program(FACTLINE_PYTHON python3 REQUIRED)
add_test(NAME "import: every transcript form imports into a base the JSON Schema accepts"
         COMMAND ${FACTLINE_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/schema_valid.py
                 $<TARGET_FILE:factline> ${PROJECT_SOURCE_DIR}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("import: every transcript form imports into a base the JSON Schema accepts"
                     PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
