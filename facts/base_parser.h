// BaseParser: reads one fact base file (FORMAT.md, version 1) field by field against its schema,
// collecting every error with its position and JSON path. Internal to the loader.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/json_reader.h"
#include "facts/loader.h"

namespace factline::facts {

// One parser per text, one thread.
class BaseParser {
public:
  BaseParser(std::string_view text, std::string_view file_name);
  // Called now and then with how many bytes of the text have been read, so that a caller holding
  // the text in mapped memory can let the kernel drop what is behind the reader.
  void onProgress(std::function<void(std::size_t)> progress) { progress_ = std::move(progress); }
  LoadResult run();

private:
  enum class Kind : std::uint8_t { Person, Event, Source, Quote, Figure };
  struct PathPart {
    std::string_view key; // empty for an array index
    std::size_t index = 0;
  };
  struct PendingReference { // a reference to an id this file may still define further down
    Kind kind;
    std::string_view role;
    std::string id;
    std::size_t offset;
    std::string path;
  };
  using FieldList = std::span<const std::string_view>;
  struct EntryPlace {      // where a quote or figure is: for duplicate id errors
    std::uint32_t ordinal; // index in its JSON array
    std::size_t id_offset; // its id's offset (its "{" when it has none)
  };

  void topLevel();
  template <typename Entry, typename ReadEntry>
  void section(std::string_view name, std::vector<Entry> &into, ReadEntry read);
  void person(Person &p);
  void event(Event &e);
  void source(Source &s);
  void quote(Quote &q);
  void variant(QuoteVariant &v);
  void figure(Figure &f);
  template <typename Entry, typename Lookup>
  void findDuplicates(const std::vector<Entry> &entries, const std::vector<EntryPlace> &places,
                      Kind kind, std::string_view section, Lookup lookup);

  // Reads the object at the reader: known fields go to on_field(index) positioned at their value;
  // unknown ones are warned about and skipped. Missing `required` fields are errors.
  template <typename OnField>
  bool members(FieldList fields, FieldList required, std::string_view what, OnField on_field);

  bool string(std::string &out);
  bool nonEmptyString(std::string &out);
  bool stringList(std::vector<std::string> &out);
  bool number(double &out);
  bool oneOf(std::string &out, FieldList allowed);
  bool date(std::string &out);
  void id(Kind kind, std::string &out);
  void reference(Kind kind, std::string_view role, std::string &out);

  void error(std::size_t offset, std::string message);
  void warning(std::size_t offset, std::string message);
  void typeError(std::string_view expected);
  std::string path() const;

  JsonReader reader_;
  LineMap lines_;
  std::string file_;
  LoadResult result_;
  std::vector<PathPart> path_;
  // id -> offset, per Kind; quotes and figures are not kept here (see findDuplicates).
  std::array<std::unordered_map<std::string, std::size_t>, 5> ids_;
  std::vector<PendingReference> pending_;
  std::array<std::vector<EntryPlace>, 2> places_; // quotes, figures
  std::size_t id_offset_ = 0;
  std::function<void(std::size_t)> progress_;
  std::vector<std::size_t> bad_utf8_;
};

} // namespace factline::facts
