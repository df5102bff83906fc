// Tests that the analyzers' memos (quotes per quotation, figures per sentence) never change what a
// check finds: a memoised analyzer fed a run of edits gives what a fresh one gives on each version.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "analyzers/analyzer_group.h"
#include "analyzers/figure_analyzer.h"
#include "analyzers/quote_analyzer.h"
#include "facts/loader.h"
#include "test_facts.h"

using namespace factline::analyzers;
namespace facts = factline::facts;

namespace {

const facts::FactIndex &bundled() {
  static facts::FactIndex index(std::make_shared<facts::FactBase>(facts::bundledFactBase()));
  return index;
}

// Every field of a finding, so that two lists compare equal only when they say the same.
std::string describe(const std::vector<Finding> &all) {
  std::ostringstream out;
  for (const Finding &f : all) {
    out << f.rule << ' ' << static_cast<int>(f.status) << ' '
        << (f.severity ? static_cast<int>(*f.severity) : 0) << ' ' << f.span.begin << '-'
        << f.span.end << " [" << f.message << "] claim=[" << f.claim << "] to=" << f.attributed_to;
    for (const FactRef &e : f.evidence)
      out << " ev:" << static_cast<int>(e.kind) << ':' << e.id << ':' << e.variant;
    for (const Fix &fix : f.fixes) {
      out << " fix:" << fix.title;
      for (const Replacement &r : fix.edits)
        out << '{' << r.span.begin << '-' << r.span.end << ':' << r.text << '}';
    }
    for (const DiffPiece &d : f.diff)
      out << " diff:" << static_cast<int>(d.kind) << ':' << d.text;
    out << '\n';
  }
  return out.str();
}

AnalyzerGroup standardGroup() { return AnalyzerGroup::standard(); }

std::vector<Finding> run(const AnalyzerGroup &group, const std::string &text,
                         const facts::FactIndex &index) {
  return group.analyze(Document(text, DraftFormat::Markdown), index, CancelToken{});
}

// One analyzer made by `make`, kept across checks (so that it remembers), and a fresh one for
// each check: what the kept one finds must be what the fresh one finds.
class AgainstFresh {
public:
  AgainstFresh(std::unique_ptr<Analyzer> (*make)(), const facts::FactIndex &index)
      : make_(make), index_(index) {
    kept_.add(make_());
  }
  // The kept analyzer's findings for `text`, checked against a fresh one's.
  std::vector<Finding> operator()(const std::string &text) {
    auto all = run(kept_, text, index_);
    AnalyzerGroup fresh;
    fresh.add(make_());
    CHECK(describe(all) == describe(run(fresh, text, index_)));
    return all;
  }

private:
  std::unique_ptr<Analyzer> (*make_)();
  const facts::FactIndex &index_;
  AnalyzerGroup kept_;
};

// A draft quoting the bundled record in every way the analyzers tell apart: verbatim, altered,
// misattributed, by pronoun, by context, over two paragraphs, with figures right and wrong.
std::string bundledDraft() {
  const facts::FactBase &base = facts::bundledFactBase();
  const char *names[] = {"Zuckerberg", "Senator Grassley", "Mr Zuckerberg", "Facebook",
                         "Cambridge Analytica"};
  std::string out = "# Draft\n\nCambridge Analytica held data on 87 million Facebook users, "
                    "and 78 million Facebook users in one account.\n\n";
  std::size_t k = 0;
  for (const facts::Quote &q : base.quotes) {
    std::string text = q.text.str();
    if (k % 5 == 1) { // altered: one word dropped
      std::size_t sp = text.find(' ', text.size() / 2);
      std::size_t next = sp == std::string::npos ? sp : text.find(' ', sp + 1);
      if (next != std::string::npos)
        text.erase(sp, next - sp);
    }
    const std::string name = names[k % 5];
    switch (k % 6) {
    case 0:
      out += "“" + text + ",” " + name + " said.\n\n";
      break;
    case 1:
      out += name + " told reporters: “" + text + "”\n\n";
      break;
    case 2:
      out += name + " spoke next. “" + text + ",” he said.\n\n";
      break;
    case 3:
      out += "“" + text + "”\n\n";
      break;
    case 4: {
      std::size_t mid = text.find(". ");
      if (mid != std::string::npos)
        out += "“" + text.substr(0, mid + 1) + "\n\n“" + text.substr(mid + 2) + "” " + name +
               " said at the hearing.\n\n";
      else
        out += "In his opening remarks " + name + " said it was “" + text + "”.\n\n";
      break;
    }
    default:
      out += "According to " + name + ", “" + text + "”\n\n> " + text + "\n>\n> — " + name +
             "\n\nIt was 2018 and 44 senators listened for more than five hours.\n\n";
    }
    ++k;
  }
  return out;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One random edit that keeps the text UTF-8: a character typed or deleted, a word replaced by a
// name, a pronoun or an occasion, a paragraph split or joined.
void randomEdit(std::string &text, std::mt19937 &rng) {
  static const std::vector<std::string> typed = {"a", "e", " ",  ".", ",", "\"",
                                                 "“", "”", "\n", "x", "5", "'"};
  static const std::vector<std::string> words = {
      "Zuckerberg", "he",          "she",       "it",         "Grassley",   "Facebook",
      "said",       "the hearing", "reporters", "87 million", "50 million", "Analytica"};
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::size_t at = pick(text.size() + 1);
  while (at < text.size() && continuation(text[at]))
    ++at;
  switch (pick(5)) {
  case 0:
    text.insert(at, typed[pick(typed.size())]);
    break;
  case 1:
    if (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80)
      text.erase(at, 1);
    break;
  case 2: { // replace the word at `at`
    std::size_t b = text.rfind(' ', at == 0 ? 0 : at - 1);
    b = b == std::string::npos ? 0 : b + 1;
    std::size_t e = text.find_first_of(" \n", b);
    e = e == std::string::npos ? text.size() : e;
    text.replace(b, e - b, words[pick(words.size())]);
    break;
  }
  case 3:
    text.insert(at, "\n\n");
    break;
  default: {
    std::size_t p = text.find("\n\n", at);
    if (p != std::string::npos)
      text.erase(p, 1);
  }
  }
}

} // namespace

TEST_CASE("memoised analysis gives what a fresh analysis gives, edit after edit") {
  const std::string start = bundledDraft();
  const AnalyzerGroup memoised = standardGroup();
  REQUIRE(describe(run(memoised, start, bundled())) ==
          describe(run(standardGroup(), start, bundled())));
  std::mt19937 rng(20260401);
  std::string text = start;
  for (int edit = 0; edit < 150; ++edit) {
    if (edit % 50 == 0)
      text = start; // and back to the start, where every unit is in the memo
    randomEdit(text, rng);
    INFO("edit " << edit << "\n" << text);
    REQUIRE(describe(run(memoised, text, bundled())) ==
            describe(run(standardGroup(), text, bundled())));
  }
}

TEST_CASE("a quote's memo is invalidated when its speaker in context changes") {
  auto small = factline::tests::smallFactIndex();
  AgainstFresh analyze(makeQuoteAnalyzer, *small);
  const std::string quote = "“This is going to be a never-ending battle. You never fully solve "
                            "security.”";
  auto attributedTo = [&](const std::string &first) {
    const std::string text = "“Absolutely,” " + first + " said.\n\n" + quote + "\n";
    auto all = analyze(text);
    REQUIRE_FALSE(all.empty());
    REQUIRE(all.back().span.begin == text.find(quote));
    return all.back().attributed_to;
  };
  CHECK(attributedTo("Zuckerberg") == "zuck");
  CHECK(attributedTo("Graham") == "graham"); // same words, other context: checked again
  CHECK(attributedTo("Zuckerberg") == "zuck");
}

TEST_CASE("a quote's memo follows a pronoun's referent and a named occasion") {
  auto small = factline::tests::smallFactIndex();
  AgainstFresh analyze(makeQuoteAnalyzer, *small);
  auto check = [&](const std::string &text) {
    auto all = analyze(text);
    REQUIRE(all.size() == 1);
    return all[0].rule;
  };
  const std::string words = "“We didn't take a broad enough view and that was a huge mistake,”";
  CHECK(check("Zuckerberg spoke. " + words + " he said.") == "quote-verified");
  CHECK(check("Sandberg spoke. " + words + " she said.") == "quote-misattributed");
  CHECK(check("Zuckerberg spoke. " + words + " he said at the hearing.") == "quote-wrong-occasion");
  CHECK(check("Zuckerberg spoke. " + words + " he said.") == "quote-verified");
}

TEST_CASE("a memoised finding moves with its quotation") {
  auto small = factline::tests::smallFactIndex();
  AnalyzerGroup memoised;
  memoised.add(makeQuoteAnalyzer());
  const std::string body = "“We didn't take a broad view and that was a huge mistake,” "
                           "Zuckerberg said.";
  auto first = run(memoised, body, *small);
  REQUIRE(first.size() == 1);
  REQUIRE(first[0].rule == "quote-altered");
  const std::string intro = "An intro, café.\n\n";
  auto moved = run(memoised, intro + body, *small);
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].span.begin == first[0].span.begin + intro.size());
  CHECK(moved[0].span.end == first[0].span.end + intro.size());
  REQUIRE(moved[0].fixes.size() == 1);
  CHECK(moved[0].fixes[0].edits[0].span.begin ==
        first[0].fixes[0].edits[0].span.begin + intro.size());
}

TEST_CASE("a quote's memo follows the words that name its speaker, not the clause around them") {
  auto small = factline::tests::smallFactIndex();
  AgainstFresh analyze(makeQuoteAnalyzer, *small);
  auto check = [&](const std::string &text) { return describe(analyze(text)); };
  const std::string words = "“We didn't take a broad enough view and that was a huge mistake,”";
  // Two people the base does not know, named in as many letters: the finding names each.
  const std::string roe = check(words + " Senator Jane Roe said.");
  CHECK(roe.find("Jane Roe") != std::string::npos);
  const std::string rod = check(words + " Senator Jane Rod said.");
  CHECK(rod.find("Jane Rod") != std::string::npos);
  // A description instead of a name, then a name again.
  check(words + " one analyst said.");
  check(words + " one senator said.");
  // Typing on in the clause changes no finding.
  const std::string said = check(words + " Zuckerberg said.");
  CHECK(check(words + " Zuckerberg said.x") == said);
  CHECK(check(words + " Zuckerberg said.xx") == said);
  // The speaker carried on from the sentence before, or only in context.
  check("“Absolutely,” Zuckerberg said. " + words);
  check("“Absolutely,” Zuckerberg said.\n\nA pause.\n\n" + words);
}

TEST_CASE("a sentence's figure memo follows its section's heading") {
  AgainstFresh analyze(makeFigureAnalyzer, bundled());
  auto check = [&](const std::string &heading) {
    auto all = analyze("# " + heading + "\n\nZuckerberg took questions for an hour.\n");
    REQUIRE(all.size() == 1);
    return all[0].rule;
  };
  CHECK(check("The Senate hearing") == "figure-wrong");
  CHECK(check("Zuckerberg's call with reporters") == "figure-verified");
  CHECK(check("The Senate hearing") == "figure-wrong");
}
