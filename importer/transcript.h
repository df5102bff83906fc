// Transcript: who spoke, in which order, with which words, as read from a transcript file.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factline::importer {

// The forms a transcript comes in (facts/FORMAT.md, "Importing transcripts").
enum class TranscriptFormat {
  Text,     // speaker-labelled plain text: "ZUCKERBERG:", "SEN. CHUCK GRASSLEY (R-IOWA):",
            // "MR. ZUCKERBERG.", "Chairman Walden."
  Service,  // transcription-service exports: "Speaker 1 (00:03:12):", "Name  00:03:12" alone
  Markdown, // bold labels: "**Zuckerberg:** ..."
  WebVtt,   // captions, with <v Name> voice tags, "NAME:" or ">>" speaker changes
  Srt,
};

std::string_view formatName(TranscriptFormat format);
// "text", "service", "markdown", "vtt" (or "webvtt"), "srt"; nullopt for anything else.
std::optional<TranscriptFormat> formatNamed(std::string_view name);

struct Paragraph {
  std::string text;      // interjections ("(LAUGHTER)", "[crosstalk]") and markup taken out
  std::size_t line = 0;  // 1-based line where it starts
  std::string time;      // "00:03:12" where the transcript gives one (captions: each cue's)
  // A caption cue: a turn's words run on across its cues, so records are cut by sentence, not
  // by cue.
  bool runs_on = false;
};

struct Turn {
  std::string label;     // as written, without its colon or full stop: "SEN. CHUCK GRASSLEY (R-IOWA)"
  std::size_t line = 0;  // of the label
  std::string time;      // "hh:mm:ss" where the transcript gives one, else empty
  std::vector<Paragraph> paragraphs;
};

struct TranscriptProblem {
  std::size_t line = 0; // 1-based; 0 for the whole file
  std::string message;
};

struct Transcript {
  TranscriptFormat format = TranscriptFormat::Text;
  std::vector<Turn> turns;
  std::vector<TranscriptProblem> errors;   // nothing may be imported when there are any
  std::vector<TranscriptProblem> warnings; // text before the first label, a turn with no words
};

// The form of `text`, judged from its content: a WEBVTT header, SRT numbering and timings, bold
// labels, timestamped labels; otherwise speaker-labelled text.
TranscriptFormat detectFormat(std::string_view text);

// Reads `text` as `format`. A transcript in which no speaker label is found is an error, as is a
// caption timing that cannot be read; both name the line.
Transcript readTranscript(std::string_view text, TranscriptFormat format);

// "3:12" -> "00:03:12", "1:03:12.500" -> "01:03:12", "00:03:12,000" -> "00:03:12"; nullopt when
// `s` is not a time.
std::optional<std::string> normalTime(std::string_view s);

// Takes the interjections out of a transcript's words: "[crosstalk]", "(LAUGHTER)",
// "(inaudible)", "(applause)"; white space is tidied where they were.
std::string withoutInterjections(std::string_view words);

} // namespace factline::importer
