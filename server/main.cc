// The `factline` binary: subcommands serve, check and facts, parsed with CLI11.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "server/commands.h"
#include "server/record_view.h"
#include "server/settings.h"

namespace {

// After CLI11 refused the command line: the unknown subcommand or option that made it, named with
// the nearest valid one ("unknown option --fial-on; did you mean --fail-on?"); empty when the
// problem is another (a bad value, a missing argument), which CLI11's own message says.
std::string unknownWord(CLI::App &app, int argc, char **argv) {
  using factline::server::escapeControls;
  using factline::server::nearestName;
  CLI::App *cur = &app;
  std::string where = "factline";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--")
      break;
    if (arg.size() > 1 && arg[0] == '-') {
      const bool is_long = arg.rfind("--", 0) == 0;
      const std::string name = is_long ? arg.substr(0, arg.find('=')) : arg.substr(0, 2);
      const CLI::Option *found = nullptr;
      std::vector<std::string> names;
      for (const CLI::Option *opt : cur->get_options()) {
        for (const auto &l : opt->get_lnames()) {
          names.push_back("--" + l);
          if (is_long && "--" + l == name)
            found = opt;
        }
        for (const auto &sn : opt->get_snames()) {
          names.push_back("-" + sn);
          if (!is_long && "-" + sn == name)
            found = opt;
        }
      }
      if (!found) {
        const std::string near = nearestName(name, names);
        return where + ": unknown option " + escapeControls(name) +
               (near.empty() ? "" : "; did you mean " + near + "?");
      }
      const bool inline_value = is_long ? arg.find('=') != std::string::npos : arg.size() > 2;
      if (found->get_type_size_max() > 0 && !inline_value)
        ++i; // its value
      continue;
    }
    auto subcommands = cur->get_subcommands([](CLI::App *) { return true; });
    if (subcommands.empty())
      continue; // a positional argument
    CLI::App *next = nullptr;
    std::vector<std::string> names;
    for (CLI::App *sub : subcommands) {
      names.push_back(sub->get_name());
      if (sub->get_name() == arg)
        next = sub;
    }
    if (!next) {
      const std::string near = nearestName(arg, names);
      return where + ": unknown subcommand \"" + escapeControls(arg) + "\"" +
             (near.empty() ? "" : "; did you mean " + near + "?");
    }
    cur = next;
    where += " " + next->get_name();
  }
  return {};
}

} // namespace

int main(int argc, char **argv) {
  using namespace factline::server;
  CLI::App app{"Factline: checks the quotes and figures in a news draft against a fact base."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("factline ") + FACTLINE_VERSION);

  ServeOptions serve;
  auto *serve_cmd =
      app.add_subcommand("serve", "Speak the Language Server Protocol on stdin/stdout");
  bool stdio = true; // the only transport; the flag is accepted because editor clients append it
  serve_cmd->add_flag("--stdio", stdio,
                      "Use stdin/stdout (the default; accepted for editor clients)");
  serve_cmd->add_option("--log-file", serve.log_file, "Write logs to this file instead of stderr");
  serve_cmd->add_option("--log-level", serve.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  serve_cmd
      ->add_option("--debounce-ms", serve.debounce_ms,
                   "Wait this long after an edit before checking (overrides the setting)")
      ->check(CLI::Range(0, 10000));
  serve_cmd->add_option("--facts", serve.facts,
                        "A fact base always loaded, inside the workspace or not (repeatable)");

  CheckOptions check;
  auto *check_cmd =
      app.add_subcommand("check", "Check drafts and report what does not match the record");
  check_cmd
      ->add_option("paths", check.paths,
                   "Draft files or folders (.md, .markdown, .txt); - reads a Markdown draft "
                   "from standard input")
      ->required();
  check_cmd->add_option("--facts", check.facts, "An extra fact base file (repeatable)");
  check_cmd->add_option("--format", check.format, "text, json, sarif or html")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}));
  check_cmd->add_option("--output,-o", check.output, "Write the report to this file");
  check_cmd
      ->add_option("--fail-on", check.fail_on,
                   "Exit 1 when a finding at or above this severity is found (default: "
                   "warning). This holds for every --format and with -o too: a json, sarif or "
                   "html report written to a file still exits 1 when something was found; "
                   "--fail-on none exits 0")
      ->check(CLI::IsMember({"error", "warning", "information", "hint", "none"}));
  check_cmd->add_option("--select", check.select,
                        "Report only these rules (RULE[,RULE...], repeatable; verified claims "
                        "stay in reports that list them)");
  check_cmd->add_option("--ignore", check.ignore,
                        "Do not report these rules (RULE[,RULE...], repeatable)");
  check_cmd->add_option("--severity", check.severity,
                        "RULE=LEVEL: report RULE at LEVEL (error, warning, information, hint, "
                        "off); repeatable, over the configuration file");
  check_cmd->add_flag("--quiet,-q", check.quiet,
                      "Report errors and warnings only (information, hints and reviewed findings "
                      "are left out of the report and the exit status, and so are warnings about "
                      "the configuration); print nothing when there are none");
  auto *config_opt = check_cmd->add_option(
      "--config", check.config,
      "Use this configuration file instead of the nearest .factline/config.json");
  check_cmd
      ->add_flag("--no-config", check.no_config, "Do not read a .factline/config.json")
      ->excludes(config_opt);
  check_cmd->add_flag("--no-reviews", check.no_reviews,
                      "Do not read the review decisions in .factline/reviews.json: every finding "
                      "counts, reviewed or not");
  bool no_color = false;
  check_cmd->add_flag("--no-color", no_color, "No colour in text output");
  check_cmd->add_flag("--no-workspace-facts", check.no_workspace_facts,
                      "Do not load fact bases from .factline/ folders");
  check_cmd
      ->add_option("--max-draft-size", check.max_draft_bytes,
                   "Refuse drafts larger than this (bytes, or with a unit: 500k, 64M)")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64M");

  FactsOptions facts;
  auto *facts_cmd = app.add_subcommand("facts", "Work with fact bases");
  facts_cmd->require_subcommand(1);
  auto *validate_cmd =
      facts_cmd->add_subcommand("validate", "Check fact base files; exit 1 if invalid");
  validate_cmd->add_option("files", facts.files, "Fact base files")->required();
  auto *stats_cmd =
      facts_cmd->add_subcommand("stats", "Count the entries of the loaded bases by kind");
  stats_cmd->add_option("--facts", facts.files, "An extra fact base file (repeatable)");
  auto *find_cmd = facts_cmd->add_subcommand("find", "Show the entries a text would match");
  find_cmd->add_option("text", facts.text, "The words to look up")->required();
  find_cmd->add_option("--facts", facts.files, "An extra fact base file (repeatable)");
  auto *index_cmd = facts_cmd->add_subcommand(
      "index", "Write a snapshot of a JSON fact base that loads without parsing the JSON");
  index_cmd->add_option("file", facts.files, "The JSON fact base file")->required()->expected(1);
  index_cmd->add_option("-o,--output", facts.output,
                        "The snapshot to write (default: FILE.json -> FILE.factidx)");
  ImportOptions import;
  auto *import_cmd = facts_cmd->add_subcommand(
      "import", "Read transcripts into a fact base: people, quotes, figure candidates");
  import_cmd->add_option("transcripts", import.transcripts, "Transcript files, in order")
      ->required();
  import_cmd->add_option("-o,--output", import.output, "The fact base to write")->required();
  import_cmd->add_option("--base", import.base,
                         "Merge into this base (default: the output file, when it exists)");
  import_cmd->add_option("--format", import.format, "text, service, markdown, vtt or srt")
      ->check(CLI::IsMember({"text", "service", "markdown", "md", "vtt", "webvtt", "srt"}));
  import_cmd->add_option("--event", import.event, "The event id of every quote");
  import_cmd->add_option("--event-name", import.event_name, "Create (or rename) the event");
  import_cmd->add_option("--date", import.date, "The event's date, YYYY-MM-DD");
  import_cmd->add_option("--source", import.source, "The source id of every quote");
  import_cmd->add_option("--source-title", import.source_title, "Create the source with this title");
  import_cmd->add_option("--source-url", import.source_url, "The source's address");
  import_cmd->add_option("--publisher", import.publisher, "The source's publisher");
  import_cmd->add_option("--speaker", import.speakers,
                         "LABEL=id: who a label is (repeatable); LABEL=- leaves its turns out");
  import_cmd->add_option("--speakers", import.speakers_file, "A file of LABEL=id lines");
  import_cmd->add_flag("!--no-bundled", import.bundled,
                       "Do not resolve labels against the bundled base's people");
  ReviewOptions review;
  auto *review_cmd = facts_cmd->add_subcommand(
      "review", "List a base's figure candidates; confirm or reject them");
  review_cmd->add_option("base", review.base, "The fact base file")->required();
  review_cmd->add_option("--confirm", review.confirm,
                         "Confirm this candidate (repeatable; \"all\" for every one)");
  review_cmd->add_option("--reject", review.reject, "Remove this candidate (repeatable)");
  for (auto *cmd : {stats_cmd, find_cmd})
    cmd->add_flag("!--no-bundled", facts.bundled, "Leave out the bundled base");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    if (e.get_exit_code() != 0) {
      if (std::string word = unknownWord(app, argc, argv); !word.empty()) {
        std::cerr << word << "\nRun with --help for more information.\n";
        return 2;
      }
    }
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*serve_cmd)
    return runServe(serve);
  if (*check_cmd) {
    check.color = !no_color && std::getenv("NO_COLOR") == nullptr;
    return runCheck(check);
  }
  if (*validate_cmd)
    return runFactsValidate(facts);
  if (*stats_cmd)
    return runFactsStats(facts);
  if (*find_cmd)
    return runFactsFind(facts);
  if (*index_cmd)
    return runFactsIndex(facts);
  if (*import_cmd)
    return runFactsImport(import);
  if (*review_cmd)
    return runFactsReview(review);
  return 2;
}
