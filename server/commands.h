// The `factline` subcommands: options parsed by main.cc, each run by its own file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace factline::server {

struct ServeOptions {
  std::string log_file;         // empty: log to stderr
  std::string log_level = "info";
  int debounce_ms = -1;         // >= 0: overrides the factline.debounceMs setting (benchmarks use 0)
  std::vector<std::string> facts; // fact bases always loaded, wherever they are (the user's own)
};
// Speaks LSP on stdin/stdout until `exit`; returns the process exit code. (serve_command.cc)
int runServe(const ServeOptions &options);

struct CheckOptions {
  std::vector<std::string> paths;  // files and folders (folders: .md, .markdown, .txt, recursively)
  std::vector<std::string> facts;  // extra fact base files, in order
  std::string format = "text";     // text, json, sarif, html
  std::string output;              // empty: stdout
  std::string fail_on = "warning"; // error, warning, information, hint, none
  bool color = true;               // off with --no-color or NO_COLOR
  bool no_workspace_facts = false; // do not pick up .factline/ folders' fact bases
  // The configuration file: empty, the nearest `.factline/config.json` from the current directory
  // upward; no_config, none. The flags below apply over it.
  std::string config;
  bool no_config = false;
  std::vector<std::string> select;   // only these rules (comma-separated lists, as given)
  std::vector<std::string> ignore;   // not these rules
  std::vector<std::string> severity; // RULE=LEVEL, in order
  bool quiet = false;                // only errors and warnings; nothing at all when none
  bool no_reviews = false;           // do not read .factline/reviews.json: every finding is open
  // A draft larger than this is refused (an editor's message limit is the same 64 MiB): a file
  // that is not a draft, such as a disk image or a log, is not read into memory.
  std::uint64_t max_draft_bytes = std::uint64_t{64} << 20;
};
// Exit status: 0 nothing at or above fail_on, 1 something was, 2 usage or input error. (check_command.cc)
int runCheck(const CheckOptions &options);

struct FactsOptions {
  std::vector<std::string> files; // validate: the files; stats/find: extra bases beside the bundled
  std::string text;               // find: the text to look up
  bool bundled = true;            // include the bundled base
  std::string output;             // index: the snapshot to write (default: beside the JSON)
};
// validate: 0 valid, 1 invalid (errors on stderr). stats: counts per kind. find: matching entries.
int runFactsValidate(const FactsOptions &options); // (facts_command.cc)
int runFactsStats(const FactsOptions &options);
int runFactsFind(const FactsOptions &options);
// index: writes the snapshot (facts/FORMAT.md) of files[0]; 0 written, 1 the JSON has errors or
// the snapshot cannot be written.
int runFactsIndex(const FactsOptions &options);

struct ImportOptions {
  std::vector<std::string> transcripts; // read in order: a transcript in parts continues its turns
  std::string output;                   // the base to write (required)
  std::string base;   // the base to merge into; empty: the output file, when it exists
  std::string format; // empty: judged from each file's content
  std::string event, event_name, date;
  std::string source, source_title, source_url, publisher;
  std::vector<std::string> speakers; // LABEL=id, in order
  std::string speakers_file;         // lines of LABEL=id
  bool bundled = true;               // resolve labels against the bundled base's people too
};
// import: 0 written, 1 written but some labels were not resolved (their turns are left out),
// 2 nothing written (bad input, an unknown id, an unwritable output). (facts_command.cc)
int runFactsImport(const ImportOptions &options);

struct ReviewOptions {
  std::string base;
  std::vector<std::string> confirm; // figure ids, or "all"
  std::vector<std::string> reject;
};
// review: lists a base's figure candidates, confirms or rejects them; 0 done, 2 nothing written.
int runFactsReview(const ReviewOptions &options);

} // namespace factline::server
