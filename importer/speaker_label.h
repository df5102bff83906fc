// SpeakerLabel: what a transcript's speaker label says about the speaker: titles, name, party and
// state, or that it names nobody in particular ("Speaker 1", "UNIDENTIFIED MALE").
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace factline::importer {

struct SpeakerLabel {
  std::string raw;                 // trimmed, as written
  std::vector<std::string> titles; // as a writer spells them: "Senator", "Mr.", "Chairman"
  std::string name;                // "Chuck Grassley": title-cased when written in capitals
  std::string given;               // "Chuck"; empty for a surname alone
  std::string surname;             // "Grassley"
  std::string affiliation;         // party and state as written, title-cased: "R-Iowa"
  // Names nobody in particular: "Speaker 1", "Unidentified Male", "Moderator", "The Chairman"
  // (a title alone): only a mapping settles who it is.
  bool generic = false;
};

SpeakerLabel parseSpeakerLabel(std::string_view label);

// Whether `word` (without a trailing full stop, any case) is a title: "Sen", "Mr", "Chairman".
bool isTitleWord(std::string_view word);

// The pronoun a title implies ("Mr." -> "he", "Ms." -> "she"), or "".
std::string pronounOf(const SpeakerLabel &label);

// The names a writer will use for the person: "Grassley", "Senator Grassley", "Sen. Grassley",
// "Mr. Grassley" (with the titles the label gave), the full name with its titles.
std::vector<std::string> aliasesOf(const SpeakerLabel &label);

// The label's titles and affiliation, kept as a descriptor: "Senator (R-Iowa)"; "" when none.
std::string descriptorOf(const SpeakerLabel &label);

// An id for a person: "chuck-grassley" (ASCII letters and digits lower-cased, anything else between
// words a hyphen; other letters kept).
std::string slug(std::string_view words);

} // namespace factline::importer
