# tests/editors: the Neovim plugin, Emacs's eglot and VS Code's client protocol stack against the
# freshly built server, and the VS Code extension's strict compile and package. Included from
# tests/CMakeLists.txt (tests/ directory scope, after the factline target exists).
set(FACTLINE_EDITOR_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(FACTLINE_VSCODE_DIR ${PROJECT_SOURCE_DIR}/editors/vscode)
set(FACTLINE_NPM_CI ${PROJECT_SOURCE_DIR}/editors/npm-ci.sh)

# A test whose tool the machine lacks runs tests/skip_missing_tool.sh instead: ctest reports it
# skipped, with the reason (SKIP_RETURN_CODE 77), and under CI=true it fails. `make test` installs
# the tools first (scripts/install-deps), so a skip means a machine set up some other way.
set(FACTLINE_SKIP_TOOL sh ${CMAKE_CURRENT_LIST_DIR}/../skip_missing_tool.sh)
find_program(FACTLINE_NVIM nvim)
find_program(FACTLINE_NODE node)
find_program(FACTLINE_NPM npm)
find_program(FACTLINE_EMACS emacs)
# The command of a test needing the tools named: itself, or the skip with what is missing.
function(factline_editor_command var tools)
  set(missing "")
  foreach(tool IN LISTS tools)
    string(TOUPPER ${tool} upper)
    if(NOT FACTLINE_${upper})
      list(APPEND missing ${tool})
    endif()
  endforeach()
  if(missing)
    string(REPLACE ";" ", " missing "${missing}")
    set(${var} ${FACTLINE_SKIP_TOOL} "${missing} not found (Debian packages neovim, nodejs, npm, emacs-nox elpa-eglot elpa-markdown-mode)"
        PARENT_SCOPE)
  else()
    set(${var} ${ARGN} PARENT_SCOPE)
  endif()
endfunction()

# npm ci, only when node_modules is missing or stale; every test using the packages needs it.
factline_editor_command(command "node;npm" sh ${FACTLINE_NPM_CI} ${FACTLINE_EDITOR_TESTS_DIR})
add_test(NAME "editors: npm ci tests/editors" COMMAND ${command})
set_tests_properties("editors: npm ci tests/editors" PROPERTIES SKIP_RETURN_CODE 77
  FIXTURES_SETUP factline_editor_tests_npm RESOURCE_LOCK factline_editor_tests_npm TIMEOUT 600)
factline_editor_command(command "node;npm" sh ${FACTLINE_NPM_CI} ${FACTLINE_VSCODE_DIR})
add_test(NAME "editors: npm ci editors/vscode" COMMAND ${command})
set_tests_properties("editors: npm ci editors/vscode" PROPERTIES SKIP_RETURN_CODE 77
  FIXTURES_SETUP factline_vscode_npm RESOURCE_LOCK factline_vscode_dir TIMEOUT 600)

set(FACTLINE_EDITOR_ENV
  FACTLINE_SOURCE_DIR=${PROJECT_SOURCE_DIR}
  FACTLINE_BINARY=$<TARGET_FILE:factline>
  FACTLINE_DRAFT=${PROJECT_SOURCE_DIR}/examples/hearing-draft.md
  FACTLINE_TEXT_DRAFT=${PROJECT_SOURCE_DIR}/examples/call-report.txt)

# (1) Headless Neovim (Debian's 0.7) with the plugin on runtimepath, against the real server.
factline_editor_command(command nvim
  ${FACTLINE_NVIM} --headless --clean -u ${FACTLINE_EDITOR_TESTS_DIR}/nvim/init.lua)
add_test(NAME "editors: neovim plugin against factline serve" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: neovim plugin against factline serve" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)

# (1b) "Mark as reviewed…" in headless Neovim: asked, written to .factline/reviews.json, a Hint.
factline_editor_command(command nvim
  ${FACTLINE_NVIM} --headless --clean -u ${FACTLINE_EDITOR_TESTS_DIR}/nvim/review.lua)
add_test(NAME "editors: neovim mark as reviewed" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: neovim mark as reviewed" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)

# (1b) Headless Neovim in a workspace whose .factline/config.json raises figure-wrong to error,
# lowers quote-altered to hint and turns quote-misattributed off: the figure an ERROR, the altered
# quote a HINT, no misattributed quote.
factline_editor_command(command nvim
  ${FACTLINE_NVIM} --headless --clean -u ${FACTLINE_EDITOR_TESTS_DIR}/nvim/config.lua)
add_test(NAME "editors: neovim with a workspace .factline/config.json" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: neovim with a workspace .factline/config.json" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)

# (1b) Headless Neovim with no server binary: one short warning, no error, no hit-enter prompt.
factline_editor_command(command nvim
  ${FACTLINE_NVIM} --headless --clean -u ${FACTLINE_EDITOR_TESTS_DIR}/nvim/missing_server.lua)
add_test(NAME "editors: neovim plugin without a server binary" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: neovim plugin without a server binary" PROPERTIES
  ENVIRONMENT "FACTLINE_SOURCE_DIR=${PROJECT_SOURCE_DIR}" TIMEOUT 60 SKIP_RETURN_CODE 77)

# (1c) Batch Emacs with eglot and markdown-mode, set up as editors/README.md says, against the server.
factline_editor_command(command emacs
  ${FACTLINE_EMACS} --batch -l ${FACTLINE_EDITOR_TESTS_DIR}/emacs/eglot-test.el)
add_test(NAME "editors: emacs eglot set-up of editors/README.md against factline serve" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: emacs eglot set-up of editors/README.md against factline serve" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)

# (1d) "Mark as reviewed…" through eglot in batch Emacs, as editors/README.md tells Emacs users:
# asked, applied to .factline/reviews.json, saved, and the figure a Flymake note.
factline_editor_command(command emacs
  ${FACTLINE_EMACS} --batch -l ${FACTLINE_EDITOR_TESTS_DIR}/emacs/review-test.el)
add_test(NAME "editors: emacs eglot mark as reviewed" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: emacs eglot mark as reviewed" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)

# (1e) Batch Emacs with eglot, set up as editors/README.md says, in a workspace with the same
# .factline/config.json: the figure a Flymake error, no misattributed quote, and the README's
# :severity (:quote-altered "error") still over the file's "hint".
factline_editor_command(command emacs
  ${FACTLINE_EMACS} --batch -l ${FACTLINE_EDITOR_TESTS_DIR}/emacs/config-test.el)
add_test(NAME "editors: emacs eglot with a workspace .factline/config.json" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: emacs eglot with a workspace .factline/config.json" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV}" TIMEOUT 150 SKIP_RETURN_CODE 77)

# (3) The extension compiles under tsc --strict, into the build tree, where (2) loads the parts
# of it that read the server's answers.
set(FACTLINE_VSCODE_OUT ${CMAKE_BINARY_DIR}/editors-vscode-out)
factline_editor_command(command "node;npm"
  ${FACTLINE_NODE} ${FACTLINE_VSCODE_DIR}/node_modules/typescript/bin/tsc
  -p ${FACTLINE_VSCODE_DIR} --outDir ${FACTLINE_VSCODE_OUT})
add_test(NAME "editors: vscode extension compiles (tsc strict)" COMMAND ${command})
set_tests_properties("editors: vscode extension compiles (tsc strict)" PROPERTIES
  TIMEOUT 300 SKIP_RETURN_CODE 77 FIXTURES_REQUIRED factline_vscode_npm FIXTURES_SETUP factline_vscode_compiled)

# (2) The npm libraries under vscode-languageclient, with VS Code's capabilities, against
# `factline serve`; and the extension's reading of `factline check` reports and of hovers.
factline_editor_command(command "node;npm"
  ${FACTLINE_NODE} --test ${FACTLINE_EDITOR_TESTS_DIR}/vscode-protocol/)
add_test(NAME "editors: vscode protocol stack against factline serve" COMMAND ${command}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("editors: vscode protocol stack against factline serve" PROPERTIES
  ENVIRONMENT "${FACTLINE_EDITOR_ENV};FACTLINE_VSCODE_OUT=${FACTLINE_VSCODE_OUT}" TIMEOUT 150
  SKIP_RETURN_CODE 77
  FIXTURES_REQUIRED "factline_editor_tests_npm;factline_vscode_compiled")

# The extension packaged as `make vsix` does it, on a terminal, with this build's server bundled
# (vsce compiles it again, into editors/vscode/out); then unpacked, its server run with only the C
# library and the C++ runtime, and its rule links followed.
# Only for the binary built to ship (a sanitizer build links its runtime libraries).
if(FACTLINE_STATIC_DEPS AND NOT FACTLINE_SANITIZE)
factline_editor_command(command "node;npm"
  sh ${FACTLINE_EDITOR_TESTS_DIR}/vsce-package.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:factline>
  ${CMAKE_BINARY_DIR}/factline-editors-vsix)
add_test(NAME "editors: vscode extension packages as make vsix does, its server needs only libc"
         COMMAND ${command})
set_tests_properties("editors: vscode extension packages as make vsix does, its server needs only libc"
  PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 FIXTURES_REQUIRED factline_vscode_npm
  RESOURCE_LOCK factline_vscode_dir)
endif()
