// BaseParser: the fact base schema (FORMAT.md, version 1) applied while the JSON is read.
#include "facts/base_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "facts/normalize.h"

namespace factline::facts {
namespace {

constexpr double kFormatVersion = 1;

using namespace std::string_view_literals;

constexpr std::array kTopFields = {"factline"sv, "name"sv,    "description"sv,
                                   "people"sv,   "events"sv,  "sources"sv,
                                   "quotes"sv,   "figures"sv, "$schema"sv};
constexpr std::array kTopRequired = {"factline"sv};
constexpr std::array kPersonFields = {"id"sv,          "kind"sv, "name"sv,    "aliases"sv,
                                      "descriptors"sv, "role"sv, "pronoun"sv, "organisation"sv};
constexpr std::array kPersonRequired = {"id"sv, "name"sv};
constexpr std::array kPersonKinds = {"person"sv, "organisation"sv, "organization"sv};
constexpr std::array kPronouns = {"he"sv, "she"sv, "they"sv, "it"sv};
constexpr std::array kEventFields = {"id"sv, "name"sv, "date"sv, "aliases"sv, "description"sv};
constexpr std::array kEventRequired = {"id"sv, "name"sv};
constexpr std::array kSourceFields = {"id"sv, "title"sv, "publisher"sv, "date"sv, "url"sv};
constexpr std::array kSourceRequired = {"id"sv, "title"sv};
constexpr std::array kQuoteFields = {"id"sv,   "text"sv,   "speaker"sv,  "event"sv,
                                     "date"sv, "source"sv, "variants"sv, "context"sv};
constexpr std::array kQuoteRequired = {"id"sv, "text"sv, "speaker"sv};
constexpr std::array kVariantFields = {"text"sv, "source"sv, "note"sv};
constexpr std::array kVariantRequired = {"text"sv};
constexpr std::array kFigureFields = {
    "id"sv,       "kind"sv,  "value"sv,     "unit"sv, "text"sv,   "qualifier"sv,     "subject"sv,
    "keywords"sv, "units"sv, "stated_by"sv, "date"sv, "source"sv, "superseded_by"sv, "context"sv};
constexpr std::array kFigureRequired = {"id"sv, "value"sv, "text"sv};
constexpr std::array kFigureKinds = {"count"sv, "percent"sv, "ratio"sv, "duration"sv,
                                     "money"sv, "year"sv,    "other"sv};

constexpr std::array kKindNames = {"person"sv, "event"sv, "source"sv, "quote"sv, "figure"sv};

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
  int year = std::stoi(std::string(s.substr(0, 4)));
  int month = std::stoi(std::string(s.substr(5, 2)));
  if (month < 1 || month > 12)
    return false;
  if (s.size() == 7)
    return true;
  if (s[7] != '-' || !digits(s.substr(8, 2)))
    return false;
  int day = std::stoi(std::string(s.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= max_day;
}

} // namespace

BaseParser::BaseParser(std::string_view text, std::string_view file_name)
    : reader_(text), lines_(text), file_(file_name) {}

LoadResult BaseParser::run() {
  topLevel();
  result_.base.reindex();
  if (reader_.failed()) {
    // Where the JSON breaks, nothing after it can be read; the path says where the reader was.
    error(reader_.errorOffset(), "invalid JSON: " + reader_.errorMessage());
    result_.errors.back().json_path.clear();
  } else {
    findDuplicates(result_.base.quotes, places_[0], Kind::Quote, "quotes",
                   [&](const std::string &id) { return result_.base.quote(id); });
    findDuplicates(result_.base.figures, places_[1], Kind::Figure, "figures",
                   [&](const std::string &id) { return result_.base.figure(id); });
    for (PendingReference &ref : pending_) {
      if (ids_[static_cast<std::size_t>(ref.kind)].count(ref.id) ||
          (ref.kind == Kind::Figure && result_.base.figure(ref.id)))
        continue; // defined further down the file
      TextPosition at = lines_.at(ref.offset);
      result_.external_references.push_back(
          {std::string(kKindNames[static_cast<std::size_t>(ref.kind)]), std::string(ref.role),
           std::move(ref.id),
           LoadError{file_, at.line, at.column, std::move(ref.path), "", ref.offset}});
    }
  }
  std::stable_sort(result_.errors.begin(), result_.errors.end(),
                   [](const LoadError &a, const LoadError &b) { return a.offset < b.offset; });
  return std::move(result_);
}

// Quotes and figures can number millions: instead of a table of their own, the base's id index
// (which keeps the last entry of an id) tells which entries have a later twin.
template <typename Entry, typename Lookup>
void BaseParser::findDuplicates(const std::vector<Entry> &entries,
                                const std::vector<EntryPlace> &places, Kind kind,
                                std::string_view section, Lookup lookup) {
  std::map<std::string_view, std::vector<std::size_t>> twins;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string &id = entries[i].id;
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
            "duplicate " + std::string(kKindNames[static_cast<std::size_t>(kind)]) + " id '" +
                std::string(id) + "' (first defined at line " + std::to_string(first_line) + ")");
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
  members(kTopFields, kTopRequired, "a fact base", [&](std::size_t field) {
    switch (field) {
    case 0: { // factline
      std::size_t at = reader_.offset();
      double version = 0;
      if (number(version) && version != kFormatVersion) {
        char shown[32];
        std::snprintf(shown, sizeof shown, "%g", version);
        error(at, std::string("unsupported format version ") + shown +
                      ": this factline reads version 1");
      }
      break;
    }
    case 1:
      string(result_.name);
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
  });
  reader_.finish();
}

template <typename Entry, typename ReadEntry>
void BaseParser::section(std::string_view name, std::vector<Entry> &into, ReadEntry read) {
  std::vector<EntryPlace> *places = name == "quotes"    ? &places_[0]
                                    : name == "figures" ? &places_[1]
                                                        : nullptr;
  if (reader_.peek() != JsonKind::Array) {
    typeError("an array");
    return;
  }
  reader_.beginArray();
  for (std::size_t i = 0; reader_.nextElement(); ++i) {
    path_.push_back({{}, i});
    if (reader_.peek() != JsonKind::Object) {
      typeError("an object");
    } else {
      Entry entry;
      if (places)
        id_offset_ = reader_.offset(); // its "{" until id() finds its id
      read(entry);
      into.push_back(std::move(entry));
      if (places)
        places->push_back({static_cast<std::uint32_t>(i), id_offset_});
      if (progress_ && i % 4096 == 4095)
        progress_(reader_.offset());
    }
    path_.pop_back();
  }
}

template <typename OnField>
bool BaseParser::members(FieldList fields, FieldList required, std::string_view what,
                         OnField on_field) {
  const std::size_t object_at = reader_.offset();
  if (!reader_.beginObject())
    return false;
  std::uint32_t seen = 0;
  std::string key;
  std::size_t key_at = 0;
  while (reader_.nextMember(key, key_at)) {
    auto it = std::find(fields.begin(), fields.end(), key);
    if (it == fields.end()) {
      std::string message = "unknown field '" + key + "' (ignored)";
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
    const auto index = static_cast<std::size_t>(it - fields.begin());
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
  if (reader_.failed())
    return false;
  for (std::string_view field : required) {
    auto index =
        static_cast<std::size_t>(std::find(fields.begin(), fields.end(), field) - fields.begin());
    if (!(seen & (1u << index))) {
      path_.push_back({field, 0});
      error(object_at,
            "missing required field '" + std::string(field) + "' of " + std::string(what));
      path_.pop_back();
    }
  }
  return true;
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
      nonEmptyString(p.name);
      break;
    case 3:
      stringList(p.aliases);
      break;
    case 4:
      stringList(p.descriptors);
      break;
    case 5:
      string(p.role);
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
      nonEmptyString(e.name);
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
      nonEmptyString(s.title);
      break;
    case 2:
      string(s.publisher);
      break;
    case 3:
      date(s.date);
      break;
    case 4:
      string(s.url);
      break;
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
      auto words = [](const std::string &text) {
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
    case 6:
      section("variants", q.variants, [&](QuoteVariant &v) { variant(v); });
      break;
    case 7:
      string(q.context);
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
      string(f.unit);
      break;
    case 4:
      nonEmptyString(f.text);
      break;
    case 5:
      string(f.qualifier);
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
    }
  });
}

bool BaseParser::string(std::string &out) {
  if (reader_.peek() != JsonKind::String) {
    typeError("a string");
    return false;
  }
  bad_utf8_.clear();
  if (!reader_.readString(out, &bad_utf8_))
    return false;
  for (std::size_t at : bad_utf8_) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(lines_.text()[at])));
    error(at, std::string("invalid UTF-8 (byte ") + byte + "): save the file as UTF-8");
  }
  return bad_utf8_.empty();
}

bool BaseParser::nonEmptyString(std::string &out) {
  std::size_t at = reader_.offset();
  if (!string(out))
    return false;
  if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(at, "must not be empty");
    return false;
  }
  return true;
}

bool BaseParser::stringList(std::vector<std::string> &out) {
  if (reader_.peek() != JsonKind::Array) {
    typeError("an array of strings");
    return false;
  }
  reader_.beginArray();
  bool ok = true;
  for (std::size_t i = 0; reader_.nextElement(); ++i) {
    path_.push_back({{}, i});
    std::string item;
    if (string(item))
      out.push_back(std::move(item));
    else
      ok = false;
    path_.pop_back();
  }
  return ok && !reader_.failed();
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
    error(at, "'" + out + "' is not one of " + listOf(allowed));
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
    error(at, "'" + out + "' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return false;
  }
  return true;
}

void BaseParser::id(Kind kind, std::string &out) {
  std::size_t at = reader_.offset();
  if (!nonEmptyString(out))
    return;
  id_offset_ = at;
  if (kind == Kind::Quote || kind == Kind::Figure)
    return; // checked once the file is read (findDuplicates), without a table of their own
  auto [it, inserted] = ids_[static_cast<std::size_t>(kind)].try_emplace(out, at);
  if (!inserted)
    error(at, "duplicate " + std::string(kKindNames[static_cast<std::size_t>(kind)]) + " id '" +
                  out + "' (first defined at line " + std::to_string(lines_.at(it->second).line) +
                  ")");
}

void BaseParser::reference(Kind kind, std::string_view role, std::string &out) {
  std::size_t at = reader_.offset();
  if (!nonEmptyString(out))
    return;
  // Most files define what they refer to first (people before quotes); what is not known yet is
  // checked again once the whole file is read.
  if (!ids_[static_cast<std::size_t>(kind)].count(out))
    pending_.push_back({kind, role, out, at, path()});
}

std::string BaseParser::path() const {
  std::string out = "$";
  for (const PathPart &part : path_) {
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
      out += "['" + std::string(part.key) + "']";
    }
  }
  return out;
}

void BaseParser::error(std::size_t offset, std::string message) {
  TextPosition at = lines_.at(offset);
  result_.errors.push_back({file_, at.line, at.column, path(), std::move(message), offset});
}

void BaseParser::warning(std::size_t offset, std::string message) {
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
