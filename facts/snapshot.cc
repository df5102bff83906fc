// Fact base snapshots: writing the entries a JSON base loads into, and reading them back with
// every length, count and enumeration checked against the file before it is used.
#include "facts/snapshot.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <future>
#include <memory>
#include <span>

#include "facts/figure_terms.h"
#include "facts/mapped_file.h"
#include "facts/quote_index.h"
#include "facts/quote_words.h"
#include "facts/replacing_file.h"
#include "facts/snapshot_bytes.h"

#ifndef FACTLINE_VERSION
#define FACTLINE_VERSION "unknown"
#endif

namespace factline::facts {
namespace {

constexpr char kMagic[8] = {'F', 'A', 'C', 'T', 'I', 'D', 'X', '\0'};
constexpr std::size_t kVersionField = 32;
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;
constexpr std::size_t kHashChunk = std::size_t{4} << 20; // see snapshotHash
// From this many chunks on, they are hashed on two threads.
constexpr std::size_t kParallelHashChunks = 8;

// The fixed header, written field by field in little-endian order (see FORMAT.md).
struct Header {
  std::uint32_t format_version = 0;
  std::uint32_t header_bytes = 0;
  std::string factline_version;
  std::uint64_t json_size = 0;
  std::int64_t json_mtime_ns = 0;
  std::uint64_t json_hash = 0;
  std::uint64_t body_bytes = 0;
  std::uint64_t body_hash = 0;
};
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + kVersionField + 8 * 5;

std::uint64_t fnv(std::uint64_t h, std::uint64_t word) { return (h ^ word) * kFnvPrime; }

// One chunk's hash (see snapshotHash): four FNV-1a 64 lanes, 8-byte little-endian word k of the
// chunk into lane k % 4 while whole groups of four words last, the bytes after them into lane 0
// one by one, then the four lanes folded in order. The lanes' multiplications overlap: four
// times the speed of one chain.
std::uint64_t chunkHash(const unsigned char *p, std::size_t n) {
  static_assert(std::endian::native == std::endian::little);
  std::uint64_t lane[4] = {kFnvOffset, kFnvOffset, kFnvOffset, kFnvOffset};
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int k = 0; k < 4; ++k) {
      std::uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      lane[k] = fnv(lane[k], w);
    }
  for (; i < n; ++i)
    lane[0] = fnv(lane[0], p[i]);
  std::uint64_t h = kFnvOffset;
  for (std::uint64_t l : lane)
    h = fnv(h, l);
  return h;
}

std::int64_t mtimeNs(const struct stat &st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---- writing ----

// Appends little-endian fields to a file through a buffer, hashing what it writes a chunk at a
// time (the buffer is written out in whole chunks, so the hash is snapshotHash's).
class Writer {
public:
  explicit Writer(std::FILE *f) : f_(f) { buffer_.reserve(kHashChunk); }
  void u8(std::uint8_t v) { raw(&v, 1); }
  void u32(std::uint32_t v) {
    unsigned char b[4];
    for (int i = 0; i < 4; ++i)
      b[i] = static_cast<unsigned char>(v >> (8 * i));
    raw(b, 4);
  }
  void u64(std::uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i)
      b[i] = static_cast<unsigned char>(v >> (8 * i));
    raw(b, 8);
  }
  void f64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    u64(bits);
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  template <typename S> void list(const std::vector<S> &items) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (std::string_view s : items)
      str(s);
  }
  // A count, then the integers (the format's little-endian is this machine's order).
  void u32s(const std::vector<std::uint32_t> &items) {
    static_assert(std::endian::native == std::endian::little);
    u32(static_cast<std::uint32_t>(items.size()));
    if (!items.empty())
      raw(items.data(), items.size() * 4);
  }
  // The body's position (error messages, the final length).
  std::uint64_t written() const { return written_; }
  // Writes out what is left, the last (shorter) chunk. Called once, at the end.
  bool finish() {
    if (!buffer_.empty())
      writeChunk(buffer_.data(), buffer_.size());
    buffer_.clear();
    return ok_;
  }
  std::uint64_t hash() const { return hash_; }

private:
  // Fills the buffer a chunk at a time, so that a big field (the words' ids) is not copied whole.
  void raw(const void *p, std::size_t n) {
    const char *bytes = static_cast<const char *>(p);
    written_ += n;
    while (n > 0) {
      const std::size_t part = std::min(n, kHashChunk - buffer_.size());
      buffer_.append(bytes, part);
      bytes += part;
      n -= part;
      if (buffer_.size() == kHashChunk) {
        writeChunk(buffer_.data(), kHashChunk);
        buffer_.clear();
      }
    }
  }
  void writeChunk(const char *p, std::size_t n) {
    hash_ = fnv(hash_, chunkHash(reinterpret_cast<const unsigned char *>(p), n));
    ok_ = std::fwrite(p, 1, n, f_) == n && ok_;
  }
  std::FILE *f_;
  std::string buffer_;
  std::uint64_t hash_ = kFnvOffset;
  std::uint64_t written_ = 0;
  bool ok_ = true;
};

// A position is kept without the file name: loaded, it names the JSON file beside the snapshot.
void writePlace(Writer &w, const LoadError &e) {
  w.u64(e.line);
  w.u64(e.column);
  w.str(e.json_path);
  w.str(e.message);
  w.u64(e.offset);
}

// Counts the bytes a Writer would write, without writing them.
struct ByteCounter {
  std::uint64_t bytes = 0;
  void u8(std::uint8_t) { bytes += 1; }
  void u32(std::uint32_t) { bytes += 4; }
  void f64(double) { bytes += 8; }
  void str(std::string_view s) { bytes += 4 + s.size(); }
  template <typename S> void list(const std::vector<S> &items) {
    u32(0);
    for (std::string_view s : items)
      str(s);
  }
};

template <typename Out> void writeQuotes(Out &w, const std::vector<Quote> &quotes) {
  w.u32(static_cast<std::uint32_t>(quotes.size()));
  for (const Quote &q : quotes) {
    w.str(q.id);
    w.str(q.text);
    w.str(q.speaker);
    w.str(q.event);
    w.str(q.date);
    w.str(q.source);
    w.u32(static_cast<std::uint32_t>(q.variants.size()));
    for (const QuoteVariant &v : q.variants) {
      w.str(v.text);
      w.str(v.source);
      w.str(v.note);
    }
    w.str(q.context);
    w.u32(q.turn);
    w.u32(q.part);
    w.str(q.time);
  }
}

template <typename Out> void writeFigures(Out &w, const std::vector<Figure> &figures) {
  w.u32(static_cast<std::uint32_t>(figures.size()));
  for (const Figure &f : figures) {
    w.str(f.id);
    w.u8(static_cast<std::uint8_t>(f.kind));
    w.f64(f.value);
    w.str(f.unit);
    w.str(f.text);
    w.str(f.qualifier);
    w.str(f.subject);
    w.list(f.keywords);
    w.list(f.units);
    w.str(f.stated_by);
    w.str(f.date);
    w.str(f.source);
    w.str(f.superseded_by);
    w.str(f.context);
  }
}

template <typename Out> void writeWords(Out &w, const WordTable &table) {
  w.u32(static_cast<std::uint32_t>(table.size()));
  for (std::uint32_t id = 0; id < table.size(); ++id)
    w.str(table.word(id));
}

void writeBody(Writer &w, const LoadResult &r, const QuoteWords &words, const FigureTerms &terms,
               const std::string &json_path) {
  w.str(r.name);
  w.str(json_path);
  w.u32(static_cast<std::uint32_t>(r.warnings.size()));
  for (const LoadError &e : r.warnings)
    writePlace(w, e);
  w.u32(static_cast<std::uint32_t>(r.external_references.size()));
  for (const ExternalReference &ref : r.external_references) {
    w.str(ref.kind);
    w.str(ref.role);
    w.str(ref.id);
    writePlace(w, ref.where);
  }
  const FactBase &b = r.base;
  w.u32(static_cast<std::uint32_t>(b.people.size()));
  for (const Person &p : b.people) {
    w.str(p.id);
    w.u8(static_cast<std::uint8_t>(p.kind));
    w.str(p.name);
    w.list(p.aliases);
    w.list(p.descriptors);
    w.str(p.role);
    w.str(p.pronoun);
    w.str(p.organisation);
  }
  w.u32(static_cast<std::uint32_t>(b.events.size()));
  for (const Event &e : b.events) {
    w.str(e.id);
    w.str(e.name);
    w.str(e.date);
    w.list(e.aliases);
    w.str(e.description);
  }
  w.u32(static_cast<std::uint32_t>(b.sources.size()));
  for (const Source &s : b.sources) {
    w.str(s.id);
    w.str(s.title);
    w.str(s.publisher);
    w.str(s.date);
    w.str(s.url);
  }
  // The quotes' and the figures' lengths first, so that a reader can read the quotes, the figures
  // and the words after them on two threads.
  ByteCounter quote_bytes;
  writeQuotes(quote_bytes, b.quotes);
  w.u64(quote_bytes.bytes);
  writeQuotes(w, b.quotes);
  ByteCounter figure_bytes;
  writeFigures(figure_bytes, b.figures);
  w.u64(figure_bytes.bytes);
  writeFigures(w, b.figures);
  // The recorded words of the bundled base's quotes and then of this file's, so that loading does
  // not tokenize them again, and that a file loaded after the bundled base finds its index's
  // arrays ready to use in place.
  w.u32(static_cast<std::uint32_t>(words.prefix_quotes));
  w.u32(static_cast<std::uint32_t>(words.prefix_wordings));
  writeWords(w, words.vocabulary);
  w.u32s(words.starts);
  while ((kHeaderBytes + w.written()) % 4 != 0)
    w.u8(0);
  w.u32s(words.ids);
  // And where each word occurs, so that loading does not file 34 million positions either: the
  // counts, then the positions (aligned, so that a reader may view them in place).
  w.u32s(words.counts);
  while ((kHeaderBytes + w.written()) % 4 != 0)
    w.u8(0);
  w.u32s(words.filePostings());
  // The figures' terms, so that loading does not stem a million figures' keywords again.
  writeWords(w, terms.stems);
  writeWords(w, terms.term_keys);
  for (const std::vector<std::uint32_t> *list :
       {&terms.term_start, &terms.term_stems, &terms.term_figures_start, &terms.term_figures,
        &terms.figure_terms_start, &terms.figure_terms})
    w.u32s(*list);
}

void writeHeader(Writer &w, const Header &h) {
  for (char c : kMagic)
    w.u8(static_cast<std::uint8_t>(c));
  w.u32(h.format_version);
  w.u32(h.header_bytes);
  char version[kVersionField] = {};
  std::memcpy(version, h.factline_version.data(),
              std::min(h.factline_version.size(), kVersionField - 1));
  for (char c : version)
    w.u8(static_cast<std::uint8_t>(c));
  w.u64(h.json_size);
  w.u64(static_cast<std::uint64_t>(h.json_mtime_ns));
  w.u64(h.json_hash);
  w.u64(h.body_bytes);
  w.u64(h.body_hash);
}

// ---- reading ----

// Why a snapshot cannot be read: caught at the edge of readSnapshotFile and made an error.
struct Corrupt {
  std::string why;
};

// Out of line and cold, so that the checks of the millions of reads that pass stay a compare
// and a branch inline.
[[noreturn, gnu::cold, gnu::noinline]] void pastTheEnd(const char *what, const char *runs,
                                                       std::size_t at) {
  throw Corrupt{std::string(what) + runs + " past the end of the file at byte " +
                std::to_string(at)};
}

// Reads little-endian fields from [data, data + size), checking each against the end.
class Reader {
public:
  Reader(const unsigned char *data, std::size_t size, std::size_t base)
      : p_(data), size_(size), base_(base) {}
  std::size_t left() const { return size_ - pos_; }
  std::size_t position() const { return base_ + pos_; }
  const unsigned char *take(std::size_t n, const char *what) {
    if (n > left()) [[unlikely]]
      pastTheEnd(what, " runs", position());
    const unsigned char *at = p_ + pos_;
    pos_ += n;
    return at;
  }
  // A reader of the next `n` bytes, which this one skips: for reading two parts at once.
  Reader split(std::size_t n, const char *what) {
    if (n > left()) [[unlikely]]
      pastTheEnd(what, " run", position());
    Reader part(p_ + pos_, n, base_ + pos_);
    pos_ += n;
    return part;
  }
  std::uint8_t u8(const char *what) { return *take(1, what); }
  std::uint32_t u32(const char *what) {
    const unsigned char *b = take(4, what);
    return std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 |
           std::uint32_t{b[3]} << 24;
  }
  std::uint64_t u64(const char *what) {
    const unsigned char *b = take(8, what);
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
      v = v << 8 | b[i];
    return v;
  }
  double f64(const char *what) {
    std::uint64_t bits = u64(what);
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
  void str(std::string &out, const char *what) {
    const std::uint32_t n = u32(what);
    const unsigned char *b = take(n, what);
    out.assign(reinterpret_cast<const char *>(b), n);
  }
  // A count of items each at least `min_bytes` long: one the rest of the file cannot hold is
  // corrupt, and is refused before anything is allocated for it.
  std::size_t count(std::size_t min_bytes, const char *what) {
    const std::size_t at = position();
    const std::uint32_t n = u32(what);
    if (static_cast<std::uint64_t>(n) * min_bytes > left()) [[unlikely]]
      throw Corrupt{std::string("the count of ") + what + " at byte " + std::to_string(at) + " (" +
                    std::to_string(n) + ") is more than the file holds"};
    return n;
  }
  void list(std::vector<std::string> &out, const char *what) {
    out.resize(count(4, what));
    for (std::string &s : out)
      str(s, what);
  }
  // A string of a quote or a figure: a view of the mapped file, which the base holds.
  void str(Text &out, const char *what) {
    const std::uint32_t n = u32(what);
    const unsigned char *b = take(n, what);
    out = Text::viewing({reinterpret_cast<const char *>(b), n});
  }
  void list(std::vector<Text> &out, const char *what) {
    out.resize(count(4, what));
    for (Text &s : out)
      str(s, what);
  }
  void u32s(std::vector<std::uint32_t> &out, const char *what) {
    out.resize(count(4, what));
    const unsigned char *from = take(out.size() * 4, what);
    if (!out.empty()) // an empty vector's data() may be null, which memcpy may not be given
      std::memcpy(out.data(), from, out.size() * 4);
  }

private:
  const unsigned char *p_;
  std::size_t size_;
  std::size_t pos_ = 0;
  std::size_t base_;
};

constexpr std::size_t kPlaceBytes = 8 + 8 + 4 + 4 + 8;
// From quotes and figures this long on (a few thousand entries), they are read on two threads.
constexpr std::uint64_t kParallelSnapshotBytes = std::uint64_t{1} << 20;

LoadError readPlace(Reader &r, const std::string &file) {
  LoadError e;
  e.file = file;
  e.line = r.u64("a position");
  e.column = r.u64("a position");
  r.str(e.json_path, "a position");
  r.str(e.message, "a position");
  e.offset = r.u64("a position");
  return e;
}

// Entries are read into vectors with room to spare, as the JSON parser's growing vectors have:
// FactBase::merge keeps a big base's vector, without a second copy, only when it has room for
// the base merged into it (the bundled one). Room never touched costs no memory.
template <typename T> void resizeWithRoom(std::vector<T> &v, std::size_t n) {
  v.reserve(n + n / 4 + 1024);
  v.resize(n);
}

// `count` distinct words into `table`, in order.
void readWords(Reader &r, WordTable &table, std::size_t count, const char *what) {
  std::string word;
  for (std::size_t id = 0; id < count; ++id) {
    r.str(word, what);
    if (table.intern(word) != id)
      throw Corrupt{std::string("the ") + what + " '" + word + "' is given twice"};
  }
}

// Zero bytes up to the next multiple of 4 in the file, before an array viewed in place.
void alignTo4(Reader &r, const char *what) {
  while (r.position() % 4 != 0)
    if (r.u8(what) != 0)
      throw Corrupt{std::string("the byte before ") + std::to_string(r.position()) +
                    " should align " + what + " and be 0"};
}

// A count and as many u32, viewed in place: the file's little-endian is this machine's order, and
// the snapshot's bytes start on a page, so a multiple of 4 in the file is one in memory.
std::span<const std::uint32_t> viewU32s(Reader &r, const char *what) {
  static_assert(std::endian::native == std::endian::little);
  const std::size_t n = r.count(4, what);
  const unsigned char *bytes = r.take(n * 4, what);
  if (reinterpret_cast<std::uintptr_t>(bytes) % alignof(std::uint32_t) != 0)
    throw Corrupt{std::string(what) + " are not aligned in memory"}; // not SnapshotBytes' bytes
  return {reinterpret_cast<const std::uint32_t *>(bytes), n};
}

// `json_file`: the JSON beside the snapshot, or empty for the one it was built from.
void readBody(Reader &r, LoadResult &out, std::string json_file,
              const std::shared_ptr<const void> &owner) {
  r.str(out.name, "the base's name");
  std::string built_from;
  r.str(built_from, "the JSON file's name");
  if (json_file.empty())
    json_file = built_from;
  out.warnings.resize(r.count(kPlaceBytes, "warnings"));
  for (LoadError &e : out.warnings)
    e = readPlace(r, json_file);
  out.external_references.resize(r.count(12 + kPlaceBytes, "references"));
  for (ExternalReference &ref : out.external_references) {
    r.str(ref.kind, "a reference");
    r.str(ref.role, "a reference");
    r.str(ref.id, "a reference");
    ref.where = readPlace(r, json_file);
  }
  FactBase &b = out.base;
  resizeWithRoom(b.people, r.count(4 * 7 + 1, "people"));
  for (Person &p : b.people) {
    r.str(p.id, "a person");
    const std::uint8_t kind = r.u8("a person");
    if (kind > static_cast<std::uint8_t>(EntityKind::Organisation))
      throw Corrupt{"a person's kind before byte " + std::to_string(r.position()) +
                    " is not one the format defines"};
    p.kind = static_cast<EntityKind>(kind);
    r.str(p.name, "a person");
    r.list(p.aliases, "a person's aliases");
    r.list(p.descriptors, "a person's descriptors");
    r.str(p.role, "a person");
    r.str(p.pronoun, "a person");
    r.str(p.organisation, "a person");
  }
  resizeWithRoom(b.events, r.count(4 * 5, "events"));
  for (Event &e : b.events) {
    r.str(e.id, "an event");
    r.str(e.name, "an event");
    r.str(e.date, "an event");
    r.list(e.aliases, "an event's aliases");
    r.str(e.description, "an event");
  }
  resizeWithRoom(b.sources, r.count(4 * 5, "sources"));
  for (Source &s : b.sources) {
    r.str(s.id, "a source");
    r.str(s.title, "a source");
    r.str(s.publisher, "a source");
    r.str(s.date, "a source");
    r.str(s.url, "a source");
  }
  // Quotes, then figures, then the quotes' words, each part's length known before it. With many
  // entries, one thread reads the quotes, their words and indexes their ids while another reads
  // and indexes the figures.
  const std::uint64_t quote_bytes = r.u64("the quotes' length");
  Reader quotes = r.split(quote_bytes, "the quotes");
  const std::uint64_t figure_bytes = r.u64("the figures' length");
  Reader figures = r.split(figure_bytes, "the figures");
  auto readQuotes = [&b](Reader &r) {
    resizeWithRoom(b.quotes, r.count(4 * 11, "quotes"));
    for (Quote &q : b.quotes) {
      r.str(q.id, "a quote");
      r.str(q.text, "a quote");
      r.str(q.speaker, "a quote");
      r.str(q.event, "a quote");
      r.str(q.date, "a quote");
      r.str(q.source, "a quote");
      q.variants.resize(r.count(4 * 3, "a quote's variants"));
      for (QuoteVariant &v : q.variants) {
        r.str(v.text, "a variant");
        r.str(v.source, "a variant");
        r.str(v.note, "a variant");
      }
      r.str(q.context, "a quote");
      q.turn = r.u32("a quote");
      q.part = r.u32("a quote");
      r.str(q.time, "a quote");
    }
    if (r.left() != 0)
      throw Corrupt{"the quotes end " + std::to_string(r.left()) + " bytes before their length"};
  };
  auto readFigures = [&b](Reader &r) {
    resizeWithRoom(b.figures, r.count(4 * 13 + 1 + 8, "figures"));
    for (Figure &f : b.figures) {
      r.str(f.id, "a figure");
      const std::uint8_t kind = r.u8("a figure");
      if (kind > static_cast<std::uint8_t>(FigureKind::Other))
        throw Corrupt{"a figure's kind before byte " + std::to_string(r.position()) +
                      " is not one the format defines"};
      f.kind = static_cast<FigureKind>(kind);
      f.value = r.f64("a figure");
      r.str(f.unit, "a figure");
      r.str(f.text, "a figure");
      r.str(f.qualifier, "a figure");
      r.str(f.subject, "a figure");
      r.list(f.keywords, "a figure's keywords");
      r.list(f.units, "a figure's units");
      r.str(f.stated_by, "a figure");
      r.str(f.date, "a figure");
      r.str(f.source, "a figure");
      r.str(f.superseded_by, "a figure");
      r.str(f.context, "a figure");
    }
    if (r.left() != 0)
      throw Corrupt{"the figures end " + std::to_string(r.left()) + " bytes before their length"};
  };
  // The quotes' recorded words (after the quotes, which they are checked against).
  auto readQuoteWords = [&b, &out, &owner](Reader &r) {
    auto words = std::make_shared<QuoteWords>();
    words->prefix_quotes = r.u32("the bundled quotes' count");
    words->prefix_wordings = r.u32("the bundled wordings' count");
    if (words->prefix_quotes > words->prefix_wordings)
      throw Corrupt{"the bundled base's " + std::to_string(words->prefix_quotes) +
                    " quotes are said to have " + std::to_string(words->prefix_wordings) +
                    " wordings, fewer than one each"};
    words->quote_count = words->prefix_quotes + b.quotes.size();
    const std::size_t vocabulary = r.count(4, "the recorded words");
    readWords(r, words->vocabulary, vocabulary, "recorded word");
    r.u32s(words->starts, "the recorded wordings");
    alignTo4(r, "the recorded words' ids");
    // Viewed in place, as the postings are (the bytes are page-aligned, the offset a multiple of
    // 4): the index uses them as they are when the file follows the bundled base.
    const std::span<const std::uint32_t> ids = viewU32s(r, "the recorded words' ids");
    const std::size_t id_count = ids.size();
    // Each id is checked against the vocabulary (a branch-free pass: one test for 34 million).
    bool unknown = false;
    const auto words_known = static_cast<std::uint32_t>(vocabulary); // a u32 count
    for (const std::uint32_t id : ids)
      unknown |= (id & QuoteWords::kIdMask) >= words_known;
    if (unknown)
      for (const std::uint32_t id : ids)
        if ((id & QuoteWords::kIdMask) >= vocabulary)
          throw Corrupt{"a recorded word's id (" + std::to_string(id & QuoteWords::kIdMask) +
                        ") is not one of the " + std::to_string(vocabulary) + " words"};
    r.u32s(words->counts, "the recorded words' counts");
    std::uint64_t counted = 0;
    for (const std::uint32_t n : words->counts)
      counted += n;
    if (words->counts.size() != vocabulary || counted != id_count)
      throw Corrupt{"the recorded words' counts (" + std::to_string(words->counts.size()) +
                    " words, " + std::to_string(counted) + " occurrences) do not match the " +
                    std::to_string(vocabulary) + " words and " + std::to_string(id_count) + " ids"};
    alignTo4(r, "the postings");
    const std::span<const std::uint32_t> postings = viewU32s(r, "the recorded words' postings");
    if (postings.size() != id_count)
      throw Corrupt{std::to_string(postings.size()) + " postings for " +
                    std::to_string(id_count) + " recorded words"};
    // Each posting points into the ids, and each word's rise (the lookups merge them in order).
    bool outside = false, unordered = false;
    const auto positions = static_cast<std::uint32_t>(id_count); // a u32 count
    const std::uint32_t *next = postings.data();
    for (const std::uint32_t n : words->counts) {
      for (std::uint32_t k = 0; k < n; ++k) {
        outside |= next[k] >= positions;
        unordered |= k > 0 && next[k] <= next[k - 1];
      }
      next += n;
    }
    if (outside)
      throw Corrupt{"a recorded word's posting is past the " + std::to_string(id_count) +
                    " recorded words"};
    if (unordered)
      throw Corrupt{"a recorded word's postings are not in ascending order"};
    words->viewed_ids = ids;
    words->viewed_owner = owner;
    words->postings = postings;
    std::size_t file_wordings = 0;
    for (const Quote &q : b.quotes)
      file_wordings += 1 + q.variants.size();
    if (!words->fits(words->quote_count, 0, words->prefix_wordings + file_wordings))
      throw Corrupt{"the recorded words do not match the quotes' wordings"};
    out.quote_words = std::move(words);
  };
  // The figures' terms (checked against the figures once both are read).
  auto readFigureTerms = [&out](Reader &r) {
    auto terms = std::make_shared<FigureTerms>();
    readWords(r, terms->stems, r.count(4, "the figures' stems"), "figure keyword stem");
    readWords(r, terms->term_keys, r.count(4, "the figures' terms"), "figure term");
    for (std::vector<std::uint32_t> *list :
         {&terms->term_start, &terms->term_stems, &terms->term_figures_start, &terms->term_figures,
          &terms->figure_terms_start, &terms->figure_terms})
      r.u32s(*list, "the figures' terms");
    terms->figure_count =
        terms->figure_terms_start.empty() ? 0 : terms->figure_terms_start.size() - 1;
    if (!terms->consistent())
      throw Corrupt{"the figures' terms are not consistent (a list out of order or out of range)"};
    terms->index();
    out.figure_terms = std::move(terms);
  };
  auto quotesAndWords = [&] {
    readQuotes(quotes);
    readQuoteWords(r);
    readFigureTerms(r);
    if (r.left() != 0)
      throw Corrupt{std::to_string(r.left()) + " bytes after the last entry"};
    b.reindexQuotes();
  };
  auto indexedFigures = [&] {
    readFigures(figures);
    b.reindexFigures();
  };
  if (quote_bytes + figure_bytes >= kParallelSnapshotBytes) {
    auto figures_done = std::async(std::launch::async, indexedFigures);
    quotesAndWords();
    figures_done.get(); // rethrows what the figures' reader found
  } else {
    quotesAndWords();
    indexedFigures();
  }
  if (out.figure_terms->figure_count != b.figures.size())
    throw Corrupt{"the figures' terms are for " + std::to_string(out.figure_terms->figure_count) +
                  " figures, not " + std::to_string(b.figures.size())};
  b.reindexPeopleEventsSources();
}

Header readHeader(Reader &r) {
  const unsigned char *magic = r.take(sizeof kMagic, "the header");
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0)
    throw Corrupt{"not a factline snapshot (no FACTIDX magic at its start)"};
  Header h;
  h.format_version = r.u32("the header");
  h.header_bytes = r.u32("the header");
  const unsigned char *version = r.take(kVersionField, "the header");
  std::size_t n = 0;
  while (n < kVersionField && version[n] != 0)
    ++n;
  h.factline_version.assign(reinterpret_cast<const char *>(version), n);
  h.json_size = r.u64("the header");
  h.json_mtime_ns = static_cast<std::int64_t>(r.u64("the header"));
  h.json_hash = r.u64("the header");
  h.body_bytes = r.u64("the header");
  h.body_hash = r.u64("the header");
  return h;
}

LoadResult failure(const std::string &path, std::string message) {
  LoadResult r;
  r.errors.push_back({path, 0, 0, "", std::move(message), 0});
  return r;
}

} // namespace

std::uint64_t snapshotHash(std::string_view bytes) {
  const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
  const std::size_t chunks = (bytes.size() + kHashChunk - 1) / kHashChunk;
  std::vector<std::uint64_t> hashes(chunks);
  auto hashChunks = [&](std::size_t from, std::size_t to) {
    for (std::size_t c = from; c < to; ++c)
      hashes[c] =
          chunkHash(p + c * kHashChunk, std::min(kHashChunk, bytes.size() - c * kHashChunk));
  };
  if (chunks >= kParallelHashChunks) {
    auto second_half = std::async(std::launch::async, hashChunks, chunks / 2, chunks);
    hashChunks(0, chunks / 2);
    second_half.get();
  } else {
    hashChunks(0, chunks);
  }
  std::uint64_t h = kFnvOffset;
  for (std::uint64_t c : hashes)
    h = fnv(h, c);
  return h;
}

bool isSnapshotPath(std::string_view path) { return endsWith(path, kSnapshotExtension); }

std::string snapshotPathFor(const std::string &json_path) {
  if (endsWith(json_path, ".json"))
    return json_path.substr(0, json_path.size() - 5) + std::string(kSnapshotExtension);
  return json_path + std::string(kSnapshotExtension);
}

std::string jsonPathFor(const std::string &snapshot_path) {
  if (isSnapshotPath(snapshot_path))
    return snapshot_path.substr(0, snapshot_path.size() - kSnapshotExtension.size()) + ".json";
  return snapshot_path + ".json";
}

std::vector<LoadError> writeSnapshotOf(const std::string &json_path, const std::string &out_path) {
  auto error = [&](const std::string &file, std::string message) {
    return std::vector<LoadError>{{file, 0, 0, "", std::move(message), 0}};
  };
  MappedFile json(json_path);
  if (!json.readable())
    return error(json_path, json.error());
  Header h;
  h.format_version = kSnapshotFormatVersion;
  h.header_bytes = kHeaderBytes;
  h.factline_version = FACTLINE_VERSION;
  h.json_size = json.text().size();
  h.json_mtime_ns = mtimeNs(json.status());
  h.json_hash = snapshotHash(json.text());
  LoadResult loaded = readFactBaseJsonFile(json_path);
  if (!loaded.ok())
    return loaded.errors;

  // Written beside the target and renamed over it, so that a reader never sees half a snapshot.
  std::string why;
  auto out = ReplacingFile::open(out_path, why);
  if (!out)
    return error(out_path, "cannot write: " + why);
  std::FILE *f = out->file();
  Writer header_space(f);
  writeHeader(header_space, h); // a placeholder: the body's length and hash come after it
  bool ok = header_space.finish();
  Writer body(f);
  const std::vector<Quote> &bundled = bundledFactBase().quotes;
  QuoteWords words = QuoteWords::read(bundled, 0, bundled.size());
  words.prefix_quotes = words.quote_count;
  words.prefix_wordings = words.starts.size();
  words.append(QuoteWords::read(loaded.base.quotes, 0, loaded.base.quotes.size(),
                                QuoteIndex::kParallelQuotes));
  const FigureTerms terms = FigureTerms::read(loaded.base.figures, 0, loaded.base.figures.size());
  writeBody(body, loaded, words, terms, json_path);
  ok = body.finish() && ok;
  h.body_bytes = body.written();
  h.body_hash = body.hash();
  ok = ok && std::fseek(f, 0, SEEK_SET) == 0;
  Writer header(f);
  writeHeader(header, h);
  ok = header.finish() && ok;
  if (!ok)
    return error(out_path, std::string("cannot write: ") + std::strerror(errno));
  if (!out->commit(why))
    return error(out_path, "cannot write: " + why);
  return {};
}

LoadResult readSnapshotFile(const std::string &snapshot_path, const std::string &json_path) {
  // Held by the base read from it: its quotes' and figures' strings view these bytes.
  std::string why;
  const std::shared_ptr<SnapshotBytes> whole = SnapshotBytes::open(snapshot_path, why);
  if (!whole)
    return failure(snapshot_path, why);
  const std::string_view bytes = whole->text();
  const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
  try {
    Reader head(data, bytes.size(), 0);
    if (bytes.size() < kHeaderBytes)
      throw Corrupt{"truncated: " + std::to_string(bytes.size()) + " bytes, shorter than its " +
                    std::to_string(kHeaderBytes) + "-byte header"};
    Header h = readHeader(head);
    if (h.format_version != kSnapshotFormatVersion)
      throw Corrupt{"snapshot format version " + std::to_string(h.format_version) +
                    ", this factline reads version " + std::to_string(kSnapshotFormatVersion) +
                    "; rebuild it with `factline facts index`"};
    if (h.factline_version != FACTLINE_VERSION)
      throw Corrupt{"built by factline " + h.factline_version + ", this is factline " +
                    FACTLINE_VERSION + "; rebuild it with `factline facts index`"};
    if (h.header_bytes != kHeaderBytes)
      throw Corrupt{"its header is " + std::to_string(h.header_bytes) + " bytes, not " +
                    std::to_string(kHeaderBytes)};
    const std::uint64_t body_size = bytes.size() - kHeaderBytes;
    if (h.body_bytes != body_size)
      throw Corrupt{(body_size < h.body_bytes ? "truncated: " : "damaged: ") +
                    std::to_string(bytes.size()) + " bytes where its header says " +
                    std::to_string(kHeaderBytes + h.body_bytes)};

    // Stale: built from another version of the JSON. Size and time settle it cheaply; a file
    // copied or touched (same size, other time) is hashed to tell.
    struct stat st {};
    if (!json_path.empty() && ::stat(json_path.c_str(), &st) == 0) {
      const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
      bool fresh = size == h.json_size && mtimeNs(st) == h.json_mtime_ns;
      if (!fresh && size == h.json_size) {
        MappedFile json(json_path);
        fresh = json.readable() && snapshotHash(json.text()) == h.json_hash;
      }
      if (!fresh)
        throw Corrupt{"stale: " + json_path +
                      " has changed since the snapshot was built; rebuild it with `factline "
                      "facts index`"};
    }
    if (snapshotHash(bytes.substr(kHeaderBytes)) != h.body_hash)
      throw Corrupt{"corrupt: its contents do not match the hash in its header"};

    LoadResult out;
    out.base.hold(whole);
    Reader body(data + kHeaderBytes, body_size, kHeaderBytes);
    readBody(body, out, json_path, whole); // and the id tables
    return out;
  } catch (const Corrupt &c) {
    return failure(snapshot_path, "cannot use this snapshot: " + c.why);
  }
}

LoadResult readFactBaseOrSnapshot(const std::string &path) {
  const bool named_snapshot = isSnapshotPath(path);
  const std::string snapshot = named_snapshot ? path : snapshotPathFor(path);
  const std::string json = named_snapshot ? jsonPathFor(path) : path;
  struct stat st {};
  const bool json_present = ::stat(json.c_str(), &st) == 0;
  const bool snapshot_present = ::stat(snapshot.c_str(), &st) == 0;
  if (!named_snapshot && (!snapshot_present || !json_present))
    return readFactBaseJsonFile(json);
  if (!json_present)
    return readSnapshotFile(snapshot, "");
  LoadResult from_snapshot = readSnapshotFile(snapshot, json);
  if (from_snapshot.ok())
    return from_snapshot;
  LoadResult from_json = readFactBaseJsonFile(json);
  for (LoadError &e : from_snapshot.errors) {
    e.message += " (loaded " + json + " instead)";
    from_json.warnings.insert(from_json.warnings.begin(), std::move(e));
  }
  return from_json;
}

} // namespace factline::facts
