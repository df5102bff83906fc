// Laying out a recorded wording as the draft wrote the words it replaces.
#include "analyzers/fix_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <vector>

#include "analyzers/ascii.h"
#include "facts/word_alignment.h"

namespace factline::analyzers {
namespace {

constexpr std::string_view kLeftDouble = "\u201C", kRightDouble = "\u201D";
constexpr std::string_view kLeftSingle = "\u2018", kRightSingle = "\u2019";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Word {
  std::size_t begin, end; // in the text it was cut from
  std::size_t sep_end;    // end of the separator after it (== end for the last word)
  bool breaks = false;    // the separator after it holds a line break
};

// Words and the separators between them. After a line break, a separator goes on over what opens
// the next line in Markdown: spaces and block quote markers ("\n> > ").
std::vector<Word> cutWords(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size() && isSpace(text[i]))
    ++i;
  while (i < text.size()) {
    Word w{i, i, i};
    while (w.end < text.size() && !isSpace(text[w.end]))
      ++w.end;
    std::size_t j = w.end;
    bool after_break = false;
    while (j < text.size() && (isSpace(text[j]) || (after_break && text[j] == '>'))) {
      if (text[j] == '\n') {
        after_break = true;
        w.breaks = true;
      }
      ++j;
    }
    w.sep_end = j;
    words.push_back(w);
    i = j;
  }
  if (!words.empty() && words.back().sep_end == text.size()) { // trailing space: not a separator
    words.back().sep_end = words.back().end;
    words.back().breaks = false;
  }
  return words;
}

// A word as compared across the draft and the record: ASCII letters and digits, lower-cased.
std::string key(std::string_view word) {
  std::string out;
  for (char c : word)
    if (isAsciiAlnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      out += asciiLower(static_cast<unsigned char>(c));
  return out;
}

// For each draft word, the recording's word it stands for (the same word, or the one it changed),
// if any, from the minimum-edit alignment the quote checks use.
std::vector<std::optional<std::size_t>> align(const std::vector<std::string> &draft,
                                              const std::vector<std::string> &record) {
  std::vector<std::optional<std::size_t>> match(draft.size());
  if (draft.empty() || record.empty() || draft.size() * record.size() > 4'000'000)
    return match; // a quote this long: line breaks by length only
  facts::AlignmentOptions whole;
  whole.record_window = false;
  for (const facts::AlignmentStep &step : facts::alignWords(draft, record, whole).steps)
    if ((step.kind == facts::AlignmentStep::Kind::Same ||
         step.kind == facts::AlignmentStep::Kind::Changed) &&
        step.draft < draft.size() && step.record < record.size())
      match[step.draft] = step.record;
  return match;
}

bool startsWith(std::string_view s, std::size_t at, std::string_view what) {
  return s.substr(at, what.size()) == what;
}

// Marks and apostrophes of the recording in the draft's style. Its double marks are a quotation
// inside the quote: single marks inside a double-marked quotation, double inside a single-marked
// one. A single mark at a word's start opens such a quotation too; one after a letter is an
// apostrophe, unless it closes a single mark opened before.
std::string restyle(std::string_view text, DraftMarks marks, bool curly_apostrophe) {
  const bool inner_single = marks.outer == DraftMarks::Outer::Double;
  auto mark = [&](bool single, bool opening) -> std::string_view {
    if (!marks.curly)
      return single ? "'" : "\"";
    if (single)
      return opening ? kLeftSingle : kRightSingle;
    return opening ? kLeftDouble : kRightDouble;
  };
  std::string out;
  int open_singles = 0;
  for (std::size_t i = 0; i < text.size();) {
    const bool word_start = i == 0 || isSpace(text[i - 1]) || text[i - 1] == '(' ||
                            text[i - 1] == '[' || text[i - 1] == '-';
    const bool is_double =
        text[i] == '"' || startsWith(text, i, kLeftDouble) || startsWith(text, i, kRightDouble);
    const bool is_single =
        text[i] == '\'' || startsWith(text, i, kLeftSingle) || startsWith(text, i, kRightSingle);
    if (!is_double && !is_single) {
      out += text[i++];
      continue;
    }
    const std::size_t len = text[i] == '"' || text[i] == '\'' ? 1 : 3;
    const bool followed = i + len < text.size() && !isSpace(text[i + len]);
    const bool opening = word_start && followed;
    if (is_double) {
      out += mark(inner_single, opening);
    } else if (opening) {
      ++open_singles;
      out += mark(inner_single, true);
    } else if (open_singles > 0 && !(followed && isAsciiAlnum(text[i + len]))) {
      --open_singles;
      out += mark(inner_single, false);
    } else {
      out += curly_apostrophe ? kRightSingle : "'";
    }
    i += len;
  }
  return out;
}

} // namespace

DraftMarks marksOfQuotation(std::string_view open_mark) {
  DraftMarks m;
  if (open_mark.empty())
    return m;
  m.curly = open_mark != "\"" && open_mark != "'";
  m.outer = open_mark == "'" || open_mark == kLeftSingle || open_mark == kRightSingle ||
                    open_mark == "\u201A" || open_mark == "\u2039" || open_mark == "\u203A"
                ? DraftMarks::Outer::Single
                : DraftMarks::Outer::Double;
  return m;
}

std::string fitToDraft(std::string_view replaced, std::string_view replacement, DraftMarks marks) {
  // Apostrophes as the replaced words have them, when they have one.
  bool curly_apostrophe = marks.curly;
  for (std::size_t i = 0; i + 1 < replaced.size(); ++i) {
    if (replaced[i] == '\'' && i > 0 && isAsciiAlnum(replaced[i - 1])) {
      curly_apostrophe = false;
      break;
    }
    if (startsWith(replaced, i, kRightSingle) && i > 0 && isAsciiAlnum(replaced[i - 1])) {
      curly_apostrophe = true;
      break;
    }
  }
  const std::string styled = restyle(replacement, marks, curly_apostrophe);

  const std::vector<Word> draft = cutWords(replaced);
  const std::vector<Word> record = cutWords(styled);
  if (record.empty())
    return styled;
  std::vector<std::string> draft_keys, record_keys;
  std::size_t draft_chars = 0, record_chars = 0;
  for (const Word &w : draft) {
    draft_keys.push_back(key(replaced.substr(w.begin, w.end - w.begin)));
    draft_chars = w.end;
  }
  for (const Word &w : record) {
    record_keys.push_back(key(styled.substr(w.begin, w.end - w.begin)));
    record_chars = w.end;
  }
  const auto match = align(draft_keys, record_keys);

  // The separator written after each recorded word: the draft's line break, or one space.
  std::vector<std::string_view> after(record.size(), " ");
  std::optional<std::size_t> last_break; // record word the previous break followed
  for (std::size_t k = 0; k + 1 < draft.size(); ++k) {
    if (!draft[k].breaks)
      continue;
    std::optional<std::size_t> at; // break after this recorded word
    if (match[k + 1] && *match[k + 1] > 0)
      at = *match[k + 1] - 1;
    else if (match[k])
      at = *match[k];
    else if (draft_chars > 0) { // at the same share of the length, at the nearest word's end
      const double share = static_cast<double>(draft[k].end) / static_cast<double>(draft_chars);
      const double target = share * static_cast<double>(record_chars);
      std::size_t best = 0;
      for (std::size_t j = 1; j < record.size(); ++j)
        if (std::abs(static_cast<double>(record[j].end) - target) <
            std::abs(static_cast<double>(record[best].end) - target))
          best = j;
      at = best;
    }
    if (!at || *at + 1 >= record.size() || (last_break && *at <= *last_break))
      continue; // nothing after it, or no room left: the lines join
    after[*at] = replaced.substr(draft[k].end, draft[k].sep_end - draft[k].end);
    last_break = at;
  }
  std::string out(styled.substr(0, record.front().begin));
  for (std::size_t j = 0; j < record.size(); ++j) {
    out += styled.substr(record[j].begin, record[j].end - record[j].begin);
    if (j + 1 < record.size())
      out += after[j];
  }
  out += styled.substr(record.back().end);
  return out;
}

} // namespace factline::analyzers
