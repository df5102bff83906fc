// Tests for fact base snapshots (`factline facts index`, .factidx): the snapshot loads into the
// same base and answers every lookup as the JSON does; stale, truncated, corrupt and other-version
// snapshots are refused with the reason; damaged bytes anywhere never crash the reader.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/time.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "facts/bundled.h"
#include "facts/fact_index.h"
#include "facts/fact_library.h"
#include "facts/figure_terms.h"
#include "facts/quote_index.h"
#include "facts/quote_words.h"
#include "facts/snapshot.h"
#include "temp_dir.h"

using namespace factline::facts;
namespace fs = std::filesystem;

namespace {

using factline::testing::TempDir;

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string bundledText() {
  for (const EmbeddedFile &f : bundledBases())
    return std::string(f.text);
  return {};
}

bool contains(const std::vector<LoadError> &list, const std::string &what) {
  for (const LoadError &e : list)
    if (e.describe().find(what) != std::string::npos)
      return true;
  return false;
}

std::string messages(const LoadResult &r) {
  std::string out;
  for (const LoadError &e : r.errors)
    out += "error: " + e.describe() + "\n";
  for (const LoadError &e : r.warnings)
    out += "warning: " + e.describe() + "\n";
  return out;
}

void requireSameBase(const FactBase &a, const FactBase &b) {
  REQUIRE(a.people.size() == b.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    const Person &x = a.people[i], &y = b.people[i];
    CHECK((x.id == y.id && x.kind == y.kind && x.name == y.name && x.aliases == y.aliases &&
           x.descriptors == y.descriptors && x.role == y.role && x.pronoun == y.pronoun &&
           x.organisation == y.organisation));
  }
  REQUIRE(a.events.size() == b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const Event &x = a.events[i], &y = b.events[i];
    CHECK((x.id == y.id && x.name == y.name && x.date == y.date && x.aliases == y.aliases &&
           x.description == y.description));
  }
  REQUIRE(a.sources.size() == b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    const Source &x = a.sources[i], &y = b.sources[i];
    CHECK((x.id == y.id && x.title == y.title && x.publisher == y.publisher && x.date == y.date &&
           x.url == y.url));
  }
  REQUIRE(a.quotes.size() == b.quotes.size());
  for (std::size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote &x = a.quotes[i], &y = b.quotes[i];
    CHECK((x.id == y.id && x.text == y.text && x.speaker == y.speaker && x.event == y.event &&
           x.date == y.date && x.source == y.source && x.context == y.context));
    REQUIRE(x.variants.size() == y.variants.size());
    for (std::size_t v = 0; v < x.variants.size(); ++v)
      CHECK((x.variants[v].text == y.variants[v].text &&
             x.variants[v].source == y.variants[v].source &&
             x.variants[v].note == y.variants[v].note));
  }
  REQUIRE(a.figures.size() == b.figures.size());
  for (std::size_t i = 0; i < a.figures.size(); ++i) {
    const Figure &x = a.figures[i], &y = b.figures[i];
    CHECK((x.id == y.id && x.kind == y.kind && x.value == y.value && x.unit == y.unit &&
           x.text == y.text && x.qualifier == y.qualifier && x.subject == y.subject &&
           x.keywords == y.keywords && x.units == y.units && x.stated_by == y.stated_by &&
           x.date == y.date && x.source == y.source && x.superseded_by == y.superseded_by &&
           x.context == y.context));
  }
  for (const Quote &q : a.quotes)
    CHECK(b.quote(q.id) != nullptr);
  for (const Figure &f : a.figures)
    CHECK(b.figure(f.id) != nullptr);
}

std::vector<Token> wordsOf(std::string_view text) {
  std::vector<Token> out;
  for (Token &t : tokenize(text))
    if (t.kind == TokenKind::Word)
      out.push_back(std::move(t));
  return out;
}

bool sameMatches(const std::vector<QuoteMatch> &a, const std::vector<QuoteMatch> &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i].wording == b[i].wording && a[i].first == b[i].first && a[i].last == b[i].last))
      return false;
  return true;
}

bool sameNear(const std::vector<NearQuote> &a, const std::vector<NearQuote> &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i].wording == b[i].wording && a[i].score == b[i].score && a[i].first == b[i].first &&
          a[i].last == b[i].last))
      return false;
  return true;
}

// Every lookup the analyzers make, asked of both indexes: each quote verbatim and altered (a word
// dropped, one added), each person's names, each event's names, each figure's keywords.
void requireSameAnswers(const FactIndex &json, const FactIndex &snap) {
  std::size_t asked = 0;
  for (const Quote &q : json.base().quotes) {
    std::vector<Token> words = wordsOf(q.text);
    CHECK(sameMatches(json.findVerbatim(words), snap.findVerbatim(words)));
    if (words.size() > 4) {
      std::vector<Token> altered = words;
      altered.erase(altered.begin() + 2);
      altered.insert(altered.begin() + 1, wordsOf("absolutely").front());
      CHECK(sameMatches(json.findVerbatim(altered), snap.findVerbatim(altered)));
      CHECK(sameNear(json.findNear(altered), snap.findNear(altered)));
      CHECK_FALSE(snap.findNear(altered).empty());
    }
    ++asked;
  }
  for (const Person &p : json.base().people) {
    std::vector<std::string> names = p.aliases;
    names.push_back(p.name);
    names.insert(names.end(), p.descriptors.begin(), p.descriptors.end());
    for (const std::string &n : names) {
      CHECK(json.resolvePerson(n) == snap.resolvePerson(n));
      CHECK_FALSE(snap.resolvePerson(n).empty());
      ++asked;
    }
  }
  for (const Event &e : json.base().events) {
    CHECK(json.eventsNamedIn("at the " + e.name) == snap.eventsNamedIn("at the " + e.name));
    ++asked;
  }
  for (const Figure &f : json.base().figures) {
    std::vector<std::string> words;
    for (std::string_view k : f.keywords)
      for (const Token &t : wordsOf(k))
        words.push_back(t.norm);
    for (std::string_view u : f.units)
      for (const Token &t : wordsOf(u))
        words.push_back(t.norm);
    CHECK(json.figuresFor(words) == snap.figuresFor(words));
    ++asked;
  }
  CHECK(asked > 50);
}

// Words read before, for the quotes from `first` on.
Prebuilt wordsAt(std::shared_ptr<QuoteWords> words, std::size_t first) {
  Prebuilt prebuilt;
  prebuilt.words = std::move(words);
  prebuilt.first = first;
  return prebuilt;
}

// The same words with the same ids, found at the same positions.
void requireSamePostings(const QuoteIndex &a, const QuoteIndex &b) {
  REQUIRE(a.vocabularySize() == b.vocabularySize());
  REQUIRE(a.wordCount() == b.wordCount());
  std::size_t differ = 0, positions = 0;
  for (std::uint32_t id = 0; id < a.vocabularySize(); ++id) {
    const auto x = a.postings(id), y = b.postings(id);
    differ += !std::equal(x.begin(), x.end(), y.begin(), y.end());
    positions += y.size();
  }
  CHECK(differ == 0);
  CHECK(positions == b.wordCount());
}

// Overwrites the body hash in the header, so that a damaged body gets past the hash and reaches
// the reader's own bounds checks.
constexpr std::size_t kHeaderBytes = 88;
constexpr std::size_t kBodyBytesAt = 72, kBodyHashAt = 80;
void putU64(std::string &bytes, std::size_t at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    bytes[at + i] = static_cast<char>(v >> (8 * i));
}
void rehash(std::string &bytes) {
  putU64(bytes, kBodyBytesAt, bytes.size() - kHeaderBytes);
  putU64(bytes, kBodyHashAt, snapshotHash(std::string_view(bytes).substr(kHeaderBytes)));
}

void setMtime(const std::string &path, long seconds) {
  timeval times[2] = {{seconds, 0}, {seconds, 0}};
  REQUIRE(::utimes(path.c_str(), times) == 0);
}

} // namespace

TEST_CASE("a snapshot loads into the same base and answers every lookup as the JSON",
          "[snapshot]") {
  TempDir dir;
  std::string json = dir.write("base.json", bundledText());
  REQUIRE(writeSnapshotOf(json, dir.file("base.factidx")).empty());

  LoadResult from_json = readFactBaseJsonFile(json);
  LoadResult from_snapshot = readSnapshotFile(dir.file("base.factidx"), json);
  INFO(messages(from_snapshot));
  REQUIRE(from_json.ok());
  REQUIRE(from_snapshot.ok());
  CHECK(from_snapshot.name == from_json.name);
  requireSameBase(from_json.base, from_snapshot.base);

  // The loading rule: naming either file of the pair loads the snapshot, silently.
  for (const std::string &named : {json, dir.file("base.factidx")}) {
    LoadResult r = readFactBaseFile(named);
    INFO(named << "\n" << messages(r));
    CHECK(r.ok());
    CHECK(r.warnings.empty());
    requireSameBase(from_json.base, r.base);
  }

  FactIndex a(std::make_shared<const FactBase>(std::move(from_json.base)));
  FactIndex b(std::make_shared<const FactBase>(std::move(from_snapshot.base)));
  requireSameAnswers(a, b);
}

TEST_CASE("a snapshot merges with the bundled base and other files exactly as its JSON",
          "[snapshot]") {
  TempDir dir;
  const FactBase &bundled = bundledFactBase();
  const Quote &first = bundled.quotes.at(0);
  // Overrides a bundled quote by id, adds one by a bundled speaker (a reference into the bundled
  // base), and has an unknown field (a warning, which the snapshot keeps).
  std::string text = R"({"factline": 1, "quotes": [
    {"id": ")" + first.id +
                     R"(", "text": "words replaced by the user file", "speaker": ")" +
                     first.speaker + R"("},
    {"id": "user-q", "text": "a quote the user recorded", "speaker": ")" +
                     first.speaker + R"(", "mood": "calm"}]})";
  std::string json = dir.write("user.json", text);
  std::string other = dir.write("other.json", R"({"factline": 1, "people": [
    {"id": "carol", "name": "Carol Day"}], "quotes": [
    {"id": "other-q", "text": "said by carol", "speaker": "carol"}]})");

  FactLibrary from_json(true);
  auto json_status = from_json.setFiles({json, other});
  REQUIRE(json_status.at(0).loaded);
  REQUIRE(writeSnapshotOf(json, dir.file("user.factidx")).empty());
  REQUIRE(writeSnapshotOf(other, dir.file("other.factidx")).empty());

  for (const std::vector<std::string> &files :
       {std::vector<std::string>{json, other},
        std::vector<std::string>{dir.file("user.factidx"), dir.file("other.factidx")}}) {
    FactLibrary library(true);
    auto status = library.setFiles(files);
    REQUIRE(status.at(0).loaded);
    REQUIRE(status.at(1).loaded);
    CHECK(status.at(0).warnings.size() == json_status.at(0).warnings.size());
    CHECK(contains(status.at(0).warnings, "mood"));
    CHECK(contains(status.at(0).warnings, json)); // positions point into the JSON
    requireSameBase(from_json.snapshot()->base(), library.snapshot()->base());
    CHECK(library.snapshot()->base().quote(first.id)->text == "words replaced by the user file");
    requireSameAnswers(*from_json.snapshot(), *library.snapshot());
  }

  // References into other bases are checked at load, as for the JSON: without the bundled base
  // the snapshot's speaker is unknown, reported at its place in the JSON.
  FactLibrary alone(false);
  auto status = alone.setFiles({dir.file("user.factidx")});
  CHECK_FALSE(status.at(0).loaded);
  CHECK(contains(status.at(0).errors, "unknown speaker id '" + first.speaker + "'"));
  CHECK(contains(status.at(0).errors, json + ":3:"));

  // A snapshot with no JSON beside it names the JSON it was built from.
  REQUIRE(writeSnapshotOf(json, dir.file("elsewhere.factidx")).empty());
  LoadResult alone_snapshot = readFactBaseFile(dir.file("elsewhere.factidx"));
  checkReferences(alone_snapshot, {});
  CHECK(contains(alone_snapshot.errors, json + ":3:"));
  CHECK(contains(alone_snapshot.warnings, json + ":"));
}

TEST_CASE("a snapshot's recorded words build the index its JSON's quotes build", "[snapshot]") {
  // A user base of its own quotes (beside the bundled base, whose quotes come first), read from
  // its snapshot: the index takes the snapshot's words instead of reading the quotes again.
  TempDir dir;
  std::ostringstream text;
  text << R"({"factline": 1, "people": [{"id": "u", "name": "Una User"}], "quotes": [)";
  for (int i = 0; i < 40; ++i)
    text << (i ? "," : "") << R"({"id": "u-)" << i << R"(", "speaker": "u", "text": "Word )" << i
         << R"( of the user's record, which we didn't take... [lightly] at all, number )" << i
         << R"(."})";
  text << R"(, {"id": "u-v", "speaker": "u", "text": "a quote with variants",
           "variants": [{"text": "a quote, with variants"}, {"text": "quoted twice"}]}]})";
  const std::string json = dir.write("user.json", text.str());
  FactLibrary from_json(true); // before the snapshot is written: then the JSON is read
  REQUIRE(from_json.setFiles({json}).at(0).loaded);
  REQUIRE(writeSnapshotOf(json, dir.file("user.factidx")).empty());

  LoadResult snap = readSnapshotFile(dir.file("user.factidx"), json);
  REQUIRE(snap.ok());
  REQUIRE(snap.quote_words != nullptr);
  // The bundled quotes' words first, then the file's.
  CHECK(snap.quote_words->prefix_quotes == bundledFactBase().quotes.size());
  CHECK(snap.quote_words->quote_count ==
        snap.quote_words->prefix_quotes + snap.base.quotes.size());

  FactLibrary from_snapshot(true);
  REQUIRE(from_snapshot.setFiles({dir.file("user.factidx")}).at(0).loaded);
  const FactIndex &a = *from_json.snapshot(), &b = *from_snapshot.snapshot();
  requireSameBase(a.base(), b.base());
  CHECK(a.quoteIndex().wordCount() == b.quoteIndex().wordCount());
  CHECK(a.quoteIndex().vocabularySize() == b.quoteIndex().vocabularySize());
  for (const Quote &q : a.base().quotes)
    for (const Token &t : wordsOf(q.text))
      CHECK(a.quoteIndex().wordId(t.norm) == b.quoteIndex().wordId(t.norm));
  requireSameAnswers(a, b);

  // The words are used in place when nothing else holds them, and copied when something does;
  // both give the index the quotes give.
  auto base = std::make_shared<FactBase>(bundledFactBase());
  const std::size_t in_front = base->quotes.size();
  base->merge(std::move(snap.base));
  std::shared_ptr<QuoteWords> words = std::move(snap.quote_words);
  const std::size_t recorded = words->allIds().size();
  CHECK(words->ids.empty()); // viewed in the snapshot's bytes, not copied out of them
  CHECK(words->prefix_quotes == in_front);
  FactIndex copied(base, wordsAt(words, in_front));
  CHECK(words->allIds().size() == recorded); // held here too: its vocabulary copied, not taken
  std::weak_ptr<QuoteWords> watch = words;
  FactIndex taken(base, wordsAt(std::move(words), in_front));
  CHECK(watch.expired()); // the only holder was the index, which let it go
  // The snapshot holds the bundled quotes' words before its own, so that the index of a file
  // loaded after the bundled base is the snapshot's arrays in place.
  CHECK(copied.quoteIndex().viewsSnapshot());
  CHECK(taken.quoteIndex().viewsSnapshot());
  CHECK(b.quoteIndex().viewsSnapshot());
  CHECK_FALSE(a.quoteIndex().viewsSnapshot());
  FactIndex fresh(base);
  requireSameAnswers(fresh, copied);
  requireSameAnswers(fresh, taken);
  CHECK(fresh.quoteIndex().wordCount() == taken.quoteIndex().wordCount());
  // The snapshot's postings, copied behind the bundled base's, are those filed from the words.
  requireSamePostings(fresh.quoteIndex(), copied.quoteIndex());
  requireSamePostings(fresh.quoteIndex(), taken.quoteIndex());
  requireSamePostings(a.quoteIndex(), b.quoteIndex());

  // With quotes after the snapshot's too (another base merged after it), whose positions and
  // words follow the copied ones.
  auto sandwich = std::make_shared<FactBase>(*base);
  FactBase later;
  Quote added;
  added.id = "later-q";
  added.text = "Word 7 and zygotic words after it";
  added.speaker = "u";
  later.quotes.push_back(added);
  later.reindexQuotes();
  sandwich->merge(std::move(later));
  LoadResult between = readSnapshotFile(dir.file("user.factidx"), json);
  FactIndex middle(sandwich, wordsAt(std::move(between.quote_words), in_front));
  CHECK_FALSE(middle.quoteIndex().viewsSnapshot()); // read again: not the whole index
  FactIndex middle_fresh(sandwich);
  requireSamePostings(middle_fresh.quoteIndex(), middle.quoteIndex());
  requireSameAnswers(middle_fresh, middle);
  CHECK(middle.quoteIndex().wordId("zygotic") != QuoteIndex::kUnknownWord);

  // Words offered for quotes they do not fit (the wrong place) are not used.
  LoadResult again = readSnapshotFile(dir.file("user.factidx"), json);
  FactIndex misplaced(base, wordsAt(std::move(again.quote_words), in_front + 1));
  CHECK_FALSE(misplaced.quoteIndex().viewsSnapshot());
  requireSameAnswers(fresh, misplaced);

  // Quotes in front that are not the ones the snapshot's writer had in front (another bundled
  // base): the words are read again, not used.
  auto other_front = std::make_shared<FactBase>(bundledFactBase());
  // The same number of words, so that only the words themselves tell.
  const std::vector<Token> original = wordsOf(other_front->quotes[0].text);
  REQUIRE(original.size() > 1);
  std::string changed = "zyzzyva";
  for (std::size_t k = 1; k < original.size(); ++k)
    changed += " " + original[k].norm;
  other_front->quotes[0].text = other_front->keep(changed);
  other_front->reindex();
  LoadResult third = readSnapshotFile(dir.file("user.factidx"), json);
  other_front->merge(std::move(third.base));
  FactIndex other(other_front, wordsAt(std::move(third.quote_words), in_front));
  CHECK_FALSE(other.quoteIndex().viewsSnapshot());
  FactIndex other_fresh(other_front);
  requireSamePostings(other_fresh.quoteIndex(), other.quoteIndex());
  requireSameAnswers(other_fresh, other);
}

TEST_CASE("a stale snapshot is refused with the reason, and the JSON is loaded instead",
          "[snapshot]") {
  TempDir dir;
  std::string json = dir.write("base.json", bundledText());
  std::string snap = dir.file("base.factidx");
  setMtime(json, 1600000000);
  REQUIRE(writeSnapshotOf(json, snap).empty());

  // Touched, same bytes: the hash tells it is the same file.
  setMtime(json, 1700000000);
  LoadResult touched = readFactBaseFile(json);
  INFO(messages(touched));
  CHECK(touched.ok());
  CHECK(touched.warnings.empty());

  // Changed: refused, and the JSON's own entries are loaded with a warning that says why.
  std::string changed = bundledText();
  changed.replace(changed.find("\"quotes\": ["), 11,
                  R"("quotes": [{"id": "new-q", "text": "brand new", "speaker": ")" +
                      bundledFactBase().quotes.at(0).speaker + R"("},)");
  dir.write("base.json", changed);
  LoadResult r = readSnapshotFile(snap, json);
  CHECK_FALSE(r.ok());
  CHECK(contains(r.errors, snap + ": cannot use this snapshot: stale: " + json + " has changed"));
  for (const std::string &named : {json, snap}) {
    LoadResult loaded = readFactBaseFile(named);
    INFO(messages(loaded));
    CHECK(loaded.ok());
    CHECK(contains(loaded.warnings, "stale"));
    CHECK(contains(loaded.warnings, "loaded " + json + " instead"));
    CHECK(loaded.base.quote("new-q") != nullptr);
  }

  // Rebuilt: fresh again.
  REQUIRE(writeSnapshotOf(json, snap).empty());
  LoadResult rebuilt = readFactBaseFile(snap);
  CHECK(rebuilt.warnings.empty());
  CHECK(rebuilt.base.quote("new-q") != nullptr);
}

TEST_CASE("a JSON changed in place to the same size is told from its snapshot by its hash",
          "[snapshot]") {
  TempDir dir;
  std::string text = bundledText();
  std::string json = dir.write("base.json", text);
  std::string snap = dir.file("base.factidx");
  setMtime(json, 1600000000);
  REQUIRE(writeSnapshotOf(json, snap).empty());
  // One letter of a quote changed: the same size, another time.
  const std::size_t at = text.find("\"text\": \"");
  REQUIRE(at != std::string::npos);
  char &letter = text[at + 9];
  letter = letter == 'X' ? 'Y' : 'X';
  dir.write("base.json", text);
  setMtime(json, 1700000000);
  LoadResult r = readSnapshotFile(snap, json);
  INFO(messages(r));
  CHECK_FALSE(r.ok());
  CHECK(contains(r.errors, snap + ": cannot use this snapshot: stale: " + json + " has changed"));
}

TEST_CASE("damaged snapshots are refused with what is wrong", "[snapshot]") {
  TempDir dir;
  std::string json = dir.write("base.json", bundledText());
  std::string good_path = dir.file("good.factidx");
  REQUIRE(writeSnapshotOf(json, good_path).empty());
  const std::string good = slurp(good_path);
  REQUIRE(good.size() > kHeaderBytes);

  auto refusal = [&](std::string bytes) {
    std::string path = dir.write("damaged.factidx", bytes);
    LoadResult r = readSnapshotFile(path, ""); // no JSON beside it: the errors are the file's
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == path);
    CHECK(r.base.quotes.empty());
    return r.errors[0].message;
  };
  CHECK_THAT(refusal(good.substr(0, good.size() - 1)), Catch::Contains("truncated"));
  CHECK_THAT(refusal(good.substr(0, 40)), Catch::Contains("truncated"));
  CHECK_THAT(refusal(""), Catch::Contains("truncated"));
  CHECK_THAT(refusal(good + "x"), Catch::Contains("damaged"));
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  CHECK_THAT(refusal(bad_magic), Catch::Contains("not a factline snapshot"));
  std::string other_format = good;
  other_format[8] = static_cast<char>(kSnapshotFormatVersion + 1);
  CHECK_THAT(refusal(other_format),
             Catch::Contains("snapshot format version " + std::to_string(kSnapshotFormatVersion + 1)));
  std::string other_version = good;
  other_version.replace(16, 5, "0.0.0");
  CHECK_THAT(refusal(other_version), Catch::Contains("built by factline 0.0.0"));
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  CHECK_THAT(refusal(flipped), Catch::Contains("corrupt"));
  // A count larger than the file, past the hash: refused before anything is allocated.
  std::string huge = good;
  putU64(huge, kHeaderBytes, 0xfffffff0u); // the name's length
  rehash(huge);
  CHECK_THAT(refusal(huge), Catch::Contains("runs past the end"));

  // The postings, just before the figures' terms, which end the file: one past the words, the
  // counts not adding up to the words, a padding byte that is not zero. Each refused, past the
  // hash, with what is wrong.
  LoadResult read = readSnapshotFile(good_path, json);
  REQUIRE(read.quote_words != nullptr);
  REQUIRE(read.figure_terms != nullptr);
  const FigureTerms &terms = *read.figure_terms;
  std::size_t terms_bytes = 0;
  for (const WordTable *table : {&terms.stems, &terms.term_keys}) {
    terms_bytes += 4;
    for (std::uint32_t id = 0; id < table->size(); ++id)
      terms_bytes += 4 + table->word(id).size();
  }
  for (const std::vector<std::uint32_t> *list :
       {&terms.term_start, &terms.term_stems, &terms.term_figures_start, &terms.term_figures,
        &terms.figure_terms_start, &terms.figure_terms})
    terms_bytes += 4 + 4 * list->size();
  const std::size_t ids = read.quote_words->allIds().size(),
                    vocabulary = read.quote_words->counts.size();
  const std::size_t postings_at = good.size() - terms_bytes - 4 * ids;
  REQUIRE(postings_at % 4 == 0);
  std::string outside = good;
  outside[postings_at + 4 * ids - 1] = '\x7f';
  rehash(outside);
  CHECK_THAT(refusal(outside), Catch::Contains("posting is past the " + std::to_string(ids)));
  // The figures' terms, last: a figure's term past the terms.
  std::string bad_term = good;
  bad_term[good.size() - 1] = '\x7f';
  rehash(bad_term);
  CHECK_THAT(refusal(bad_term), Catch::Contains("the figures' terms are not consistent"));
  auto u32At = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
      v = v << 8 | static_cast<unsigned char>(good[at + static_cast<std::size_t>(i)]);
    return v;
  };
  REQUIRE(u32At(postings_at - 4) == ids);
  std::size_t padding = 0; // the zero bytes between the counts and the postings' count
  while (padding < 4 && u32At(postings_at - 8 - padding - 4 * vocabulary) != vocabulary)
    ++padding;
  REQUIRE(padding < 4);
  const std::size_t counts_end = postings_at - 4 - padding;
  std::string miscounted = good;
  miscounted[counts_end - 4] = static_cast<char>(miscounted[counts_end - 4] + 1);
  rehash(miscounted);
  CHECK_THAT(refusal(miscounted), Catch::Contains("counts") && Catch::Contains("do not match"));
  if (padding > 0) {
    std::string padded = good;
    padded[counts_end] = 'x';
    rehash(padded);
    CHECK_THAT(refusal(padded), Catch::Contains("align the postings"));
  }
  // A word's postings out of order (the lookups merge them as ascending): its first two swapped.
  const std::uint32_t first_count = u32At(counts_end - 4 * vocabulary);
  REQUIRE(first_count >= 2);
  std::string unordered = good;
  for (std::size_t k = 0; k < 4; ++k)
    std::swap(unordered[postings_at + k], unordered[postings_at + 4 + k]);
  rehash(unordered);
  CHECK_THAT(refusal(unordered), Catch::Contains("not in ascending order"));

  // A missing snapshot named on its own, and a broken one with its JSON beside it.
  CHECK_FALSE(readFactBaseFile(dir.file("absent.factidx")).ok());
  CHECK(contains(readFactBaseFile(dir.file("absent.factidx")).errors, "cannot open"));
  dir.write("base.factidx", flipped);
  LoadResult fallback = readFactBaseFile(json);
  CHECK(fallback.ok());
  CHECK(contains(fallback.warnings, dir.file("base.factidx") + ": cannot use this snapshot: "
                                                               "corrupt"));
  CHECK(fallback.base.quotes.size() == bundledFactBase().quotes.size());
}

TEST_CASE("bytes damaged or cut anywhere, past the hash, never crash the reader", "[snapshot]") {
  TempDir dir;
  std::string json = dir.write("base.json", bundledText());
  REQUIRE(writeSnapshotOf(json, dir.file("good.factidx")).empty());
  const std::string good = slurp(dir.file("good.factidx"));
  std::mt19937 rng(8);
  std::size_t refused = 0, read = 0;
  auto load = [&](const std::string &bytes) {
    std::string path = dir.write("fuzz.factidx", bytes);
    LoadResult r = readSnapshotFile(path, "");
    if (r.ok()) {
      ++read;
      // Whatever it read must index and answer without crashing.
      FactIndex index(std::make_shared<const FactBase>(std::move(r.base)));
      for (const Quote &q : index.base().quotes)
        index.findNear(wordsOf(q.text));
    } else {
      ++refused;
      CHECK(r.errors.at(0).file == path);
    }
  };
  // Cut at many lengths (the header's length fixed up, so the body reader meets the end).
  for (std::size_t cut = kHeaderBytes; cut < good.size(); cut += 1 + cut / 40) {
    std::string bytes = good.substr(0, cut);
    rehash(bytes);
    load(bytes);
  }
  // Bytes set to random values, and to the values that make lengths and counts huge.
  for (int round = 0; round < 400; ++round) {
    std::string bytes = good;
    const std::size_t at = kHeaderBytes + rng() % (good.size() - kHeaderBytes);
    const int n = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < n && at + i < bytes.size(); ++i)
      bytes[at + i] = round % 3 == 0 ? '\xff' : static_cast<char>(rng());
    rehash(bytes);
    load(bytes);
  }
  CHECK(refused > 100);
  CHECK(refused + read > 500);
}

TEST_CASE("a snapshot's words damaged past the hash are refused, or used in place safely",
          "[snapshot]") {
  // A user base of its own ids, loaded after the bundled base: what the reader accepts of a
  // damaged body is the index's arrays as they are (viewed, not rebuilt), so every lookup over
  // them must stay inside them.
  TempDir dir;
  std::ostringstream text;
  text << R"({"factline": 1, "people": [{"id": "u", "name": "Una User"}], "quotes": [)";
  for (int i = 0; i < 12; ++i)
    text << (i ? "," : "") << R"({"id": "u-)" << i << R"(", "speaker": "u", "text": "Word )" << i
         << R"( of the record... [lightly] at all, number )" << i << R"(."})";
  text << "]}";
  const std::string json = dir.write("user.json", text.str());
  REQUIRE(writeSnapshotOf(json, dir.file("good.factidx")).empty());
  const std::string good = slurp(dir.file("good.factidx"));
  const std::size_t in_front = bundledFactBase().quotes.size();
  std::mt19937 rng(24);
  std::size_t refused = 0, in_place = 0;
  // The words and postings are the body's last part but the figures' terms: damage lands there.
  const std::size_t from = good.size() / 2;
  // The figures' terms (stems of subjects too) follow the postings: enough rounds that both
  // outcomes come up often whatever the sections' sizes.
  for (int round = 0; round < 450; ++round) {
    std::string bytes = good;
    const std::size_t at = from + rng() % (good.size() - from);
    bytes[at] = round % 4 == 0 ? '\xff' : static_cast<char>(rng());
    rehash(bytes);
    LoadResult r = readSnapshotFile(dir.write("damaged.factidx", bytes), "");
    if (!r.ok()) {
      ++refused;
      continue;
    }
    auto base = std::make_shared<FactBase>(bundledFactBase());
    base->merge(std::move(r.base));
    FactIndex index(base, wordsAt(std::move(r.quote_words), in_front));
    in_place += index.quoteIndex().viewsSnapshot() ? 1 : 0;
    for (const Quote &q : index.base().quotes) {
      const std::vector<Token> words = wordsOf(q.text);
      index.findVerbatim(words);
      index.findNear(words);
    }
  }
  CHECK(refused > 30);
  CHECK(in_place > 30);
}

namespace {

// The hash as facts/FORMAT.md defines it, written from the definition, one chunk after another.
std::uint64_t hashAsDefined(std::string_view bytes) {
  constexpr std::uint64_t offset = 0xcbf29ce484222325ull, prime = 0x100000001b3ull;
  constexpr std::size_t chunk = std::size_t{4} << 20;
  std::uint64_t h = offset;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    const std::string_view c = bytes.substr(at, chunk);
    std::uint64_t lane[4] = {offset, offset, offset, offset};
    std::size_t i = 0;
    for (; i + 32 <= c.size(); i += 32)
      for (std::size_t k = 0; k < 4; ++k) {
        std::uint64_t word = 0;
        for (int b = 7; b >= 0; --b)
          word = word << 8 | static_cast<unsigned char>(c[i + 8 * k + static_cast<std::size_t>(b)]);
        lane[k] = (lane[k] ^ word) * prime;
      }
    for (; i < c.size(); ++i)
      lane[0] = (lane[0] ^ static_cast<unsigned char>(c[i])) * prime;
    std::uint64_t folded = offset;
    for (std::uint64_t l : lane)
      folded = (folded ^ l) * prime;
    h = (h ^ folded) * prime;
  }
  return h;
}

} // namespace

TEST_CASE("the snapshot hash is the one the format defines, at every size", "[snapshot]") {
  std::mt19937 rng(3);
  std::string bytes(40u << 20, '\0'); // ten chunks: hashed on two threads
  for (char &c : bytes)
    c = static_cast<char>(rng());
  const std::size_t chunk = std::size_t{4} << 20;
  for (std::size_t size :
       {std::size_t{0}, std::size_t{1}, std::size_t{31}, std::size_t{32}, std::size_t{33},
        chunk - 1, chunk, chunk + 5, 3 * chunk + 17, bytes.size() - 3, bytes.size()}) {
    INFO(size);
    const std::string_view part = std::string_view(bytes).substr(0, size);
    CHECK(snapshotHash(part) == hashAsDefined(part));
  }
  // Any one bit changed anywhere changes it.
  const std::uint64_t whole = snapshotHash(bytes);
  for (std::size_t at : {std::size_t{0}, chunk - 1, chunk, bytes.size() / 2, bytes.size() - 1}) {
    std::string changed = bytes;
    changed[at] ^= 0x01;
    CHECK(snapshotHash(changed) != whole);
  }
}

TEST_CASE("a base of many entries, read on two threads and in many chunks, is its JSON's",
          "[snapshot]") {
  // Over 4 MiB of body (the writer hashes it chunk by chunk as it writes) and over 1 MiB of quotes
  // and figures (the reader reads them on two threads, each indexing its own ids).
  TempDir dir;
  std::ostringstream text;
  const std::string context(300, 'c');
  text << R"({"factline": 1, "people": [{"id": "u", "name": "Una User"}],
             "events": [{"id": "e", "name": "the call", "date": "2018-04-04"}], "quotes": [)";
  for (int i = 0; i < 6000; ++i)
    text << (i ? "," : "") << R"({"id": "q-)" << i << R"(", "speaker": "u", "event": "e",
           "text": "We did not take )"
         << i << R"( of the steps we should have taken, quote )" << i % 71 << R"(.", "context": ")"
         << context << R"("})";
  text << R"(], "figures": [)";
  for (int i = 0; i < 6000; ++i)
    text << (i ? "," : "") << R"({"id": "f-)" << i << R"(", "kind": "count", "value": )" << 1000 + i
         << R"(, "unit": "users", "text": ")" << 1000 + i
         << R"( users", "subject": "users in group )" << i << R"(", "keywords": ["group )" << i % 97
         << R"(", "harvested"], "units": ["users", "accounts"], "context": ")" << context
         << R"("})";
  text << "]}";
  const std::string json = dir.write("many.json", text.str());
  // Loaded from the JSON before there is a snapshot beside it (after, naming the JSON loads the
  // snapshot): with the bundled base and without.
  FactLibrary json_library(true), json_alone(false);
  REQUIRE(json_library.setFiles({json}).at(0).loaded);
  REQUIRE(json_alone.setFiles({json}).at(0).loaded);
  REQUIRE(writeSnapshotOf(json, dir.file("many.factidx")).empty());
  REQUIRE(fs::file_size(dir.file("many.factidx")) > (std::size_t{9} << 20) / 2);

  LoadResult from_json = readFactBaseJsonFile(json);
  LoadResult from_snapshot = readSnapshotFile(dir.file("many.factidx"), json);
  INFO(messages(from_snapshot));
  REQUIRE(from_json.ok());
  REQUIRE(from_snapshot.ok());
  requireSameBase(from_json.base, from_snapshot.base);
  CHECK(from_snapshot.base.quote("q-5999")->text.find("5999") != std::string::npos);
  CHECK(from_snapshot.base.figure("f-17")->value == 1017);
  CHECK(from_snapshot.base.person("u") != nullptr);
  CHECK(from_snapshot.base.event("e") != nullptr);
  // Its word list and postings, viewed in the mapped file as the index's own: the index is the
  // one its quotes build.
  FactLibrary snapshot_library(true);
  REQUIRE(snapshot_library.setFiles({dir.file("many.factidx")}).at(0).loaded);
  CHECK(snapshot_library.snapshot()->quoteIndex().viewsSnapshot());
  requireSamePostings(json_library.snapshot()->quoteIndex(),
                      snapshot_library.snapshot()->quoteIndex());
  requireSameAnswers(*json_library.snapshot(), *snapshot_library.snapshot());
  // Without the bundled base, whose quotes' words the snapshot holds first, its words are read
  // again from the quotes (its figures' terms are still taken as they are).
  FactLibrary snapshot_alone(false);
  REQUIRE(snapshot_alone.setFiles({dir.file("many.factidx")}).at(0).loaded);
  CHECK_FALSE(snapshot_alone.snapshot()->quoteIndex().viewsSnapshot());
  requireSamePostings(json_alone.snapshot()->quoteIndex(), snapshot_alone.snapshot()->quoteIndex());
  requireSameAnswers(*json_alone.snapshot(), *snapshot_alone.snapshot());

  // Damaged past the hash in the figures (the second thread's part): refused, with the reason.
  std::string bytes = slurp(dir.file("many.factidx"));
  const std::size_t figure_at = bytes.find("f-3000");
  REQUIRE(figure_at != std::string::npos);
  for (std::size_t i = 0; i < 4; ++i)
    bytes[figure_at - 4 + i] = '\xff'; // the id's length
  rehash(bytes);
  std::string damaged = dir.write("damaged.factidx", bytes);
  LoadResult refused = readSnapshotFile(damaged, "");
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.errors.at(0).message, Catch::Contains("a figure runs past the end"));
}

TEST_CASE("a loaded snapshot's entries survive the file being overwritten in place", "[snapshot]") {
  // A newsroom copies a new snapshot onto the old one (`cp`, which truncates and rewrites it)
  // while a server has the old one loaded: what the server holds must not change or vanish.
  TempDir dir;
  std::string json = dir.write("base.json", bundledText());
  const std::string path = dir.file("base.factidx");
  REQUIRE(writeSnapshotOf(json, path).empty());
  LoadResult loaded = readSnapshotFile(path, json);
  REQUIRE(loaded.ok());
  {
    std::ofstream over(path, std::ios::binary | std::ios::trunc);
    over << "FACTIDX";
  }
  LoadResult from_json = readFactBaseJsonFile(json);
  requireSameBase(from_json.base, loaded.base);
  CHECK_FALSE(readSnapshotFile(path, json).ok()); // the next load sees the damaged file
}
