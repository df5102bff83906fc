// The one Catch2 main shared by every test executable. Every run warns (fails) about a test case
// or section that ran no assertion, and about a test spec that matched no test case: a ctest entry
// that runs nothing never counts as a pass. (Catch2 v2 takes `--warn` only once on its command
// line, so the discovered entries pass `--warn NoTests` and this main adds both, whatever is passed.)
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char *argv[]) {
  Catch::Session session;
  if (int status = session.applyCommandLine(argc, argv); status != 0)
    return status;
  Catch::ConfigData &config = session.configData();
  config.warnings = static_cast<Catch::WarnAbout::What>(
      config.warnings | Catch::WarnAbout::NoAssertions | Catch::WarnAbout::NoTests);
  return session.run();
}
