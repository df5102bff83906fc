// Loading fact bases from JSON (format: facts/FORMAT.md), with every error located by file, line,
// column and JSON path; and the bundled base compiled into the binary.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_base.h"

namespace factline::facts {

struct LoadError {
  std::string file;
  std::size_t line = 0;   // 1-based
  std::size_t column = 0; // 1-based, in characters (code points) from the start of the line
  std::string json_path;  // "$.quotes[3].speaker"; empty when the JSON itself is broken
  std::string message;
  std::size_t offset = 0; // byte offset into the file, for tools that place diagnostics

  // "file:line:col: $.quotes[3].speaker: unknown speaker id 'x'"
  std::string describe() const;
};

// A reference to an id the file does not define itself: it must be defined by a base loaded
// beside this one (checkReferences).
struct ExternalReference {
  std::string kind; // what it must name: "person", "event", "source", "figure"
  std::string role; // how messages call it: "speaker", "organisation", "person", "event", ...
  std::string id;
  LoadError where; // file, position and path of the reference; message empty
};

struct QuoteWords;
struct FigureTerms;

struct LoadResult {
  FactBase base;                   // every entry read, also when there are errors
  std::vector<LoadError> errors;   // the file must not be used when there are any
  std::vector<LoadError> warnings; // unknown fields: reported, ignored, the file is still usable
  std::vector<ExternalReference> external_references;
  std::string name; // the base's "name"
  // Figures marked "status": "candidate" (imported, not yet confirmed): read and checked like any
  // other, then left out of base.figures. `factline facts review` confirms them.
  std::size_t figure_candidates = 0;
  // The recorded words of base.quotes (all of them from a snapshot; from a large JSON file, those
  // of its first quotes that were read while a reader waited for the other), or null: building
  // the index of the base can take them instead of tokenizing (FactIndex, Prebuilt).
  std::shared_ptr<QuoteWords> quote_words;
  // The terms of base.figures (from a snapshot), or null: the same for the entity index.
  std::shared_ptr<FigureTerms> figure_terms;

  bool ok() const { return errors.empty(); }
};

// The bases a file is loaded beside, whose entries its references may name.
using OtherBases = std::vector<const FactBase *>;

// Reads one fact base: JSON syntax, UTF-8, types, required fields, enumerations, dates, duplicate
// ids. Every error is reported, not just the first (after a JSON syntax error nothing further can
// be read, so that one ends the list). References to ids the file does not define are listed in
// external_references, unchecked. Pure function of its arguments; any thread.
LoadResult readFactBase(std::string_view text, std::string_view file_name);

// Adds an error for each external reference that none of `others` defines. Any thread.
void checkReferences(LoadResult &result, const OtherBases &others);

// readFactBase + checkReferences: references (a quote's speaker, event and source; a variant's
// source; a person's organisation; a figure's stated_by, source and superseded_by) must name an
// entry of this file or of `others` (the bundled base, the other user bases).
LoadResult parseFactBase(std::string_view text, std::string_view file_name,
                         const OtherBases &others = {});

// Reads a file whole; a file that cannot be read is one error at line 0. A JSON file with a usable
// snapshot beside it, or a snapshot, is read from the snapshot (facts/snapshot.h,
// readFactBaseOrSnapshot): the result is the same as the JSON's.
LoadResult readFactBaseFile(const std::string &path);
// Reads a JSON file, never its snapshot.
LoadResult readFactBaseJsonFile(const std::string &path);
LoadResult loadFactBaseFile(const std::string &path, const OtherBases &others = {});

// The bases compiled into the binary (facts/bundled/*.json), merged in file-name order. Parsed
// once, on first use, from any thread (a function-local static). A bundled file with errors is a
// build defect: it is left out and its errors are kept in bundledFactBaseErrors().
const FactBase &bundledFactBase();
const std::vector<LoadError> &bundledFactBaseErrors();

} // namespace factline::facts
