// Tests for FactIndex: verbatim fragments, ellipsis gaps, near (altered) quotes, names, events,
// figure keywords, on small bases built here.
#include <catch2/catch.hpp>

#include "facts/entity_index.h"
#include "facts/fact_index.h"
#include "facts/quote_index.h"
#include "facts/quote_words.h"
#include "facts/word_alignment.h"
#include "test_text.h"

using namespace factline::facts;
using factline::testing::kept;

namespace {

std::shared_ptr<FactBase> smallBase() {
  auto base = std::make_shared<FactBase>();
  Person mark;
  mark.id = "mark-zuckerberg";
  mark.name = "Mark Zuckerberg";
  mark.aliases = {"Zuckerberg", "Mr Zuckerberg"};
  mark.descriptors = {"the Facebook CEO", "the Facebook founder"};
  Person graham;
  graham.id = "lindsey-graham";
  graham.name = "Lindsey Graham";
  graham.aliases = {"Mr Graham", "Senator Graham"};
  Person facebook;
  facebook.id = "facebook";
  facebook.kind = EntityKind::Organisation;
  facebook.name = "Facebook";
  base->people = {mark, graham, facebook};

  Event call{"call", "conference call with reporters", "2018-04-04", {"press conference"}, ""};
  Event hearing{"hearing", "joint Senate committee hearing", "2018-04-10", {"the hearing"}, ""};
  base->events = {call, hearing};

  auto quote = [](std::string id, std::string text, std::string event) {
    Quote q;
    q.id = kept(id);
    q.text = kept(text);
    q.speaker = "mark-zuckerberg";
    q.event = kept(event);
    return q;
  };
  base->quotes.push_back(quote("q-abuse",
                               "We didn't do enough. We didn't focus enough on preventing abuse "
                               "... that goes for fake news, foreign interference in election.",
                               "call"));
  base->quotes.push_back(
      quote("q-50m", "We never put out the 50 million number, that was other parties.", "call"));
  base->quotes.push_back(quote("q-mission",
                               "My top priority has always been our social mission of connecting "
                               "people, building community and bringing the world closer together.",
                               "hearing"));
  Quote priority = quote("q-priority",
                         "Advisers and developers will never take priority over that as long as "
                         "I'm running Facebook.",
                         "hearing");
  priority.variants.push_back({"Advertisers and developers will never take priority over that as "
                               "long as I\u2019m running Facebook.",
                               "blog", "summary"});
  base->quotes.push_back(priority);
  base->quotes.push_back(quote("q-audit",
                               "We have stood down temporarily to let the [UK government] do their "
                               "investigation and their audit.",
                               "call"));

  Figure users;
  users.id = "f-users";
  users.value = 87000000;
  users.unit = "users";
  users.units = {"users", "people", "accounts"};
  users.keywords = {"affected", "cambridge analytica", "worldwide"};
  Figure australians;
  australians.id = "f-australians";
  australians.value = 311127;
  australians.unit = "Australians";
  australians.keywords = {"Australia", "affected", "cambridge analytica"};
  Figure hours;
  hours.id = "f-hours";
  hours.value = 5;
  hours.unit = "hours";
  hours.keywords = {"hearing", "testimony"};
  base->figures = {users, australians, hours};
  base->reindex();
  return base;
}

const FactIndex &index() {
  static const FactIndex idx(smallBase());
  return idx;
}

std::string matchedText(const FactIndex &idx, Wording w, std::size_t first, std::size_t last) {
  const auto &tokens = idx.wordingTokens(w);
  REQUIRE(last <= tokens.size());
  REQUIRE(first < last);
  return std::string(
      idx.wordingText(w).substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
}

std::string_view quoteId(const FactIndex &idx, Wording w) { return idx.base().quotes[w.quote].id; }

} // namespace

TEST_CASE("a verbatim fragment is found with its window", "[index]") {
  auto matches = index().findVerbatim(tokenize("\u201Cnever put out the 50 Million number\u201D"));
  REQUIRE(matches.size() == 1);
  CHECK(quoteId(index(), matches[0].wording) == "q-50m");
  CHECK(matches[0].wording.variant == -1);
  CHECK(matches[0].first == 1);
  CHECK(matches[0].last == 8);
  CHECK(matchedText(index(), matches[0].wording, matches[0].first, matches[0].last) ==
        "never put out the 50 million number");
}

TEST_CASE("a verbatim run may not cross an omission the source marked", "[index]") {
  CHECK(index().findVerbatim(tokenize("preventing abuse that goes for fake news")).empty());
  CHECK(index().findVerbatim(tokenize("preventing abuse ... that goes")).size() == 1);
}

TEST_CASE("ellipsis gaps in the draft allow any words between pieces, in order", "[index]") {
  auto matches = index().findVerbatim(tokenize("We didn't do enough \u2026 preventing abuse"));
  REQUIRE(matches.size() == 1);
  CHECK(quoteId(index(), matches[0].wording) == "q-abuse");
  CHECK(matches[0].first == 0);
  CHECK(matches[0].last == 11);
  CHECK(index().findVerbatim(tokenize("our social mission ... the world closer together")).size() ==
        1);
  // The pieces must come in the record's order.
  CHECK(index().findVerbatim(tokenize("preventing abuse ... We didn't do enough")).empty());
  // A gap allows zero words too.
  CHECK(index().findVerbatim(tokenize("the world ... closer together")).size() == 1);
}

TEST_CASE("words not on record, or not contiguous, give no verbatim match", "[index]") {
  CHECK(index().findVerbatim(tokenize("bringing the world together")).empty());
  CHECK(index().findVerbatim(tokenize("unheard-of words")).empty());
  CHECK(index().findVerbatim({}).empty());
}

TEST_CASE("every recorded wording of a quote is matched, variants included", "[index]") {
  auto advisers = index().findVerbatim(tokenize("Advisers and developers will never"));
  REQUIRE(advisers.size() == 1);
  CHECK(advisers[0].wording.variant == -1);
  auto advertisers = index().findVerbatim(tokenize("Advertisers and developers will never"));
  REQUIRE(advertisers.size() == 1);
  CHECK(quoteId(index(), advertisers[0].wording) == "q-priority");
  CHECK(advertisers[0].wording.variant == 0);
  auto both = index().findVerbatim(tokenize("as long as I\u2019m running Facebook"));
  CHECK(both.size() == 2);
}

TEST_CASE("editorial brackets in the draft stand in for words", "[index]") {
  CHECK(
      index().findVerbatim(tokenize("to let the [UK government] do their investigation")).size() ==
      1);
  CHECK(index().findVerbatim(tokenize("to let the [British authorities] do their audit")).empty());
  CHECK(index().findVerbatim(tokenize("[We] have stood down temporarily")).size() == 1);
}

TEST_CASE("an altered quote finds the recorded wording near it", "[index]") {
  auto near = index().findNear(tokenize("We never put out the 50 million number, that was "
                                        "somebody else"));
  REQUIRE_FALSE(near.empty());
  CHECK(quoteId(index(), near[0].wording) == "q-50m");
  CHECK(near[0].score > 0.75);
  CHECK(near[0].score < 1.0);
  CHECK(matchedText(index(), near[0].wording, near[0].first, near[0].last) ==
        "We never put out the 50 million number, that was other parties");

  auto closer = index().findNear(tokenize("bringing the world together"));
  REQUIRE_FALSE(closer.empty());
  CHECK(quoteId(index(), closer[0].wording) == "q-mission");
  CHECK(matchedText(index(), closer[0].wording, closer[0].first, closer[0].last) ==
        "bringing the world closer together");

  auto fraud = index().findNear(tokenize("We didn't focus enough on preventing fraud"));
  REQUIRE_FALSE(fraud.empty());
  CHECK(quoteId(index(), fraud[0].wording) == "q-abuse");
  // The changed last word stays in the window so the difference can be named.
  CHECK(matchedText(index(), fraud[0].wording, fraud[0].first, fraud[0].last) ==
        "We didn't focus enough on preventing abuse");
}

TEST_CASE("a verbatim fragment scores 1 and unrelated words find nothing near", "[index]") {
  auto exact = index().findNear(tokenize("bringing the world closer together"));
  REQUIRE_FALSE(exact.empty());
  CHECK(exact[0].score == Approx(1.0));
  CHECK(index().findNear(tokenize("The weather in Canberra was mild for April")).empty());
  CHECK(index().findNear(tokenize("entirely different words here")).empty());
}

TEST_CASE("near lookup respects max and min_score", "[index]") {
  auto one = index().findNear(tokenize("developers will never take priority"), 1);
  CHECK(one.size() == 1);
  auto strict = index().findNear(tokenize("bringing the world together"), 5, 0.95);
  CHECK(strict.empty());
}

TEST_CASE("people are resolved by name, alias, descriptor and title", "[index]") {
  using V = std::vector<std::string>;
  CHECK(index().resolvePerson("Mark Zuckerberg") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("ZUCKERBERG") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("Mr Zuckerberg") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("Mr. Zuckerberg") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("Zuckerberg\u2019s") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("the Facebook CEO") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("Facebook CEO") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("a Facebook founder") == V{"mark-zuckerberg"});
  CHECK(index().resolvePerson("Senator Lindsey Graham") == V{"lindsey-graham"});
  CHECK(index().resolvePerson("Sen. Graham") == V{"lindsey-graham"});
  CHECK(index().resolvePerson("Dr Lindsey Graham") == V{"lindsey-graham"});
  CHECK(index().resolvePerson("Facebook") == V{"facebook"});
  CHECK(index().resolvePerson("Mark").empty());
  CHECK(index().resolvePerson("the Facebook CFO").empty());
  CHECK(index().resolvePerson("").empty());
}

TEST_CASE("events named in a sentence, most specific first", "[index]") {
  using V = std::vector<std::string>;
  CHECK(index().eventsNamedIn("He told a press conference on Wednesday") == V{"call"});
  CHECK(index().eventsNamedIn("at the joint Senate committee hearing") == V{"hearing"});
  CHECK(index().eventsNamedIn("During the hearing he said") == V{"hearing"});
  CHECK(index().eventsNamedIn("In a CONFERENCE CALL WITH REPORTERS, and later at a hearing") ==
        V{"call", "hearing"});
  CHECK(index().eventsNamedIn("nothing to see here").empty());
}

TEST_CASE("figures are found through keywords, multi-word keywords and unit nouns", "[index]") {
  const auto &figures = index().base().figures;
  auto ids = [&](const std::vector<std::size_t> &found) {
    std::vector<std::string> out;
    for (std::size_t i : found)
      out.push_back(figures[i].id.str());
    return out;
  };
  using V = std::vector<std::string>;
  // "cambridge analytica" counts as one keyword only when both words come in order.
  CHECK(ids(index().figuresFor({"australians", "affected", "by", "cambridge", "analytica"})) ==
        V{"f-australians", "f-users"});
  CHECK(ids(index().figuresFor({"users", "worldwide"})) == V{"f-users"});
  CHECK(ids(index().figuresFor({"analytica", "cambridge"})).empty());
  CHECK(ids(index().figuresFor({"the", "hearing", "lasted", "hours"})) == V{"f-hours"});
  CHECK(ids(index().figuresFor({"Australia"})) == V{"f-australians"});
  CHECK(ids(index().figuresFor({"account"})) == V{"f-users"}); // plural and singular alike
  CHECK(index().figuresFor({"nothing", "relevant"}).empty());
}

TEST_CASE("word alignment names what changed", "[index][alignment]") {
  std::vector<std::string> draft{"we", "didn't", "focus", "on", "stopping", "abuse"};
  std::vector<std::string> record{"we", "didn't", "focus", "enough", "on", "preventing", "abuse"};
  AlignmentOptions whole;
  whole.record_window = false;
  WordAlignment a = alignWords(draft, record, whole);
  using K = AlignmentStep::Kind;
  std::vector<K> kinds;
  for (const auto &s : a.steps)
    kinds.push_back(s.kind);
  CHECK(kinds ==
        std::vector<K>{K::Same, K::Same, K::Same, K::RecordOnly, K::Same, K::Changed, K::Same});
  CHECK(a.same == 5);
  CHECK(a.score == Approx(10.0 / 13.0));

  std::vector<bool> gaps{false, true, false};
  AlignmentOptions with_gap;
  with_gap.gap_after = &gaps;
  std::vector<std::string> elided{"we", "didn't", "abuse"};
  WordAlignment g = alignWords(elided, record, with_gap);
  CHECK(g.score == Approx(1.0));
  CHECK(g.record_first == 0);
  CHECK(g.record_last == 7);
}

TEST_CASE("token lookups on a wording that does not exist are empty", "[index]") {
  CHECK(index().wordingTokens({99, -1}).empty());
  CHECK(index().wordingTokens({0, 5}).empty());
  CHECK(index().wordingText({99, -1}).empty());
  CHECK(index().wordingTokens({3, 0}).size() == 15);
}

TEST_CASE("a unit noun shared by very many figures points at none alone", "[index]") {
  auto base = std::make_shared<FactBase>();
  for (std::size_t i = 0; i < EntityIndex::kCommonTermFigures + 10; ++i) {
    Figure f;
    f.id = kept("f" + std::to_string(i));
    f.unit = "users";
    f.keywords = {kept("topic" + std::to_string(i))};
    base->figures.push_back(f);
  }
  base->reindex();
  FactIndex idx(base);
  CHECK(idx.figuresFor({"users"}).empty());
  auto found = idx.figuresFor({"topic7", "users"});
  REQUIRE(found.size() == 1);
  CHECK(found[0] == 7);
  auto two = idx.figuresFor({"topic9", "topic3", "user"});
  CHECK(two == std::vector<std::size_t>{3, 9});
  // Figures are indexed in blocks: those past the first block, and the last, are found alike.
  const std::size_t last = EntityIndex::kCommonTermFigures + 9;
  CHECK(idx.figuresFor({"topic" + std::to_string(last), "topic129", "topic128", "users"}) ==
        std::vector<std::size_t>{128, 129, last});
}

TEST_CASE("figures sharing phrases find their terms as when each is read alone", "[index]") {
  // The figure terms are read once per distinct phrase: the second figure's "users" and the
  // wordless "--" must give what the first gave, a phrase repeated in one figure counts once.
  auto base = std::make_shared<FactBase>();
  for (int i = 0; i < 3; ++i) {
    Figure f;
    f.id = kept("f" + std::to_string(i));
    f.unit = "users";
    f.units = {"users", "--", "Facebook accounts"};
    f.keywords = {i == 1 ? Text("Cambridge Analytica") : Text("harvested"), "--", "users"};
    base->figures.push_back(f);
  }
  base->reindex();
  FactIndex idx(base);
  CHECK(idx.figuresFor({"harvested"}) == std::vector<std::size_t>{0, 2});
  CHECK(idx.figuresFor({"cambridge", "analytica"}) == std::vector<std::size_t>{1});
  CHECK(idx.figuresFor({"facebook", "account", "user"}) == std::vector<std::size_t>{0, 1, 2});
  CHECK(idx.figuresFor({"--"}).empty());
}

TEST_CASE("a large base answers through postings, common words included", "[index]") {
  // Many quotes sharing common words: lookups still find the one holding the rare ones.
  auto base = std::make_shared<FactBase>();
  for (std::size_t i = 0; i < 20000; ++i) {
    Quote q;
    q.id = kept("q" + std::to_string(i));
    q.speaker = "s";
    q.text = kept("we said that the plan " + std::to_string(i) +
                  " was good for the people of town" + std::to_string(i % 97));
    base->quotes.push_back(q);
  }
  base->reindex();
  FactIndex idx(base);
  auto exact = idx.findVerbatim(tokenize("the plan 12345 was good"));
  REQUIRE(exact.size() == 1);
  CHECK(exact[0].wording.quote == 12345);
  CHECK(idx.findVerbatim(tokenize("the plan was")).empty());
  CHECK(idx.findVerbatim(tokenize("good for the people")).size() == 20000);
  auto near = idx.findNear(tokenize("we said that the plan 12345 was bad for the people"));
  REQUIRE_FALSE(near.empty());
  CHECK(near[0].wording.quote == 12345);
  CHECK(near[0].score < 1.0);
}

TEST_CASE("a base read by two threads gives the index one thread gives", "[index]") {
  // Random quotes over a small vocabulary (so that later quotes reuse earlier words and bring new
  // ones), with omissions marked, variants and curly apostrophes.
  FactBase base;
  const std::vector<std::string> words = {
      "we",     "didn't",  "take",           "a",        "broad",   "enough", "view",
      "of",     "our",     "responsibility", "Facebook", "Senator", "87",     "million",
      "users’", "privacy", "data",           "..."};
  std::uint32_t state = 7;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int i = 0; i < 3000; ++i) {
    Quote q;
    q.id = kept("q" + std::to_string(i));
    q.speaker = "mark-zuckerberg";
    const std::uint32_t n = 3 + next() % 12;
    std::string text;
    for (std::uint32_t k = 0; k < n; ++k) {
      text += (k ? " " : "") + words[next() % words.size()];
      if (next() % 40 == 0)
        text += "w" + std::to_string(i); // a word first seen in this quote
    }
    q.text = kept(text);
    if (i % 7 == 0)
      q.variants.push_back({kept(text + " indeed"), "src", ""});
    base.quotes.push_back(q);
  }
  base.reindex();
  // Runs joined either way round are the run of all the quotes.
  const QuoteWords whole = QuoteWords::read(base.quotes, 0, base.quotes.size());
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{1234}, std::size_t{3000}}) {
    QuoteWords appended = QuoteWords::read(base.quotes, 0, cut);
    appended.append(QuoteWords::read(base.quotes, cut, base.quotes.size()));
    QuoteWords prepended = QuoteWords::read(base.quotes, cut, base.quotes.size());
    prepended.prepend(QuoteWords::read(base.quotes, 0, cut));
    for (const QuoteWords *joined : {&appended, &prepended}) {
      INFO("cut at " << cut);
      CHECK(joined->quote_count == whole.quote_count);
      CHECK(joined->ids == whole.ids);
      CHECK(joined->starts == whole.starts);
      CHECK(joined->counts == whole.counts);
      REQUIRE(joined->vocabulary.size() == whole.vocabulary.size());
      for (std::uint32_t id = 0; id < whole.vocabulary.size(); ++id)
        CHECK(joined->vocabulary.word(id) == whole.vocabulary.word(id));
      CHECK(joined->fits(base.quotes, 0));
      CHECK_FALSE(joined->fits(base.quotes, 1));
    }
  }
  const QuoteIndex one(base, std::string::npos), two(base, 2);
  REQUIRE(one.wordCount() == two.wordCount());
  REQUIRE(one.vocabularySize() == two.vocabularySize());
  for (const std::string &w : words) {
    const std::string folded = foldWord(w);
    CHECK(one.wordId(folded) == two.wordId(folded));
    CHECK(one.frequency(one.wordId(folded)) == two.frequency(two.wordId(folded)));
  }
  CHECK(one.wordId("w2999") == two.wordId("w2999"));
  // Every word's postings, filed in two halves at once by `two`, are the one pass's.
  for (std::uint32_t id = 0; id < one.vocabularySize(); ++id) {
    const auto a = one.postings(id), b = two.postings(id);
    REQUIRE(std::vector<std::uint32_t>(a.begin(), a.end()) ==
            std::vector<std::uint32_t>(b.begin(), b.end()));
  }
  // Runs appended on two threads are the same as on one.
  QuoteWords split = QuoteWords::read(base.quotes, 0, 1234);
  split.append(QuoteWords::read(base.quotes, 1234, base.quotes.size()), 2);
  CHECK(split.ids == whole.ids);
  CHECK(split.starts == whole.starts);
  CHECK(split.counts == whole.counts);
  for (int i = 0; i < 3000; i += 37) {
    const std::vector<Token> exact = tokenize(base.quotes[static_cast<std::size_t>(i)].text);
    std::vector<Token> changed = exact;
    if (changed.size() > 2)
      changed[1].norm = "broadly";
    const auto a = one.findVerbatim(exact), b = two.findVerbatim(exact);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].wording == b[k].wording);
      CHECK(a[k].first == b[k].first);
      CHECK(a[k].last == b[k].last);
    }
    const auto na = one.findNear(changed, 5, 0.5), nb = two.findNear(changed, 5, 0.5);
    REQUIRE(na.size() == nb.size());
    for (std::size_t k = 0; k < na.size(); ++k) {
      CHECK(na[k].wording == nb[k].wording);
      CHECK(na[k].score == nb[k].score);
    }
  }
}
