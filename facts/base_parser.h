// BaseParser: reads one fact base file (FORMAT.md, version 1) field by field against its schema,
// collecting every error with its position and JSON path. Internal to the loader.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "facts/id_table.h"
#include "facts/json_reader.h"
#include "facts/loader.h"

namespace factline::facts {

// One parser per text. A large text is read by two threads (see run()); the result is the same.
class BaseParser {
public:
  // Texts from this size on are read by two threads.
  static constexpr std::size_t kParallelBytes = std::size_t{32} << 20;

  BaseParser(std::string_view text, std::string_view file_name);
  ~BaseParser();
  BaseParser(const BaseParser &) = delete;
  BaseParser &operator=(const BaseParser &) = delete;

  // Called now and then, from the thread reading, as progress(from, offset): a reader that
  // started at (or last reported) `from` is now at `offset`. It returns the `from` of the next
  // call. A caller holding the text in mapped memory lets the kernel drop what is behind.
  using Progress = std::function<std::size_t(std::size_t from, std::size_t offset)>;
  void onProgress(Progress progress) { progress_ = std::move(progress); }
  // Reads with two threads from this many bytes of text on (kParallelBytes unless set): for
  // tests, which compare both ways of reading on small texts.
  // `cut_at` places the search for the cut (0..1 of the text).
  static constexpr double kCutAt = 0.55;
  void parallelFrom(std::size_t bytes, double cut_at = kCutAt) {
    parallel_from_ = bytes;
    cut_at_ = cut_at;
  }
  LoadResult run();
  // Whether run() took a second reader's part (for tests: the other outcome is one reader).
  bool readInParallel() const { return took_tail_; }

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
    std::vector<PathPart> path;
  };
  using FieldList = std::span<const std::string_view>;
  struct EntryPlace {      // where a quote or figure is: for duplicate id errors
    std::uint32_t ordinal; // index in its JSON array
    std::size_t id_offset; // its id's offset (its "{" when it has none)
  };

  void topLevel();
  void topField(std::size_t field);
  template <typename Entry, typename ReadEntry>
  void section(std::string_view name, std::vector<Entry> &into, ReadEntry read);
  // The elements of an array whose "[" has been read.
  template <typename Entry, typename ReadEntry>
  void elements(std::string_view name, std::vector<Entry> &into, ReadEntry read);

  // Two readers: the text is cut at an element boundary found near its middle (a guess, checked
  // below). A second parser (the tail) reads from there to the end on another thread while this
  // one reads up to the cut; when this one arrives exactly at the cut, inside the section the tail
  // was started in, the tail's entries are taken. A tail that met anything but plain entries (an
  // error, a warning, people or events, a top-level field this reader also read) is dropped and
  // the rest is read here, so the result is always the one reader's.
  void planSplit();
  void startTail();
  void dropTail();                  // stops the tail and waits for it
  bool takeTail(std::size_t index); // at the cut, the element `index` of the section
  // Until the tail is done: the recorded words of the quotes read so far, for the index
  // (LoadResult::quote_words), a few thousand quotes a step. Time otherwise spent waiting.
  void readWordsUntilTailDone();
  bool stopped() const;
  void readTail(std::size_t at, std::string_view section);
  void reportProgress();
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
  // unknown ones are warned about and skipped. Missing `required` fields (bits of their indices
  // in `fields`) are errors.
  template <typename OnField>
  bool members(FieldList fields, std::uint32_t required, std::string_view what, OnField on_field);
  // The members of an object whose "{" has been read; returns the fields seen.
  template <typename OnField> std::uint32_t memberLoop(FieldList fields, OnField on_field);
  // For each of `fields` (and for none, at fields.size()), the field that came after it in the
  // last entry of the kind: memberLoop() tries it first.
  std::uint8_t *fieldOrder(FieldList fields);
  void missingFields(FieldList fields, std::uint32_t required, std::string_view what,
                     std::uint32_t seen, std::size_t object_at);

public:
  // What a string field may hold (FORMAT.md, "Limits"). A fact base is shared between newsrooms
  // and every string in it ends up in a terminal, an editor or a review sheet: ids and names hold
  // no control characters, no bidi formatting (which reorders what a reader sees) and, for ids,
  // no invisible characters; and every string has a length limit far above anything real, so
  // that one pathological entry cannot cost every check of every draft.
  enum class Chars : std::uint8_t {
    Id,    // ids and references: no controls, bidi formatting or invisible characters
    Label, // names, aliases, titles, units...: no controls or bidi formatting
    Url,   // a source's url: as a label, and longer
    Text,  // quote and figure texts, contexts, notes: no controls but tab and line breaks
  };
  static constexpr std::size_t kMaxIdChars = 200;
  static constexpr std::size_t kMaxLabelChars = 1000;
  static constexpr std::size_t kMaxUrlChars = 2000;
  static constexpr std::size_t kMaxTextChars = 20000;
  static constexpr std::size_t kMaxListItems = 1000; // aliases, keywords...; and variants

private:
  // A string as read: valid until the next string is read (JsonReader::readString). One that
  // breaks the rule of `chars` is an error, and read as empty.
  bool string(std::string_view &out, Chars chars = Chars::Text);
  bool nonEmptyString(std::string_view &out, Chars chars = Chars::Text);
  bool string(std::string &out, Chars chars = Chars::Text);
  bool nonEmptyString(std::string &out, Chars chars = Chars::Text);
  bool stringList(std::vector<std::string> &out, Chars chars = Chars::Label);
  // Reads an array of strings, giving each good one to add(std::string_view), valid during the
  // call.
  template <typename Add> bool eachString(Chars chars, Add add);
  // Whether `s`, read at `at`, keeps the rule of `chars`; an error says where it does not.
  bool allowed(std::size_t at, std::string_view s, Chars chars);
  bool number(double &out);
  bool oneOf(std::string &out, FieldList allowed);
  void position(std::uint32_t &out, std::string_view what); // a quote's turn or part: 1, 2, ...
  void timeOfDay(Text &out);                                 // "00:03:12"
  bool date(std::string &out);
  void id(Kind kind, std::string &out);
  void reference(Kind kind, std::string_view role, std::string &out);
  // The same for the Text fields of quotes and figures: read as above, then kept in the base.
  template <typename Read> bool kept(Text &out, Read read);
  bool string(Text &out, Chars chars = Chars::Text);
  bool nonEmptyString(Text &out, Chars chars = Chars::Text);
  bool stringList(std::vector<Text> &out, Chars chars = Chars::Label);
  bool date(Text &out);
  void id(Kind kind, Text &out);
  void reference(Kind kind, std::string_view role, Text &out);
  // The index of the person, event or source with `id` read so far, or IdTable::npos.
  std::size_t known(Kind kind, std::string_view id) const;
  std::size_t known(Kind kind, std::string_view id, std::uint64_t hash) const;
  // References of quotes and figures are checked when their entry has been read, not as each is
  // read: the id tables' cache lines, asked for at the reference, have arrived by then. A million
  // entries' references would otherwise each wait for one.
  struct DeferredReference {
    Kind kind;
    std::string_view role;
    Text id;
    std::size_t offset;
    std::uint64_t hash;
    std::uint8_t depth; // of path
    std::array<PathPart, 8> path;
  };
  void checkDeferredReferences();
  std::string_view idOf(Kind kind, std::size_t index) const;

  // A file that is not a fact base (no "factline" field): its errors and warnings are replaced by
  // one that says so, which quotes nothing of it.
  void notAFactBase();

  void error(std::size_t offset, std::string message);
  void warning(std::size_t offset, std::string message);
  void typeError(std::string_view expected);
  std::string path() const;
  static std::string renderPath(const std::vector<PathPart> &parts);

  JsonReader reader_;
  LineMap lines_;
  std::string file_;
  LoadResult result_;
  std::vector<PathPart> path_;
  // The ids of the people, events and sources read so far, by index into their vectors, and where
  // each is; quotes and figures are not kept here (see findDuplicates).
  static constexpr std::size_t kTableKinds = 3;
  std::array<IdTable, kTableKinds> ids_;
  std::array<std::vector<std::size_t>, kTableKinds> id_offsets_;
  // Each entry's id, by index, as a span of id_bytes_: the tables compare ids against these
  // bytes, packed together, not against the entries, whose ids are a cache miss and a pointer
  // away (25,000 speakers named in a million quotes, each lookup a miss or three).
  std::array<std::string, kTableKinds> id_bytes_;
  std::array<std::vector<std::uint64_t>, kTableKinds> id_spans_; // offset << 32 | length
  // The id each kind's last reference named: a file's quotes mostly name one event and source.
  std::array<std::string, kTableKinds> last_reference_;
  std::array<Text, kTableKinds> last_reference_text_; // and where it is kept
  struct FieldOrder {
    const std::string_view *fields = nullptr;
    std::array<std::uint8_t, 33> after{}; // fields are at most 32 (memberLoop's bits)
  };
  std::array<FieldOrder, 8> field_orders_{}; // more kinds than the format has
  std::size_t next_field_order_ = 0;
  std::string scratch_; // a Text field as read, before it is kept
  std::vector<PendingReference> pending_;
  std::vector<DeferredReference> deferred_;
  std::array<std::vector<EntryPlace>, 2> places_; // quotes, figures
  std::size_t id_offset_ = 0;
  Progress progress_;
  std::size_t progress_from_ = 0;

  std::size_t parallel_from_ = kParallelBytes;
  double cut_at_ = kCutAt;
  std::uint32_t top_seen_ = 0;                    // top-level fields read
  std::size_t top_at_ = 0;                        // the top-level object's "{"
  std::size_t split_at_ = std::string_view::npos; // the cut: an element's "{"
  std::string_view split_section_;                // "quotes" or "figures"
  std::unique_ptr<BaseParser> tail_;
  std::future<void> tail_done_;
  std::atomic<bool> tail_cancelled_{false}; // set by the head to stop the tail
  bool took_tail_ = false;                  // the head stopped at the cut
  // In a tail: the head, whose people, events and sources references may name (it does not
  // change them while the tail runs), and whether the tail met something that drops it.
  const BaseParser *head_ = nullptr;
  bool tail_unusable_ = false;
  std::vector<std::size_t> bad_utf8_;
};

} // namespace factline::facts
