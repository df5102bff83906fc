# tests/editors: the Neovim plugin and VS Code's client protocol stack against the freshly built
# server, and the VS Code extension's strict compile and vsce package. Included from
# tests/CMakeLists.txt (tests/ directory scope, after the factline target exists).
set(FACTLINE_EDITOR_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(FACTLINE_VSCODE_DIR ${PROJECT_SOURCE_DIR}/editors/vscode)
set(FACTLINE_NPM_CI ${PROJECT_SOURCE_DIR}/editors/npm-ci.sh)

# A tool the editor tests need but the machine lacks fails its test with the fix, never skips.
function(factline_editor_tool var program)
  find_program(${var} ${program})
  if(NOT ${var})
    set(${var} sh -c "echo '${program} not found: run sh scripts/install-deps (Debian packages neovim, nodejs, npm)' >&2; exit 1" PARENT_SCOPE)
  endif()
endfunction()
factline_editor_tool(FACTLINE_NVIM nvim)
factline_editor_tool(FACTLINE_NODE node)

# npm ci, only when node_modules is missing or stale; every test using the packages needs it.
add_test(NAME "editors: npm ci tests/editors"
         COMMAND sh ${FACTLINE_NPM_CI} ${FACTLINE_EDITOR_TESTS_DIR})
set_tests_properties("editors: npm ci tests/editors" PROPERTIES
  FIXTURES_SETUP factline_editor_tests_npm RESOURCE_LOCK factline_editor_tests_npm TIMEOUT 600)
add_test(NAME "editors: npm ci editors/vscode" COMMAND sh ${FACTLINE_NPM_CI} ${FACTLINE_VSCODE_DIR})
set_tests_properties("editors: npm ci editors/vscode" PROPERTIES
  FIXTURES_SETUP factline_vscode_npm RESOURCE_LOCK factline_vscode_dir TIMEOUT 600)

set(FACTLINE_EDITOR_ENV
  FACTLINE_SOURCE_DIR=${PROJECT_SOURCE_DIR}
  FACTLINE_BINARY=$<TARGET_FILE:factline>
  FACTLINE_DRAFT=${PROJECT_SOURCE_DIR}/examples/hearing-draft.md
  FACTLINE_TEXT_DRAFT=${PROJECT_SOURCE_DIR}/examples/call-report.txt)

# (1) Headless Neovim (Debian's 0.7) with the plugin on runtimepath, against the real server.
add_test(NAME "editors: neovim plugin against factline serve"
         COMMAND ${FACTLINE_NVIM} --headless --clean -u ${FACTLINE_EDITOR_TESTS_DIR}/nvim/init.lua
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: neovim plugin against factline serve" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150)

# (3) The extension compiles under tsc --strict, into the build tree, where (2) loads the parts
# of it that read the server's answers.
set(FACTLINE_VSCODE_OUT ${CMAKE_BINARY_DIR}/editors-vscode-out)
add_test(NAME "editors: vscode extension compiles (tsc strict)"
         COMMAND ${FACTLINE_NODE} ${FACTLINE_VSCODE_DIR}/node_modules/typescript/bin/tsc
                 -p ${FACTLINE_VSCODE_DIR} --outDir ${FACTLINE_VSCODE_OUT})
set_tests_properties("editors: vscode extension compiles (tsc strict)" PROPERTIES
  TIMEOUT 300 FIXTURES_REQUIRED factline_vscode_npm FIXTURES_SETUP factline_vscode_compiled)

# (2) The npm libraries under vscode-languageclient, with VS Code's capabilities, against
# `factline serve`; and the extension's reading of `factline check` reports and of hovers.
add_test(NAME "editors: vscode protocol stack against factline serve"
         COMMAND ${FACTLINE_NODE} --test ${FACTLINE_EDITOR_TESTS_DIR}/vscode-protocol/
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: vscode protocol stack against factline serve" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV};FACTLINE_VSCODE_OUT=${FACTLINE_VSCODE_OUT}" TIMEOUT 150
  FIXTURES_REQUIRED "factline_editor_tests_npm;factline_vscode_compiled")

# The extension packages with vsce (which compiles it again, into editors/vscode/out).
add_test(NAME "editors: vscode extension packages (vsce)"
         COMMAND sh ${FACTLINE_EDITOR_TESTS_DIR}/vsce-package.sh ${FACTLINE_VSCODE_DIR}
                 ${CMAKE_BINARY_DIR}/factline-editors-test.vsix)
set_tests_properties("editors: vscode extension packages (vsce)" PROPERTIES
  TIMEOUT 300 FIXTURES_REQUIRED factline_vscode_npm RESOURCE_LOCK factline_vscode_dir)
