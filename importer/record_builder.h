// RecordBuilder: a read transcript into fact-base records: the people its labels name, its quotes
// cut to paragraph size, and the figures its speakers state, as candidates for review.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "facts/fact_base.h"
#include "importer/transcript.h"

namespace factline::importer {

struct ImportOptions {
  std::string event;  // the event id every quote gets (required)
  std::string date;   // ISO 8601, may be empty
  std::string source; // source id, may be empty
  // Labels settled by hand (--speaker LABEL=id, a mapping file): label (as written, compared
  // without regard to case or surrounding space) -> person id; "-" leaves the label's turns out.
  std::map<std::string, std::string> speakers;
  std::size_t max_record_words = 100; // a record is cut at a sentence end before it grows past this
  std::size_t caption_record_words = 60; // captions: cut at the first sentence end past this
};

struct QuoteRecord {
  std::string id;       // "q-<event>-t<turn>-<part>": the same words at the same place keep it
  std::string text;
  std::string speaker;  // person id
  std::size_t turn = 0; // 1-based, counting every turn of the transcript
  std::size_t part = 0; // 1-based within the turn
  std::string time;     // "hh:mm:ss" or empty
  std::size_t line = 0; // where it starts in the transcript
};

struct FigureCandidate {
  std::string id; // "f-<event>-t<turn>-<part>-<n>"
  facts::FigureKind kind = facts::FigureKind::Count;
  double value = 0;
  std::string text;      // the number as said: "87 million", "4.5 per cent"
  std::string qualifier; // "more than", "about", ...
  std::string unit;      // "people", "per cent", "hours"
  std::string subject;   // what the sentence says it measures: "people whose data was shared"
  std::vector<std::string> keywords; // the subject's content words
  std::string context;   // the sentence
  std::string stated_by; // person id
  std::string quote;     // the id of the quote record it was said in
  std::size_t line = 0;
};

struct UnresolvedLabel {
  std::string label;
  std::size_t turns = 0;
  std::size_t first_line = 0;
  std::size_t first_turn = 0; // index into the transcript's turns
  std::string why; // "names nobody in particular", "could be a or b"
};

struct MappingError {
  std::string label;
  std::string message;
};

struct Import {
  std::vector<facts::Person> new_people;       // named by labels, in no base: to be added
  std::map<std::string, std::string> label_ids; // each resolved label -> its person id
  std::vector<std::string> speakers;           // person ids of everyone quoted, in order of first turn
  std::vector<QuoteRecord> quotes;
  std::vector<FigureCandidate> figures;
  std::vector<UnresolvedLabel> unresolved; // their turns are not imported
  std::vector<MappingError> mapping_errors; // a --speaker naming an unknown id: nothing is imported
  std::size_t turns = 0;                   // every turn of the transcript
  std::size_t left_out_turns = 0;          // turns of labels mapped to "-"
};

// `known` are the people of the bases the import is merged with and loaded beside (the --base
// file, the bundled base): a label naming one of them is that person, never a new one.
Import buildImport(const Transcript &transcript, const ImportOptions &options,
                   const std::vector<const facts::Person *> &known);

// The sentences of `text` as [begin, end) byte ranges: cut after ".", "?" or "!" (and any closing
// quotation mark or bracket) before a capital, a digit or a quotation mark; not after a title
// ("Mr.", "Sen.") or an initial.
std::vector<std::pair<std::size_t, std::size_t>> sentencesOf(std::string_view text);

} // namespace factline::importer
