// Tests for reading a large fact base with two readers (BaseParser::run): whatever the text and
// wherever the cut falls, the result (entries, errors, warnings, references, positions and paths)
// is the one reader's.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "facts/base_parser.h"
#include "facts/fact_index.h"
#include "facts/quote_index.h"
#include "facts/quote_words.h"

using namespace factline::facts;

namespace {

// Everything a LoadResult holds, as text, so that two results compare in one assertion.
std::string describe(const LoadResult &r) {
  std::ostringstream out;
  out << "name=" << r.name << "\n";
  for (const Person &p : r.base.people) {
    out << "person " << p.id << "|" << static_cast<int>(p.kind) << "|" << p.name << "|" << p.role
        << "|" << p.pronoun << "|" << p.organisation;
    for (const std::string &a : p.aliases)
      out << "|a:" << a;
    for (const std::string &d : p.descriptors)
      out << "|d:" << d;
    out << "\n";
  }
  for (const Event &e : r.base.events)
    out << "event " << e.id << "|" << e.name << "|" << e.date << "|" << e.description << "\n";
  for (const Source &s : r.base.sources)
    out << "source " << s.id << "|" << s.title << "|" << s.url << "\n";
  for (const Quote &q : r.base.quotes) {
    out << "quote " << q.id << "|" << q.text << "|" << q.speaker << "|" << q.event << "|" << q.date
        << "|" << q.source << "|" << q.context;
    for (const QuoteVariant &v : q.variants)
      out << "|v:" << v.text << "/" << v.source << "/" << v.note;
    out << "\n";
  }
  for (const Figure &f : r.base.figures) {
    out << "figure " << f.id << "|" << static_cast<int>(f.kind) << "|" << f.value << "|" << f.unit
        << "|" << f.text << "|" << f.qualifier << "|" << f.subject << "|" << f.stated_by << "|"
        << f.date << "|" << f.source << "|" << f.superseded_by << "|" << f.context;
    for (std::string_view k : f.keywords)
      out << "|k:" << k;
    for (std::string_view u : f.units)
      out << "|u:" << u;
    out << "\n";
  }
  for (const LoadError &e : r.errors)
    out << "error " << e.describe() << " @" << e.offset << "\n";
  for (const LoadError &w : r.warnings)
    out << "warning " << w.describe() << " @" << w.offset << "\n";
  for (const ExternalReference &x : r.external_references)
    out << "reference " << x.kind << "|" << x.role << "|" << x.id << "|" << x.where.describe()
        << " @" << x.where.offset << "\n";
  return out.str();
}

enum class Twist {
  None,
  UnknownField,    // a late quote has a field the format does not know (a warning)
  DuplicateId,     // a late quote repeats an early quote's id
  UnknownSpeaker,  // a late quote names a speaker nobody defines
  OutsideSpeakers, // every other quote names a speaker of another base (external references)
  SyntaxError,     // a comma missing near the end
  PeopleLast,      // a second "people" field after the figures (an error)
  NameLast,        // the base's name after the figures
  QuotesTwice,     // a second "quotes" field after the figures
  BracesInText,    // quote texts holding "}, {" and field names
  FiguresFirst,    // the figures before the quotes
  NoVersion,       // the required "factline" field left out
  BadDate,         // a late figure with an impossible date
  Variants,        // quotes with variants, whose objects also sit between "}," and "{"
  Count
};

std::string base(Twist twist, int quotes, int figures) {
  std::ostringstream t;
  t << "{\n";
  if (twist != Twist::NoVersion)
    t << " \"factline\": 1,\n";
  if (twist != Twist::NameLast)
    t << " \"name\": \"Parallel test\",\n";
  t << " \"people\": [\n";
  for (int i = 0; i < 20; ++i)
    t << "  {\"id\": \"p" << i << "\", \"name\": \"Person " << i << "\", \"aliases\": [\"P" << i
      << "\"], \"pronoun\": \"she\"}" << (i + 1 < 20 ? ",\n" : "\n");
  t << " ],\n \"events\": [{\"id\": \"hearing\", \"name\": \"the hearing\", \"date\": "
       "\"2018-04-10\"}],\n \"sources\": [{\"id\": \"src\", \"title\": \"Live blog\"}],\n";
  auto quoteSection = [&](const char *field, int from, int to) {
    t << " \"" << field << "\": [\n";
    for (int i = from; i < to; ++i) {
      const bool late = i > to - 4;
      std::string id = "q" + std::to_string(i);
      if (twist == Twist::DuplicateId && i == to - 2)
        id = "q3";
      std::string speaker = "p" + std::to_string(i % 20);
      if (twist == Twist::UnknownSpeaker && i == to - 3)
        speaker = "nobody";
      if (twist == Twist::OutsideSpeakers && i % 2 == 1)
        speaker = "mark-zuckerberg";
      std::string text = "We did not take a broad enough view of our responsibility, number " +
                         std::to_string(i) + ".";
      if (twist == Twist::BracesInText)
        text = "},\\n  {\\\"speaker\\\": \\\"p1\\\", \\\"value\\\": 3}, { and so on " +
               std::to_string(i);
      t << "  {\"id\": \"" << id << "\", \"speaker\": \"" << speaker
        << "\", \"event\": \"hearing\", \"date\": \"2018-04-10\", \"source\": \"src\", "
           "\"text\": \""
        << text << "\"";
      if (twist == Twist::UnknownField && late)
        t << ", \"speker\": \"p1\"";
      if (twist == Twist::Variants && i % 3 == 0)
        t << ", \"variants\": [\n   {\"text\": \"we did not take a broad view " << i
          << "\", \"source\": \"src\"},\n   {\"text\": \"a broad enough view " << i
          << "\", \"note\": \"paraphrase\"}\n  ]";
      t << "}" << (i + 1 < to ? (twist == Twist::SyntaxError && i == to - 2 ? "\n" : ",\n") : "\n");
    }
    t << " ]";
  };
  auto figureSection = [&] {
    t << " \"figures\": [\n";
    for (int i = 0; i < figures; ++i) {
      std::string date = twist == Twist::BadDate && i == figures - 2 ? "2018-02-30" : "2018-04-04";
      t << "  {\"id\": \"f" << i << "\", \"kind\": \"count\", \"value\": " << 87000000 + i
        << ", \"unit\": \"users\", \"text\": \"" << 87 + i
        << " million\", \"qualifier\": \"up to\", \"keywords\": [\"facebook\", \"data\"], "
           "\"units\": [\"users\", \"people\"], \"stated_by\": \"p"
        << i % 20 << "\", \"date\": \"" << date << "\", \"source\": \"src\"";
      if (i > 0 && i % 5 == 0)
        t << ", \"superseded_by\": \"f" << (i + 1 < figures ? i + 1 : 0) << "\"";
      t << "}" << (i + 1 < figures ? ",\n" : "\n");
    }
    t << " ]";
  };
  if (twist == Twist::FiguresFirst) {
    figureSection();
    t << ",\n";
    quoteSection("quotes", 0, quotes);
  } else {
    quoteSection("quotes", 0, quotes);
    t << ",\n";
    figureSection();
  }
  if (twist == Twist::PeopleLast)
    t << ",\n \"people\": [{\"id\": \"late\", \"name\": \"Late Person\"}]";
  if (twist == Twist::NameLast)
    t << ",\n \"name\": \"Named last\"";
  if (twist == Twist::QuotesTwice) {
    t << ",\n";
    quoteSection("quotes", quotes, quotes + 3);
  }
  t << "\n}\n";
  return t.str();
}

// The recorded words a reader read while it waited (LoadResult::quote_words), as text, beside
// what reading the same quotes afresh gives: they must be the same.
std::string wordsOf(const QuoteWords &w) {
  std::ostringstream out;
  out << w.quote_count << ":";
  for (std::uint32_t id = 0; id < w.vocabulary.size(); ++id)
    out << w.vocabulary.word(id) << "/" << w.counts[id] << " ";
  out << "|";
  for (std::uint32_t id : w.ids)
    out << id << " ";
  out << "|";
  for (std::uint32_t start : w.starts)
    out << start << " ";
  return out.str();
}

void checkWordsRead(const LoadResult &r) {
  if (!r.quote_words)
    return;
  REQUIRE(r.quote_words->quote_count <= r.base.quotes.size());
  CHECK(wordsOf(*r.quote_words) ==
        wordsOf(QuoteWords::read(r.base.quotes, 0, r.quote_words->quote_count)));
}

LoadResult readOnce(const std::string &text) {
  BaseParser parser(text, "base.json");
  parser.parallelFrom(std::string::npos); // never in parallel
  return parser.run();
}

} // namespace

TEST_CASE("two readers give the one reader's result wherever the cut falls") {
  for (int t = 0; t < 2 * static_cast<int>(Twist::Count); ++t) {
    const auto twist = static_cast<Twist>(t % static_cast<int>(Twist::Count));
    std::string text = base(twist, 60, 50);
    if (t >= static_cast<int>(Twist::Count)) // the same base on one line, as minified JSON is
      std::erase(text, '\n');
    const std::string expected = describe(readOnce(text));
    int parallel = 0;
    for (int step = 1; step < 40; ++step) {
      BaseParser parser(text, "base.json");
      parser.parallelFrom(0, step / 40.0);
      const LoadResult r = parser.run();
      parallel += parser.readInParallel() ? 1 : 0;
      INFO("twist " << t << ", cut searched from " << step << "/40 of the text");
      REQUIRE(describe(r) == expected);
      checkWordsRead(r);
    }
    INFO("twist " << t);
    // Plain bases are read in two parts at most cuts; the twists that make the tail unusable
    // fall back to one reader there, with the same result (checked above).
    if (twist == Twist::None || twist == Twist::FiguresFirst || twist == Twist::Variants ||
        twist == Twist::OutsideSpeakers)
      CHECK(parallel >= 20);
  }
}

TEST_CASE("the twists are what the one reader reports") {
  // Guards the test above: each twisted base must really hold what it is named for.
  CHECK(readOnce(base(Twist::None, 60, 50)).errors.empty());
  CHECK(readOnce(base(Twist::None, 60, 50)).warnings.empty());
  CHECK(readOnce(base(Twist::UnknownField, 60, 50)).warnings.size() == 3);
  CHECK(readOnce(base(Twist::DuplicateId, 60, 50)).errors.size() == 1);
  CHECK(readOnce(base(Twist::UnknownSpeaker, 60, 50)).external_references.size() == 1);
  CHECK(readOnce(base(Twist::OutsideSpeakers, 60, 50)).external_references.size() == 30);
  CHECK(readOnce(base(Twist::SyntaxError, 60, 50)).errors.size() == 1);
  CHECK(readOnce(base(Twist::PeopleLast, 60, 50)).errors.size() == 1);
  CHECK(readOnce(base(Twist::NameLast, 60, 50)).name == "Named last");
  CHECK(readOnce(base(Twist::QuotesTwice, 60, 50)).errors.size() == 1);
  CHECK(readOnce(base(Twist::BracesInText, 60, 50)).base.quotes.size() == 60);
  CHECK(readOnce(base(Twist::NoVersion, 60, 50)).errors.size() == 1);
  CHECK(readOnce(base(Twist::BadDate, 60, 50)).errors.size() == 1);
  CHECK(readOnce(base(Twist::Variants, 60, 50)).base.quotes[0].variants.size() == 2);
}

TEST_CASE("a big base's sections are given their room at once and keep every entry") {
  // Above 8 MB of text left, a section's vector is given room for the rest after 256 entries
  // (BaseParser::elements); the entries moved into it, and those after, must all be as read.
  const int quotes = 60000, figures = 20000;
  const std::string text = base(Twist::Variants, quotes, figures);
  REQUIRE(text.size() > (std::size_t{16} << 20));
  const LoadResult r = readOnce(text);
  REQUIRE(r.errors.empty());
  REQUIRE(r.base.quotes.size() == static_cast<std::size_t>(quotes));
  REQUIRE(r.base.figures.size() == static_cast<std::size_t>(figures));
  std::size_t wrong = 0;
  for (int i = 0; i < quotes; ++i) {
    const Quote &q = r.base.quotes[static_cast<std::size_t>(i)];
    const std::string n = std::to_string(i);
    wrong +=
        q.id != "q" + n ||
        q.text != "We did not take a broad enough view of our responsibility, number " + n + "." ||
        q.speaker != "p" + std::to_string(i % 20) || q.variants.size() != (i % 3 == 0 ? 2u : 0u);
  }
  for (int i = 0; i < figures; ++i) {
    const Figure &f = r.base.figures[static_cast<std::size_t>(i)];
    wrong += f.id != "f" + std::to_string(i) || f.text != std::to_string(87 + i) + " million" ||
             f.keywords.size() != 2 || f.keywords[1] != "data";
  }
  CHECK(wrong == 0);
  // Two readers, whose joined sections were each given room, read the same.
  BaseParser parser(text, "base.json");
  parser.parallelFrom(0, 0.5);
  const LoadResult two = parser.run();
  CHECK(parser.readInParallel());
  CHECK(describe(two) == describe(r));
}

TEST_CASE("the words a reader reads while it waits for the other are the quotes' words") {
  // The first reader has a tenth of the text and waits for the second: meanwhile it reads its
  // quotes' words for the index, a step at a time, until the second is done.
  const std::string text = base(Twist::Variants, 20000, 40000);
  int waited = 0;
  for (int round = 0; round < 5; ++round) {
    BaseParser parser(text, "base.json");
    parser.parallelFrom(0, 0.1);
    const LoadResult r = parser.run();
    REQUIRE(parser.readInParallel());
    REQUIRE(r.errors.empty());
    checkWordsRead(r);
    waited += r.quote_words && r.quote_words->quote_count > 0 ? 1 : 0;
    if (!r.quote_words)
      continue;
    // The index built with them (and the rest of the quotes read then) is the one built without.
    auto base = std::make_shared<const FactBase>(r.base);
    const FactIndex with(base, {r.quote_words, 0}), without(base);
    const QuoteIndex &a = with.quoteIndex(), &b = without.quoteIndex();
    REQUIRE(a.wordCount() == b.wordCount());
    REQUIRE(a.vocabularySize() == b.vocabularySize());
    for (const char *word : {"we", "did", "not", "take", "broad", "view", "19999", "1234"}) {
      const std::uint32_t id = b.wordId(word);
      CHECK(a.wordId(word) == id);
      if (id < b.vocabularySize()) {
        const auto pa = a.postings(id), pb = b.postings(id);
        CHECK(std::vector<std::uint32_t>(pa.begin(), pa.end()) ==
              std::vector<std::uint32_t>(pb.begin(), pb.end()));
      }
    }
  }
  // Timing decides how many words are read; that some are, in five rounds, it does not.
  CHECK(waited > 0);
}
