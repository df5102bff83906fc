// A test that cannot run here (a tool the machine lacks) says so to ctest: it prints
// "FACTLINE-SKIP: <reason>", which every discovered Catch2 entry takes as SKIP_REGULAR_EXPRESSION
// (tests/CMakeLists.txt), and returns. Under CI (CI=true) nothing may be skipped: the test fails
// instead, with the same reason. A skip is never a quiet pass.
#pragma once
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace factline::testing {

inline bool underCI() {
  const char *ci = std::getenv("CI");
  return ci && std::string_view(ci) != "" && std::string_view(ci) != "false" &&
         std::string_view(ci) != "0";
}

} // namespace factline::testing

// Ends the current test case: skipped locally, failed under CI. Use only before any assertion
// whose failure would otherwise be hidden (ctest's skip expression wins over a failure).
#define FACTLINE_SKIP(reason)                                                                      \
  do {                                                                                             \
    if (::factline::testing::underCI())                                                            \
      FAIL("cannot run here, and under CI (CI=true) every test must run: " << reason);             \
    std::cout << "FACTLINE-" "SKIP: " << reason << std::endl;                                      \
    return;                                                                                        \
  } while (false)
