// Speaker labels, times and interjections: the pieces of a transcript line.
#include "importer/transcript_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "importer/speaker_label.h"

namespace factline::importer {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (isUpper(c))
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> splitWords(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isSpace(s[i]))
      ++i;
    std::size_t j = i;
    while (j < s.size() && !isSpace(s[j]))
      ++j;
    if (j > i)
      out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// A time in brackets or parentheses at the start of `s`: "(00:03:12)", "[03:12]"; its length.
std::size_t bracketedTime(std::string_view s, std::string &time) {
  if (s.size() < 4 || (s[0] != '(' && s[0] != '['))
    return 0;
  const char close = s[0] == '(' ? ')' : ']';
  std::size_t end = s.find(close);
  if (end == std::string_view::npos)
    return 0;
  auto t = normalTime(s.substr(1, end - 1));
  if (!t)
    return 0;
  time = *t;
  return end + 1;
}

// Whether `label` reads as a speaker label: 1 to 8 words, starting with a capital, in capitals
// or with every word capitalised (small joining words aside).
bool labelShaped(std::string_view label, bool &single_word) {
  if (label.empty() || label.size() > 80)
    return false;
  const unsigned char first = static_cast<unsigned char>(label[0]);
  if (!isUpper(label[0]) && first < 0x80)
    return false;
  std::string_view outside = label.substr(0, label.find('('));
  std::vector<std::string_view> ws = splitWords(outside);
  if (ws.empty() || ws.size() > 8)
    return false;
  bool any_lower = std::any_of(outside.begin(), outside.end(), isLower);
  bool digits = false;
  for (std::string_view w : ws) {
    if (std::any_of(w.begin(), w.end(), isDigit))
      digits = true;
    if (!any_lower)
      continue;
    std::string l = lower(w);
    static constexpr std::array<std::string_view, 8> kJoining = {"of", "de", "van", "von",
                                                                  "der", "la", "and", "the"};
    if (std::find(kJoining.begin(), kJoining.end(), l) != kJoining.end())
      continue;
    if (!isUpper(w[0]) && static_cast<unsigned char>(w[0]) < 0x80 && !isDigit(w[0]))
      return false;
  }
  // Digits only as a generic label's number: "Speaker 1", "Participant 2".
  if (digits && !(ws.size() == 2 && std::all_of(ws[1].begin(), ws[1].end(), isDigit)))
    return false;
  single_word = ws.size() == 1 && !isTitleWord(ws[0]);
  return true;
}

} // namespace

namespace detail {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (isSpace(s.front()) || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (isSpace(s.back()) || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool isBlank(std::string_view line) { return trim(line).empty(); }

std::optional<LabelAt> colonLabel(std::string_view line) {
  LabelAt out;
  std::size_t i = 0;
  while (i < line.size() && isSpace(line[i]))
    ++i;
  if (std::size_t n = bracketedTime(line.substr(i), out.time)) {
    i += n;
    while (i < line.size() && isSpace(line[i]))
      ++i;
  }
  const std::size_t start = i;
  int depth = 0;
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '(')
      ++depth;
    else if (c == ')')
      --depth;
    else if (c == ':' && depth == 0)
      break;
    else if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == '-' ||
               c == '\'' || c == ',' || static_cast<unsigned char>(c) >= 0x80 ||
               (depth > 0 && c == ':')))
      return std::nullopt;
    if (i - start > 100 || depth < 0)
      return std::nullopt;
  }
  if (i >= line.size() || (i + 1 < line.size() && !isSpace(line[i + 1])))
    return std::nullopt;
  std::string_view label = trim(line.substr(start, i - start));
  // "Speaker 1 (00:03:12)": the time is the label's, not part of it.
  if (std::size_t open = label.rfind('('); open != std::string_view::npos) {
    std::string time;
    if (bracketedTime(label.substr(open), time) == label.size() - open) {
      out.time = time;
      label = trim(label.substr(0, open));
    }
  }
  // "(UNKNOWN):", "(OFF-MIC):": a label in parentheses names nobody in particular, but it is a
  // label: the words after it are not the previous speaker's.
  const bool bracketed = label.size() > 2 && label.front() == '(' && label.back() == ')' &&
                         !std::any_of(label.begin(), label.end(), isLower);
  if (!bracketed && !labelShaped(label, out.single_word))
    return std::nullopt;
  out.label = std::string(label);
  i += 1;
  while (i < line.size() && isSpace(line[i]))
    ++i;
  if (std::size_t n = bracketedTime(line.substr(i), out.time)) // "Name: (03:12) words"
    i += n;
  out.words_at = i;
  return out;
}

std::optional<LabelAt> titleDotLabel(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && isSpace(line[i]))
    ++i;
  const std::size_t start = i;
  std::vector<std::string_view> tokens;
  std::vector<std::size_t> ends;
  for (std::size_t j = i; j < line.size() && tokens.size() < 7;) {
    std::size_t k = j;
    while (k < line.size() && !isSpace(line[k]))
      ++k;
    tokens.push_back(line.substr(j, k - j));
    ends.push_back(k);
    while (k < line.size() && isSpace(line[k]))
      ++k;
    j = k;
  }
  std::size_t t = 0;
  if (t < tokens.size() && lower(tokens[t]) == "the")
    ++t;
  std::size_t titles = 0, names = 0;
  static constexpr std::array<std::string_view, 9> kAbbreviations = {
      "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "prof.", "hon."};
  for (; t < tokens.size(); ++t) {
    std::string_view w = tokens[t];
    const bool dot = w.size() > 1 && w.back() == '.';
    if (names == 0 && isTitleWord(w)) {
      ++titles;
      const bool abbreviation =
          std::find(kAbbreviations.begin(), kAbbreviations.end(), lower(w)) != kAbbreviations.end();
      if (dot && !abbreviation) // "The CHAIRMAN."
        return LabelAt{std::string(trim(line.substr(start, ends[t] - start - 1))), "", ends[t],
                       false};
      continue;
    }
    if (titles == 0 || !isUpper(w[0]) || names == 3)
      return std::nullopt;
    ++names;
    if (dot) {
      LabelAt out;
      out.label = std::string(trim(line.substr(start, ends[t] - start - 1)));
      out.words_at = ends[t];
      return out;
    }
  }
  return std::nullopt;
}

std::optional<LabelAt> timedLineLabel(std::string_view line) {
  std::string_view s = trim(line);
  std::size_t last_space = s.find_last_of(" \t");
  if (last_space == std::string_view::npos)
    return std::nullopt;
  auto time = normalTime(s.substr(last_space + 1));
  if (!time)
    return std::nullopt;
  std::string_view label = trim(s.substr(0, last_space));
  LabelAt out;
  if (!label.empty() && label.back() == ':') // "Name: 00:03:12"
    label = trim(label.substr(0, label.size() - 1));
  if (label.find(':') != std::string_view::npos || !labelShaped(label, out.single_word))
    return std::nullopt;
  out.label = std::string(label);
  out.time = *time;
  out.words_at = line.size();
  out.single_word = false; // a time beside it is label enough
  return out;
}

std::optional<LabelAt> boldLabel(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && isSpace(line[i]))
    ++i;
  std::string_view s = line.substr(i);
  for (std::string_view mark : {std::string_view("**"), std::string_view("__")}) {
    if (!s.starts_with(mark))
      continue;
    std::size_t close = s.find(mark, 2);
    if (close == std::string_view::npos)
      return std::nullopt;
    std::string_view inside = s.substr(2, close - 2);
    std::size_t after = close + 2;
    if (!inside.empty() && inside.back() == ':') {
      inside.remove_suffix(1);
    } else if (after < s.size() && s[after] == ':') {
      ++after;
    } else {
      return std::nullopt;
    }
    auto label = colonLabel(std::string(trim(inside)) + ":");
    if (!label)
      return std::nullopt;
    label->words_at = i + after;
    label->single_word = false; // bold is label enough
    return label;
  }
  return std::nullopt;
}

} // namespace detail

std::optional<std::string> normalTime(std::string_view s) {
  s = detail::trim(s);
  // Drop fractions of a second: ".500" or ",500".
  if (std::size_t dot = s.find_first_of(".,"); dot != std::string_view::npos) {
    std::string_view frac = s.substr(dot + 1);
    if (frac.empty() || !std::all_of(frac.begin(), frac.end(), isDigit))
      return std::nullopt;
    s = s.substr(0, dot);
  }
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = i;
    while (j < s.size() && isDigit(s[j]))
      ++j;
    if (j == i || j - i > 2 || count == 3)
      return std::nullopt;
    parts[count++] = std::stoi(std::string(s.substr(i, j - i)));
    if (j == s.size())
      break;
    if (s[j] != ':')
      return std::nullopt;
    i = j + 1;
  }
  if (count < 2)
    return std::nullopt;
  int h = count == 3 ? parts[0] : 0, m = parts[count - 2], sec = parts[count - 1];
  if (m > 59 || sec > 59)
    return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, sec);
  return std::string(buf);
}

std::string withoutInterjections(std::string_view words) {
  static constexpr std::array<std::string_view, 26> kInterjections = {
      "laughter",  "laughs",     "laughing",  "crosstalk",  "cross-talk", "inaudible",
      "unintelligible", "applause", "pause",  "silence",    "music",      "coughs",
      "cough",     "sighs",      "off-mic",   "off",        "gavel",      "recess",
      "break",     "indiscernible", "audio",  "technical",  "overlapping", "background",
      "noise",     "sic"};
  std::string out;
  out.reserve(words.size());
  std::size_t i = 0;
  while (i < words.size()) {
    const char c = words[i];
    if (c == '[' || c == '(') {
      const char close = c == '[' ? ']' : ')';
      std::size_t end = words.find(close, i + 1);
      if (end != std::string_view::npos && end - i <= 80) {
        std::string_view inside = words.substr(i + 1, end - i - 1);
        bool drop = c == '[';
        if (!drop) {
          bool has_letter = std::any_of(inside.begin(), inside.end(),
                                        [](char ch) { return isUpper(ch) || isLower(ch); });
          bool caps = has_letter && !std::any_of(inside.begin(), inside.end(), isLower);
          std::string first = lower(inside.substr(0, inside.find_first_of(" ,.:;")));
          drop = caps || std::find(kInterjections.begin(), kInterjections.end(), first) !=
                             kInterjections.end();
        }
        if (drop) {
          i = end + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  // Tidy the white space left behind: runs of spaces, a space before punctuation.
  std::string tidy;
  tidy.reserve(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    char ch = out[k];
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) // no control character is a word
      ch = ' ';
    if (ch == ' ' && (tidy.empty() || tidy.back() == ' '))
      continue;
    if ((ch == ',' || ch == '.' || ch == '?' || ch == '!' || ch == ';' || ch == ':') &&
        !tidy.empty() && tidy.back() == ' ')
      tidy.pop_back();
    tidy += ch;
  }
  while (!tidy.empty() && tidy.back() == ' ')
    tidy.pop_back();
  // An interjection between two sentences may leave a lone full stop or dash at the start.
  while (!tidy.empty() && (tidy[0] == '.' || tidy[0] == ',' || tidy[0] == ' '))
    tidy.erase(0, 1);
  return tidy;
}

} // namespace factline::importer
