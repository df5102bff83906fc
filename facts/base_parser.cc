// BaseParser: the fact base schema (FORMAT.md, version 1) applied while the JSON is read.
#include "facts/base_parser.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>

#include "facts/normalize.h"
#include "facts/quote_words.h"

namespace factline::facts {
namespace {

constexpr double kFormatVersion = 1;

using namespace std::string_view_literals;

// The fields of `fields` a kind of object must have, as bits of their indices (what
// memberLoop() returns as seen): checked without comparing names. A name that is not among the
// fields does not compile.
template <std::size_t N>
consteval std::uint32_t requiredOf(const std::array<std::string_view, N> &fields,
                                   std::initializer_list<std::string_view> required) {
  std::uint32_t bits = 0;
  for (std::string_view name : required) {
    std::size_t i = 0;
    while (i < N && fields[i] != name)
      ++i;
    if (i == N)
      throw "a required field that is not a field";
    bits |= 1u << i;
  }
  return bits;
}

constexpr std::array kTopFields = {"factline"sv, "name"sv,    "description"sv,
                                   "people"sv,   "events"sv,  "sources"sv,
                                   "quotes"sv,   "figures"sv, "$schema"sv};
constexpr std::uint32_t kTopRequired = requiredOf(kTopFields, {"factline"sv});
constexpr std::array kPersonFields = {"id"sv,          "kind"sv, "name"sv,    "aliases"sv,
                                      "descriptors"sv, "role"sv, "pronoun"sv, "organisation"sv};
constexpr std::uint32_t kPersonRequired = requiredOf(kPersonFields, {"id"sv, "name"sv});
constexpr std::array kPersonKinds = {"person"sv, "organisation"sv, "organization"sv};
constexpr std::array kPronouns = {"he"sv, "she"sv, "they"sv, "it"sv};
constexpr std::array kEventFields = {"id"sv, "name"sv, "date"sv, "aliases"sv, "description"sv};
constexpr std::uint32_t kEventRequired = requiredOf(kEventFields, {"id"sv, "name"sv});
constexpr std::array kSourceFields = {"id"sv, "title"sv, "publisher"sv, "date"sv, "url"sv};
constexpr std::uint32_t kSourceRequired = requiredOf(kSourceFields, {"id"sv, "title"sv});
constexpr std::array kQuoteFields = {"id"sv,       "text"sv,    "speaker"sv, "event"sv,
                                     "date"sv,     "source"sv,  "variants"sv, "context"sv,
                                     "turn"sv,     "part"sv,    "time"sv};
constexpr std::uint32_t kQuoteRequired = requiredOf(kQuoteFields, {"id"sv, "text"sv, "speaker"sv});
constexpr std::array kVariantFields = {"text"sv, "source"sv, "note"sv};
constexpr std::uint32_t kVariantRequired = requiredOf(kVariantFields, {"text"sv});
constexpr std::array kFigureFields = {
    "id"sv,       "kind"sv,  "value"sv,     "unit"sv, "text"sv,   "qualifier"sv,     "subject"sv,
    "keywords"sv, "units"sv, "stated_by"sv, "date"sv, "source"sv, "superseded_by"sv, "context"sv,
    "status"sv};
constexpr std::uint32_t kFigureRequired = requiredOf(kFigureFields, {"id"sv, "value"sv, "text"sv});
constexpr std::array kFigureStatuses = {"confirmed"sv, "candidate"sv};
constexpr std::array kFigureKinds = {"count"sv, "percent"sv, "ratio"sv, "duration"sv,
                                     "money"sv, "year"sv,    "other"sv};

constexpr std::array kKindNames = {"person"sv, "event"sv, "source"sv, "quote"sv, "figure"sv};

// Field names are compared often (every field of two million entries, against each known name
// before it): inline, and by length and first letter before the bytes.
[[gnu::always_inline]] inline bool sameField(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty() || a[0] != b[0])
    return false;
  for (std::size_t k = 1; k < a.size(); ++k)
    if (a[k] != b[k])
      return false;
  return true;
}

// Levenshtein distance, for "did you mean" on unknown fields.
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string listOf(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0)
      out += i + 1 == words.size() ? " or " : ", ";
    out += "'" + std::string(words[i]) + "'";
  }
  return out;
}

// A value of the file as an error message quotes it: between single quotes, its control and bidi
// characters written as \u{1b}, and cut after kShownChars characters. What a message quotes ends
// up in a terminal or an editor; the file may be anyone's.
constexpr std::size_t kShownChars = 60;

std::string quoted(std::string_view s) {
  std::string out = "'";
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++chars > kShownChars) {
      out += "\u2026";
      break;
    }
    const auto next = [&](std::size_t k) {
      return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    };
    std::uint32_t escaped = 0; // the code point to write out, or 0
    std::size_t length = 1;
    if (c < 0x20 || c == 0x7F) {
      escaped = c == 0 ? 0x110000 : c; // 0 means "none" below: NUL is marked apart
    } else if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
      escaped = next(1); // C1
      length = 2;
    } else if (c == 0xE2 && (next(1) == 0x80 || next(1) == 0x81)) {
      const std::uint32_t cp = 0x2000 | (next(1) & 0x3F) << 6 | (next(2) & 0x3F);
      if ((cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
        escaped = cp;
        length = 3;
      }
    }
    if (escaped == 0) {
      out += static_cast<char>(c);
      continue;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u{%x}", escaped == 0x110000 ? 0u : unsigned{escaped});
    out += buf;
    i += length - 1;
  }
  return out + "'";
}

// The character of `s` at byte `i` that the rule of `chars` refuses, as a code point, and how the
// message names its class; or -1.
struct Refused {
  std::int32_t code_point = -1;
  const char *what = "";
};

Refused refusedAt(std::string_view s, std::size_t i, BaseParser::Chars chars) {
  using Chars = BaseParser::Chars;
  const auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  const unsigned char c = at(0);
  if (c < 0x20 || c == 0x7F) {
    if (chars == Chars::Text && (c == '\t' || c == '\n' || c == '\r'))
      return {};
    return {c, "control character"};
  }
  if (c == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F)
    return {at(1), "control character"};
  if (chars == Chars::Text)
    return {};
  // Ids and names: bidi formatting (U+202A-U+202E, U+2066-U+2069) and the line and paragraph
  // separators (U+2028, U+2029); ids also the invisible ones (U+00AD, U+200B-U+200F,
  // U+2060-U+2064, U+FEFF), which make two ids look the same.
  const bool id = chars == Chars::Id;
  if (c == 0xC2 && at(1) == 0xAD && id)
    return {0xAD, "invisible character"};
  if (c == 0xE2 && (at(1) == 0x80 || at(1) == 0x81)) {
    const std::int32_t cp = 0x2000 | (at(1) & 0x3F) << 6 | (at(2) & 0x3F);
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
      return {cp, "bidirectional formatting character"};
    if (cp == 0x2028 || cp == 0x2029)
      return {cp, "line separator"};
    if (id && ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064)))
      return {cp, "invisible character"};
  }
  if (id && c == 0xEF && at(1) == 0xBB && at(2) == 0xBF)
    return {0xFEFF, "invisible character"};
  return {};
}

// Whether a source's url is a web address (http: or https:, any case, with "//"): the only kind
// renderers make links of.
bool isWebAddress(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || !url.substr(colon + 1).starts_with("//"))
    return false;
  std::string scheme(url.substr(0, colon));
  for (char &c : scheme)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https";
}

// Whether every byte of `s` is printable ASCII (0x20-0x7E), eight bytes a step: nearly every
// string of a fact base, for which there is then nothing to refuse and no character to count.
bool printableAscii(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Some byte below 0x20, or above 0x7E (which is 0x7F or part of a multi-byte character).
    if ((((w - kOnes * 0x20) & ~w) | ((w + kOnes) | w)) & kHighs)
      return false;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) < 0x20 || static_cast<unsigned char>(s[i]) > 0x7E)
      return false;
  return true;
}

std::string withThousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t k = digits.size(); k > 3; k -= 3)
    digits.insert(k - 3, ",");
  return digits;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ISO 8601 calendar dates as the format allows them: YYYY, YYYY-MM or YYYY-MM-DD.
bool isIsoDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10)
    return false;
  if (!digits(s.substr(0, 4)))
    return false;
  if (s.size() == 4)
    return true;
  if (s[4] != '-' || !digits(s.substr(5, 2)))
    return false;
  auto number = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t k = from; k < from + n; ++k)
      v = v * 10 + (s[k] - '0');
    return v;
  };
  int year = number(0, 4);
  int month = number(5, 2);
  if (month < 1 || month > 12)
    return false;
  if (s.size() == 7)
    return true;
  if (s[7] != '-' || !digits(s.substr(8, 2)))
    return false;
  int day = number(8, 2);
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= max_day;
}

} // namespace

BaseParser::BaseParser(std::string_view text, std::string_view file_name)
    : reader_(text), lines_(text), file_(file_name) {}

BaseParser::~BaseParser() { dropTail(); }

LoadResult BaseParser::run() {
  if (lines_.text().size() >= parallel_from_)
    planSplit();
  topLevel();
  checkDeferredReferences(); // those of an entry the reading stopped in
  dropTail();                // when the cut was never reached
  if (took_tail_)
    missingFields(kTopFields, kTopRequired, "a fact base", top_seen_, top_at_);
  result_.base.reindex();
  if (reader_.failed() && !took_tail_) {
    // Where the JSON breaks, nothing after it can be read; the path says where the reader was.
    error(reader_.errorOffset(), "invalid JSON: " + reader_.errorMessage());
    result_.errors.back().json_path.clear();
  } else if (result_.base.quoteOrFigureIdsRepeat()) {
    findDuplicates(result_.base.quotes, places_[0], Kind::Quote, "quotes",
                   [&](std::string_view id) { return result_.base.quote(id); });
    findDuplicates(result_.base.figures, places_[1], Kind::Figure, "figures",
                   [&](std::string_view id) { return result_.base.figure(id); });
  }
  if (!reader_.failed() || took_tail_) {
    for (PendingReference &ref : pending_) {
      if (known(ref.kind, ref.id) != IdTable::npos ||
          (ref.kind == Kind::Figure && result_.base.figure(ref.id)))
        continue; // defined further down the file
      TextPosition at = lines_.at(ref.offset);
      result_.external_references.push_back(
          {std::string(kKindNames[static_cast<std::size_t>(ref.kind)]), std::string(ref.role),
           std::move(ref.id),
           LoadError{file_, at.line, at.column, renderPath(ref.path), "", ref.offset}});
    }
  }
  if (!(top_seen_ & 1u)) // no "factline" field
    notAFactBase();
  // Unconfirmed figures are read and checked, but never used (FORMAT.md, "Figure candidates").
  const std::size_t figures = result_.base.figures.size();
  std::erase_if(result_.base.figures, [](const Figure &f) { return f.candidate; });
  if (result_.base.figures.size() != figures) {
    result_.figure_candidates = figures - result_.base.figures.size();
    result_.base.reindexFigures();
  }
  std::stable_sort(result_.errors.begin(), result_.errors.end(),
                   [](const LoadError &a, const LoadError &b) { return a.offset < b.offset; });
  return std::move(result_);
}

void BaseParser::notAFactBase() {
  // A path in factBases or --facts may name any file the user can read (a password file, another
  // program's JSON). Errors about its fields or its syntax would quote it ("'hunter2' is not one
  // of ..."), and unknown-field warnings would list its keys: one error says what it is instead,
  // placed where it stops looking like a fact base, and nothing of it is kept.
  LoadError one;
  const std::string_view text = lines_.text();
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    one = {file_, 1, 1, "", "not a fact base: the file is empty", 0};
  } else if (reader_.failed() && !took_tail_) {
    TextPosition at = lines_.at(reader_.errorOffset());
    one = {file_, at.line, at.column, "",
           "not a fact base: not valid JSON here, before any \"factline\" field (a fact base is a "
           "JSON object with \"factline\": 1; see FORMAT.md)",
           reader_.errorOffset()};
  } else {
    // The top level is not an object, or an object without "factline": its error (written
    // without quoting anything) is the one kept.
    auto it = std::find_if(result_.errors.begin(), result_.errors.end(), [](const LoadError &e) {
      return e.json_path == "$.factline" || e.message.starts_with("a fact base is a JSON object");
    });
    if (it != result_.errors.end()) {
      one = std::move(*it);
    } else {
      TextPosition at = lines_.at(top_at_);
      one = {file_, at.line, at.column, "$.factline",
             "missing required field 'factline' of a fact base", top_at_};
    }
  }
  result_ = LoadResult{};
  result_.base.reindex();
  result_.errors.push_back(std::move(one));
}

void BaseParser::planSplit() {
  // The cut: the "{" of an element after "}," a little past the middle (figures, which usually
  // come last, cost more a byte than quotes). Whether it is a quote or a figure is told by its
  // fields. Only a guess, and nothing but that element is read for it: see elements().
  const std::string_view text = lines_.text();
  const auto from = static_cast<std::size_t>(static_cast<double>(text.size()) * cut_at_);
  const std::size_t close = text.find("},", from);
  if (close == std::string_view::npos || close > from + (std::size_t{1} << 20))
    return;
  std::size_t at = close + 2;
  while (at < text.size() &&
         (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t'))
    ++at;
  if (at >= text.size() || text[at] != '{')
    return;
  const std::string_view element = text.substr(at, text.find('}', at) - at);
  if (element.find("\"speaker\"") != std::string_view::npos)
    split_section_ = "quotes";
  else if (element.find("\"value\"") != std::string_view::npos)
    split_section_ = "figures";
  else
    return;
  split_at_ = at;
}

void BaseParser::startTail() {
  tail_ = std::make_unique<BaseParser>(lines_.text(), file_);
  tail_->head_ = this;
  tail_->progress_ = progress_;
  tail_->progress_from_ = split_at_;
  tail_done_ =
      std::async(std::launch::async, [tail = tail_.get(), at = split_at_,
                                      section = split_section_] { tail->readTail(at, section); });
}

void BaseParser::dropTail() {
  if (!tail_)
    return;
  tail_->tail_cancelled_.store(true, std::memory_order_relaxed);
  try {
    tail_done_.get();
  } catch (...) {
    // Whatever stopped it, its part is read again here.
  }
  tail_.reset();
}

bool BaseParser::takeTail(std::size_t index) {
  if (!tail_)
    return false;
  readWordsUntilTailDone();
  BaseParser &tail = *tail_;
  const bool usable = !tail.tail_unusable_ && !tail.reader_.failed() &&
                      tail.result_.errors.empty() && tail.result_.warnings.empty() &&
                      tail.result_.base.people.empty() && tail.result_.base.events.empty() &&
                      tail.result_.base.sources.empty() && (tail.top_seen_ & top_seen_) == 0;
  if (!usable) {
    dropTail();
    return false;
  }
  tail_done_.get(); // rethrows what the tail threw
  took_tail_ = true;
  // The tail counted the cut section's elements from 0; here they follow `index` of ours.
  const std::size_t cut_places = split_section_ == "quotes" ? 0 : 1;
  for (std::size_t k = 0; k < 2; ++k) {
    for (EntryPlace &place : tail.places_[k])
      if (k == cut_places)
        place.ordinal += static_cast<std::uint32_t>(index);
    places_[k].insert(places_[k].end(), tail.places_[k].begin(), tail.places_[k].end());
  }
  for (PendingReference &ref : tail.pending_) {
    if (ref.path.size() >= 2 && ref.path[0].key == split_section_)
      ref.path[1].index += index;
    pending_.push_back(std::move(ref));
  }
  auto append = [](auto &into, auto &from) {
    if (into.empty()) {
      into = std::move(from);
      return;
    }
    // With room for a small base's entries in front (FactBase::merge, the bundled base).
    const std::size_t total = into.size() + from.size();
    into.reserve(total + total / 64);
    std::move(from.begin(), from.end(), std::back_inserter(into));
    from = {};
  };
  result_.base.holdTextsOf(tail.result_.base);
  append(result_.base.quotes, tail.result_.base.quotes);
  append(result_.base.figures, tail.result_.base.figures);
  if (tail.top_seen_ & (1u << 1))
    result_.name = std::move(tail.result_.name);
  top_seen_ |= tail.top_seen_;
  tail_.reset();
  return true;
}

void BaseParser::readWordsUntilTailDone() {
  // A step is some 5 ms of work: the tail is not kept waiting long once done.
  constexpr std::size_t kQuotesAStep = 2048;
  const std::vector<Quote> &quotes = result_.base.quotes;
  while (tail_done_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    if (!result_.quote_words)
      result_.quote_words = std::make_shared<QuoteWords>();
    QuoteWords &words = *result_.quote_words;
    if (words.quote_count == quotes.size())
      break;
    words.readMore(quotes, words.quote_count,
                   std::min(quotes.size(), words.quote_count + kQuotesAStep));
  }
  tail_done_.wait();
}

bool BaseParser::stopped() const {
  return took_tail_ || tail_unusable_ || tail_cancelled_.load(std::memory_order_relaxed);
}

void BaseParser::readTail(std::size_t at, std::string_view section) {
  reader_.resumeInOuterArray(at);
  path_.push_back({section, 0});
  if (section == "quotes")
    elements("quotes", result_.base.quotes, [&](Quote &q) { quote(q); });
  else
    elements("figures", result_.base.figures, [&](Figure &f) { figure(f); });
  path_.pop_back();
  if (stopped() || reader_.failed())
    return;
  memberLoop(kTopFields, [&](std::size_t field) { topField(field); });
  if (!stopped())
    reader_.finish();
}

// Quotes and figures can number millions: instead of a table of their own, the base's id index
// (which keeps the last entry of an id) tells which entries have a later twin.
template <typename Entry, typename Lookup>
void BaseParser::findDuplicates(const std::vector<Entry> &entries,
                                const std::vector<EntryPlace> &places, Kind kind,
                                std::string_view section, Lookup lookup) {
  std::map<std::string_view, std::vector<std::size_t>> twins;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string_view id = entries[i].id;
    if (id.empty())
      continue;
    const Entry *last = lookup(id);
    if (last != &entries[i]) {
      auto &group = twins[id];
      if (group.empty())
        group.push_back(static_cast<std::size_t>(last - entries.data()));
      group.push_back(i);
    }
  }
  for (auto &[id, group] : twins) {
    std::sort(group.begin(), group.end());
    const std::size_t first_line = lines_.at(places[group[0]].id_offset).line;
    for (std::size_t k = 1; k < group.size(); ++k) {
      const EntryPlace &place = places[group[k]];
      path_ = {{section, 0}, {{}, place.ordinal}, {"id", 0}};
      error(place.id_offset,
            "duplicate " + std::string(kKindNames[static_cast<std::size_t>(kind)]) + " id " +
                quoted(id) + " (first defined at line " + std::to_string(first_line) + ")");
    }
  }
  path_.clear();
}

void BaseParser::topLevel() {
  if (reader_.peek() != JsonKind::Object) {
    if (reader_.peek() == JsonKind::Invalid) {
      reader_.skipValue(); // records the syntax error
      return;
    }
    error(reader_.offset(), std::string("a fact base is a JSON object, not ") +
                                std::string(describeJsonKind(reader_.peek())));
    return;
  }
  top_at_ = reader_.offset();
  members(kTopFields, kTopRequired, "a fact base", [&](std::size_t field) { topField(field); });
  if (!took_tail_)
    reader_.finish();
}

void BaseParser::topField(std::size_t field) {
  top_seen_ |= 1u << field;
  switch (field) {
  case 0: { // factline
    std::size_t at = reader_.offset();
    double version = 0;
    if (number(version) && version != kFormatVersion) {
      char shown[32];
      std::snprintf(shown, sizeof shown, "%g", version);
      error(at,
            std::string("unsupported format version ") + shown + ": this factline reads version 1");
    }
    break;
  }
  case 1:
    string(result_.name); // a title more than a name: line breaks are allowed
    break;
  case 2: {
    std::string ignored;
    string(ignored);
    break;
  }
  case 3:
    section("people", result_.base.people, [&](Person &p) { person(p); });
    break;
  case 4:
    section("events", result_.base.events, [&](Event &e) { event(e); });
    break;
  case 5:
    section("sources", result_.base.sources, [&](Source &s) { source(s); });
    break;
  case 6:
    section("quotes", result_.base.quotes, [&](Quote &q) { quote(q); });
    break;
  case 7:
    section("figures", result_.base.figures, [&](Figure &f) { figure(f); });
    break;
  default:
    reader_.skipValue(); // $schema: for editors
  }
}

template <typename Entry, typename ReadEntry>
void BaseParser::section(std::string_view name, std::vector<Entry> &into, ReadEntry read) {
  if (reader_.peek() != JsonKind::Array) {
    typeError("an array");
    return;
  }
  const bool big = name == "quotes" || name == "figures";
  // The tail reads the head's people, events and sources: it runs only while they cannot change,
  // from the first big section on, and is stopped should more of them follow.
  if (name == "people" || name == "events" || name == "sources")
    dropTail();
  reader_.beginArray();
  if (big && split_at_ != std::string_view::npos && !head_ && !tail_ && !took_tail_ &&
      reader_.offset() < split_at_)
    startTail();
  elements(name, into, read);
}

namespace {

// A big section's vector is given its room at once, not doubled a dozen times: each doubling is
// a fresh copy of every entry (hundreds of megabytes for a million quotes) and a page fault for
// every page of it. Once kSampledEntries are read, the vector gets room for as many entries as
// the rest of the text would hold at their size, and more, in 2 MiB pages; again should that run
// out. Room never used is never touched and costs no memory.
constexpr std::size_t kSampledEntries = 256;
constexpr std::size_t kRoomFromBytes = std::size_t{8} << 20; // of text left

template <typename Entry>
void makeRoomForRest(std::vector<Entry> &into, std::size_t section_at, std::size_t now_at,
                     std::size_t text_end) {
  const std::size_t per_entry = std::max<std::size_t>(1, (now_at - section_at) / into.size());
  const std::size_t more = (text_end - now_at) / per_entry;
  std::vector<Entry> bigger;
  bigger.reserve(into.size() + more + more / 8 + 1024);
  std::move(into.begin(), into.end(), std::back_inserter(bigger));
  into = std::move(bigger);
}

} // namespace

template <typename Entry, typename ReadEntry>
void BaseParser::elements(std::string_view name, std::vector<Entry> &into, ReadEntry read) {
  const std::size_t section_at = reader_.offset();
  const std::size_t text_end = lines_.text().size();
  std::vector<EntryPlace> *places = name == "quotes"    ? &places_[0]
                                    : name == "figures" ? &places_[1]
                                                        : nullptr;
  // Whether the cut may be met in this array: the outermost section the tail was started in.
  bool cut_ahead = tail_ && name == split_section_ && path_.size() == 1;
  for (std::size_t i = 0; !stopped() && reader_.nextElement(); ++i) {
    if (cut_ahead && reader_.offset() >= split_at_) {
      cut_ahead = false;
      if (reader_.offset() == split_at_ && takeTail(i))
        return;
      dropTail(); // the guess was wrong, or the tail unusable: read on here
    }
    path_.push_back({{}, i});
    if (reader_.peek() != JsonKind::Object) {
      typeError("an object");
    } else {
      Entry entry;
      if (places)
        id_offset_ = reader_.offset(); // its "{" until id() finds its id
      read(entry);
      checkDeferredReferences();
      if (into.size() == into.capacity() && into.size() >= kSampledEntries &&
          text_end - reader_.offset() >= kRoomFromBytes)
        makeRoomForRest(into, section_at, reader_.offset(), text_end);
      into.push_back(std::move(entry));
      if (places)
        places->push_back({static_cast<std::uint32_t>(i), id_offset_});
      if (progress_ && i % 4096 == 4095)
        progress_from_ = progress_(progress_from_, reader_.offset());
    }
    path_.pop_back();
  }
  if (cut_ahead)
    dropTail(); // the array ended before the cut
}

template <typename OnField>
bool BaseParser::members(FieldList fields, std::uint32_t required, std::string_view what,
                         OnField on_field) {
  const std::size_t object_at = reader_.offset();
  if (!reader_.beginObject())
    return false;
  const std::uint32_t seen = memberLoop(fields, on_field);
  if (reader_.failed() || stopped())
    return false;
  missingFields(fields, required, what, seen, object_at);
  return true;
}

template <typename OnField>
std::uint32_t BaseParser::memberLoop(FieldList fields, OnField on_field) {
  std::uint32_t seen = 0;
  std::string_view key;
  std::size_t key_at = 0;
  // Entries of a kind mostly give their fields in one order: the field that came after the one
  // before it last time is tried first.
  std::uint8_t *after = fieldOrder(fields);
  std::size_t previous = fields.size(); // none yet
  while (!stopped() && reader_.nextMember(key, key_at)) {
    std::size_t guess = after[previous];
    if (guess >= fields.size() || !sameField(fields[guess], key)) {
      guess = 0;
      while (guess < fields.size() && !sameField(fields[guess], key))
        ++guess;
    }
    const auto it = fields.begin() + static_cast<std::ptrdiff_t>(guess);
    if (it == fields.end()) {
      std::string message = "unknown field " + quoted(key) + " (ignored)";
      for (std::string_view f : fields)
        if (editDistance(key, f) <= 2) {
          message += "; did you mean '" + std::string(f) + "'?";
          break;
        }
      path_.push_back({key, 0});
      warning(key_at, message);
      path_.pop_back();
      reader_.skipValue();
      continue;
    }
    const std::size_t index = guess;
    after[previous] = static_cast<std::uint8_t>(index);
    previous = index;
    path_.push_back({*it, 0});
    if (seen & (1u << index)) {
      error(key_at, "field given twice in the same object");
      reader_.skipValue();
    } else {
      seen |= 1u << index;
      on_field(index);
    }
    path_.pop_back();
  }
  return seen;
}

std::uint8_t *BaseParser::fieldOrder(FieldList fields) {
  for (FieldOrder &order : field_orders_)
    if (order.fields == fields.data())
      return order.after.data();
  FieldOrder &order = field_orders_[next_field_order_++ % field_orders_.size()];
  order.fields = fields.data();
  order.after.fill(0);
  return order.after.data();
}

void BaseParser::missingFields(FieldList fields, std::uint32_t required, std::string_view what,
                               std::uint32_t seen, std::size_t object_at) {
  // In the order of the fields, which is the order the required ones are listed in.
  for (std::uint32_t missing = required & ~seen; missing != 0; missing &= missing - 1) {
    const std::string_view field = fields[static_cast<std::size_t>(std::countr_zero(missing))];
    path_.push_back({field, 0});
    error(object_at, "missing required field '" + std::string(field) + "' of " + std::string(what));
    path_.pop_back();
  }
}

void BaseParser::person(Person &p) {
  members(kPersonFields, kPersonRequired, "a person", [&](std::size_t field) {
    switch (field) {
    case 0:
      id(Kind::Person, p.id);
      break;
    case 1: {
      std::string kind;
      if (oneOf(kind, kPersonKinds))
        p.kind = kind == "person" ? EntityKind::Person : EntityKind::Organisation;
      break;
    }
    case 2:
      nonEmptyString(p.name, Chars::Label);
      break;
    case 3:
      stringList(p.aliases);
      break;
    case 4:
      stringList(p.descriptors);
      break;
    case 5:
      string(p.role, Chars::Label);
      break;
    case 6:
      oneOf(p.pronoun, kPronouns);
      break;
    case 7:
      reference(Kind::Person, "organisation", p.organisation);
      break;
    }
  });
}

void BaseParser::event(Event &e) {
  members(kEventFields, kEventRequired, "an event", [&](std::size_t field) {
    switch (field) {
    case 0:
      id(Kind::Event, e.id);
      break;
    case 1:
      nonEmptyString(e.name, Chars::Label);
      break;
    case 2:
      date(e.date);
      break;
    case 3:
      stringList(e.aliases);
      break;
    case 4:
      string(e.description);
      break;
    }
  });
}

void BaseParser::source(Source &s) {
  members(kSourceFields, kSourceRequired, "a source", [&](std::size_t field) {
    switch (field) {
    case 0:
      id(Kind::Source, s.id);
      break;
    case 1:
      nonEmptyString(s.title, Chars::Label);
      break;
    case 2:
      string(s.publisher, Chars::Label);
      break;
    case 3:
      date(s.date);
      break;
    case 4: {
      // Only http(s) addresses are ever shown as links; anything else (javascript:, command:,
      // file:) is shown as text. Worth a warning: it is most likely a mistake, or worse.
      const std::size_t at = reader_.offset();
      if (string(s.url, Chars::Url) && !s.url.empty() && !isWebAddress(s.url))
        warning(at, "source url " + quoted(s.url) +
                        " is not an http:// or https:// address: it is shown as text, never as "
                        "a link");
      break;
    }
    }
  });
}

void BaseParser::quote(Quote &q) {
  members(kQuoteFields, kQuoteRequired, "a quote", [&](std::size_t field) {
    switch (field) {
    case 0:
      id(Kind::Quote, q.id);
      break;
    case 1: {
      std::size_t at = reader_.offset();
      auto words = [](std::string_view text) {
        for (char c : text) // the common case, decided without tokenizing
          if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return true;
        for (const Token &t : tokenize(text))
          if (t.kind == TokenKind::Word)
            return true;
        return false;
      };
      if (nonEmptyString(q.text) && !words(q.text))
        error(at, "a quote's text must hold at least one word");
      break;
    }
    case 2:
      reference(Kind::Person, "speaker", q.speaker);
      break;
    case 3:
      reference(Kind::Event, "event", q.event);
      break;
    case 4:
      date(q.date);
      break;
    case 5:
      reference(Kind::Source, "source", q.source);
      break;
    case 6: {
      const std::size_t at = reader_.offset();
      section("variants", q.variants, [&](QuoteVariant &v) { variant(v); });
      if (q.variants.size() > kMaxListItems) {
        error(at, "more than " + withThousands(kMaxListItems) + " variants (FORMAT.md, Limits)");
        q.variants.clear();
      }
      break;
    }
    case 7:
      string(q.context);
      break;
    case 8:
      position(q.turn, "turn");
      break;
    case 9:
      position(q.part, "part");
      break;
    case 10:
      timeOfDay(q.time);
      break;
    }
  });
}

void BaseParser::variant(QuoteVariant &v) {
  members(kVariantFields, kVariantRequired, "a quote variant", [&](std::size_t field) {
    switch (field) {
    case 0:
      nonEmptyString(v.text);
      break;
    case 1:
      reference(Kind::Source, "source", v.source);
      break;
    case 2:
      string(v.note);
      break;
    }
  });
}

void BaseParser::figure(Figure &f) {
  members(kFigureFields, kFigureRequired, "a figure", [&](std::size_t field) {
    switch (field) {
    case 0:
      id(Kind::Figure, f.id);
      break;
    case 1: {
      std::string kind;
      if (oneOf(kind, kFigureKinds))
        f.kind = static_cast<FigureKind>(std::find(kFigureKinds.begin(), kFigureKinds.end(), kind) -
                                         kFigureKinds.begin());
      break;
    }
    case 2:
      number(f.value);
      break;
    case 3:
      string(f.unit, Chars::Label);
      break;
    case 4:
      nonEmptyString(f.text);
      break;
    case 5:
      string(f.qualifier, Chars::Label);
      break;
    case 6:
      string(f.subject);
      break;
    case 7:
      stringList(f.keywords);
      break;
    case 8:
      stringList(f.units);
      break;
    case 9:
      reference(Kind::Person, "person", f.stated_by);
      break;
    case 10:
      date(f.date);
      break;
    case 11:
      reference(Kind::Source, "source", f.source);
      break;
    case 12:
      reference(Kind::Figure, "figure", f.superseded_by);
      break;
    case 13:
      string(f.context);
      break;
    case 14: {
      std::string status;
      if (oneOf(status, kFigureStatuses))
        f.candidate = status == "candidate";
      break;
    }
    }
  });
}

void BaseParser::position(std::uint32_t &out, std::string_view what) {
  const std::size_t at = reader_.offset();
  double value = 0;
  if (!number(value))
    return;
  if (!(value >= 1 && value <= 4294967295.0) || value != static_cast<double>(static_cast<std::uint64_t>(value))) {
    error(at, "a " + std::string(what) + " is a whole number from 1");
    return;
  }
  out = static_cast<std::uint32_t>(value);
}

void BaseParser::timeOfDay(Text &out) {
  const std::size_t at = reader_.offset();
  std::string_view s;
  if (!string(s, Chars::Id))
    return;
  // "hh:mm:ss", hours of any length: a recording may run past a day.
  bool ok = s.size() >= 8 && s[s.size() - 3] == ':' && s[s.size() - 6] == ':';
  for (std::size_t i = 0; ok && i < s.size(); ++i)
    if (i != s.size() - 3 && i != s.size() - 6)
      ok = s[i] >= '0' && s[i] <= '9';
  if (ok)
    ok = s[s.size() - 5] <= '5' && s[s.size() - 2] <= '5';
  if (!ok) {
    error(at, "a time into the recording is hh:mm:ss (\"00:03:12\")");
    return;
  }
  out = result_.base.keep(s);
}

bool BaseParser::string(std::string_view &out, Chars chars) {
  if (reader_.peek() != JsonKind::String) {
    typeError("a string");
    return false;
  }
  const std::size_t at = reader_.offset();
  bad_utf8_.clear();
  if (!reader_.readString(out, &bad_utf8_))
    return false;
  if (!allowed(at, out, chars)) {
    out = {};
    return false;
  }
  for (std::size_t at : bad_utf8_) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(lines_.text()[at])));
    error(at, std::string("invalid UTF-8 (byte ") + byte + "): save the file as UTF-8");
  }
  return bad_utf8_.empty();
}

bool BaseParser::allowed(std::size_t at, std::string_view s, Chars chars) {
  static constexpr const char *kNames[] = {"an id", "a name", "a url", "a text"};
  static constexpr std::size_t kLimits[] = {kMaxIdChars, kMaxLabelChars, kMaxUrlChars,
                                            kMaxTextChars};
  const auto rule = static_cast<std::size_t>(chars);
  const std::size_t limit = kLimits[rule];
  if (s.size() <= limit && printableAscii(s))
    return true;
  // The common case in one pass over the bytes, stopping at the limit: a 200 MB quote costs no
  // more to refuse than one of 20,000 characters.
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++count > limit) {
      error(at, std::string(kNames[rule]) + " of more than " + withThousands(limit) +
                    " characters: at most " + withThousands(limit) +
                    " are allowed (FORMAT.md, Limits)");
      return false;
    }
    if (c >= 0x20 && c < 0x7F)
      continue;
    const Refused refused = refusedAt(s, i, chars);
    if (refused.code_point < 0)
      continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(refused.code_point));
    error(at, std::string(refused.what) + " " + code + " at character " + std::to_string(count) +
                  ": not allowed in " + kNames[rule] +
                  (chars == Chars::Text ? " (only tab and line breaks are)" : ""));
    return false;
  }
  return true;
}

bool BaseParser::nonEmptyString(std::string_view &out, Chars chars) {
  std::size_t at = reader_.offset();
  if (!string(out, chars))
    return false;
  if (out.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error(at, "must not be empty");
    return false;
  }
  return true;
}

bool BaseParser::string(std::string &out, Chars chars) {
  std::string_view view;
  const bool ok = string(view, chars);
  out.assign(view);
  return ok;
}

bool BaseParser::nonEmptyString(std::string &out, Chars chars) {
  std::string_view view;
  const bool ok = nonEmptyString(view, chars);
  out.assign(view);
  return ok;
}

template <typename Add> bool BaseParser::eachString(Chars chars, Add add) {
  if (reader_.peek() != JsonKind::Array) {
    typeError("an array of strings");
    return false;
  }
  const std::size_t at = reader_.offset();
  reader_.beginArray();
  bool ok = true;
  for (std::size_t i = 0; reader_.nextElement(); ++i) {
    if (i == kMaxListItems) {
      error(at, "more than " + withThousands(kMaxListItems) + " items (FORMAT.md, Limits)");
      ok = false;
    }
    path_.push_back({{}, i});
    std::string_view item;
    if (i >= kMaxListItems)
      reader_.skipValue();
    else if (string(item, chars))
      add(item);
    else
      ok = false;
    path_.pop_back();
  }
  return ok && !reader_.failed();
}

bool BaseParser::stringList(std::vector<std::string> &out, Chars chars) {
  return eachString(chars, [&](std::string_view s) { out.emplace_back(s); });
}

template <typename Read> bool BaseParser::kept(Text &out, Read read) {
  scratch_.clear();
  const bool ok = read(scratch_);
  out = result_.base.keep(scratch_);
  return ok;
}

bool BaseParser::string(Text &out, Chars chars) {
  std::string_view view;
  const bool ok = string(view, chars);
  out = result_.base.keep(view);
  return ok;
}

bool BaseParser::nonEmptyString(Text &out, Chars chars) {
  std::string_view view;
  const bool ok = nonEmptyString(view, chars);
  out = result_.base.keep(view);
  return ok;
}

bool BaseParser::date(Text &out) {
  return kept(out, [&](std::string &s) { return date(s); });
}

void BaseParser::id(Kind kind, Text &out) {
  kept(out, [&](std::string &s) {
    id(kind, s);
    return true;
  });
}

void BaseParser::reference(Kind kind, std::string_view role, Text &out) {
  const auto k = static_cast<std::size_t>(kind);
  if (k >= kTableKinds || path_.size() > DeferredReference{}.path.size()) {
    scratch_.clear();
    reference(kind, role, scratch_);
    out = result_.base.keep(scratch_);
    return;
  }
  const std::size_t at = reader_.offset();
  std::string_view id;
  const bool read = nonEmptyString(id, Chars::Id);
  // A file's quotes name a few people, events and sources a million times: the last one named
  // of each kind is kept once.
  out = !id.empty() && id == last_reference_text_[k] ? last_reference_text_[k]
                                                     : result_.base.keep(id);
  last_reference_text_[k] = out;
  if (!read || out == last_reference_[k])
    return;
  DeferredReference &d = deferred_.emplace_back();
  d.kind = kind;
  d.role = role;
  d.id = out;
  d.offset = at;
  d.hash = IdTable::hash(out);
  d.depth = static_cast<std::uint8_t>(path_.size());
  std::copy(path_.begin(), path_.end(), d.path.begin());
  ids_[k].prefetch(d.hash);
  if (head_)
    head_->ids_[k].prefetch(d.hash);
}

void BaseParser::checkDeferredReferences() {
  for (const DeferredReference &d : deferred_) {
    if (known(d.kind, d.id, d.hash) == IdTable::npos)
      pending_.push_back({d.kind, d.role, std::string(d.id), d.offset,
                          std::vector<PathPart>(d.path.begin(), d.path.begin() + d.depth)});
    else
      last_reference_[static_cast<std::size_t>(d.kind)] = d.id;
  }
  deferred_.clear();
}

bool BaseParser::stringList(std::vector<Text> &out, Chars chars) {
  return eachString(chars, [&](std::string_view s) { out.push_back(result_.base.keep(s)); });
}

bool BaseParser::number(double &out) {
  if (reader_.peek() != JsonKind::Number) {
    typeError("a number");
    return false;
  }
  return reader_.readNumber(out);
}

bool BaseParser::oneOf(std::string &out, FieldList allowed) {
  std::size_t at = reader_.offset();
  if (!string(out))
    return false;
  if (std::find(allowed.begin(), allowed.end(), out) == allowed.end()) {
    error(at, quoted(out) + " is not one of " + listOf(allowed));
    out.clear();
    return false;
  }
  return true;
}

bool BaseParser::date(std::string &out) {
  std::size_t at = reader_.offset();
  if (!string(out))
    return false;
  if (!isIsoDate(out)) {
    error(at, quoted(out) + " is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return false;
  }
  return true;
}

void BaseParser::id(Kind kind, std::string &out) {
  std::size_t at = reader_.offset();
  if (!nonEmptyString(out, Chars::Id))
    return;
  id_offset_ = at;
  if (kind == Kind::Quote || kind == Kind::Figure)
    return; // checked once the file is read (findDuplicates), without a table of their own
  const auto k = static_cast<std::size_t>(kind);
  // The entry being read goes at the end of its vector once read.
  const std::size_t index = kind == Kind::Person  ? result_.base.people.size()
                            : kind == Kind::Event ? result_.base.events.size()
                                                  : result_.base.sources.size();
  if (id_spans_[k].size() <= index)
    id_spans_[k].resize(index + 1);
  id_spans_[k][index] = static_cast<std::uint64_t>(id_bytes_[k].size()) << 32 | out.size();
  id_bytes_[k] += out;
  const std::size_t held = ids_[k].insert(out, index, [&](std::size_t i) { return idOf(kind, i); });
  if (held != index) {
    error(at, "duplicate " + std::string(kKindNames[k]) + " id " + quoted(out) +
                  " (first defined at line " +
                  std::to_string(lines_.at(id_offsets_[k][held]).line) + ")");
    return;
  }
  id_offsets_[k].resize(index + 1);
  id_offsets_[k][index] = at;
}

std::string_view BaseParser::idOf(Kind kind, std::size_t index) const {
  const auto k = static_cast<std::size_t>(kind);
  const std::uint64_t span = id_spans_[k][index];
  return std::string_view(id_bytes_[k]).substr(span >> 32, static_cast<std::uint32_t>(span));
}

std::size_t BaseParser::known(Kind kind, std::string_view id) const {
  return known(kind, id, IdTable::hash(id));
}

std::size_t BaseParser::known(Kind kind, std::string_view id, std::uint64_t hash) const {
  const auto k = static_cast<std::size_t>(kind);
  if (k >= kTableKinds)
    return IdTable::npos;
  const std::size_t found = ids_[k].find(id, hash, [&](std::size_t i) { return idOf(kind, i); });
  return found == IdTable::npos && head_ ? head_->known(kind, id, hash) : found;
}

void BaseParser::reference(Kind kind, std::string_view role, std::string &out) {
  std::size_t at = reader_.offset();
  if (!nonEmptyString(out, Chars::Id))
    return;
  // Most files define what they refer to first (people before quotes); what is not known yet is
  // checked again once the whole file is read.
  const auto k = static_cast<std::size_t>(kind);
  if (k < kTableKinds && out == last_reference_[k])
    return;
  if (known(kind, out) == IdTable::npos) {
    pending_.push_back({kind, role, out, at, path_});
    return;
  }
  last_reference_[k] = out;
}

std::string BaseParser::path() const { return renderPath(path_); }

std::string BaseParser::renderPath(const std::vector<PathPart> &parts) {
  std::string out = "$";
  for (const PathPart &part : parts) {
    if (part.key.empty()) {
      out += "[" + std::to_string(part.index) + "]";
      continue;
    }
    bool plain = std::all_of(part.key.begin(), part.key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '$';
    });
    if (plain) {
      out += ".";
      out += part.key;
    } else {
      out += "[" + quoted(part.key) + "]";
    }
  }
  return out;
}

void BaseParser::error(std::size_t offset, std::string message) {
  if (head_) { // a tail with an error is dropped, and its part read again by the head
    tail_unusable_ = true;
    return;
  }
  TextPosition at = lines_.at(offset);
  result_.errors.push_back({file_, at.line, at.column, path(), std::move(message), offset});
}

void BaseParser::warning(std::size_t offset, std::string message) {
  if (head_) {
    tail_unusable_ = true;
    return;
  }
  TextPosition at = lines_.at(offset);
  result_.warnings.push_back({file_, at.line, at.column, path(), std::move(message), offset});
}

void BaseParser::typeError(std::string_view expected) {
  JsonKind found = reader_.peek();
  if (found == JsonKind::Invalid) {
    reader_.skipValue(); // a syntax error: recorded by the reader, reported by run()
    return;
  }
  error(reader_.offset(),
        "expected " + std::string(expected) + ", found " + std::string(describeJsonKind(found)));
  reader_.skipValue();
}

} // namespace factline::facts
