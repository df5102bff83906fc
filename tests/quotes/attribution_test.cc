// Tests for AttributionFinder: every attribution form, with the speaker's name marked [[...]].
#include <catch2/catch.hpp>

#include "analyzers/attribution.h"
#include "annotations.h"
#include "test_facts.h"

using factline::analyzers::Attribution;
using factline::analyzers::AttributionFinder;
using factline::analyzers::AttributionSource;
using factline::analyzers::Document;
using factline::analyzers::DraftFormat;
using factline::analyzers::extractQuotations;
using factline::tests::Annotations;

namespace {

// The attributions of the outermost quotations, in order.
std::vector<Attribution> attributions(const std::string &text) {
  static auto facts = factline::tests::smallFactIndex();
  Document doc(text, DraftFormat::Markdown);
  auto quotes = extractQuotations(doc);
  AttributionFinder finder(doc, *facts, quotes);
  std::vector<Attribution> out;
  for (std::size_t k = 0; k < quotes.size(); ++k) {
    Attribution a = finder.attribute(k);
    if (quotes[k].depth == 0)
      out.push_back(a);
  }
  return out;
}

std::string who(const Attribution &a) { return a.person ? a.person->id : ""; }

// The single quotation of `marked` goes to `person`, named by the marked words.
void checkNamed(std::string_view marked, const std::string &person) {
  Annotations a(marked);
  INFO(a.text());
  auto all = attributions(a.text());
  REQUIRE(all.size() == 1);
  CHECK(who(all[0]) == person);
  CHECK(all[0].source == AttributionSource::Named);
  REQUIRE(a.ranges().size() == 1);
  CHECK(a.of(all[0].name) == a.of(a.range()));
}

} // namespace

TEST_CASE("the speaker after the quotation") {
  checkNamed("“We didn't do enough,” [[Zuckerberg]] said.", "zuck");
  checkNamed("“We didn't do enough,” said [[Cambridge Analytica]].", "ca");
  checkNamed("\"We didn't do enough,\" [[Mr Zuckerberg]] has said.", "zuck");
  checkNamed("“We didn't do enough,” [[Zuckerberg]] told reporters on Wednesday.", "zuck");
  checkNamed("“We didn't do enough,” [[the Facebook CEO]] said in his opening remarks.", "zuck");
  checkNamed("“We didn't do enough,” [[a Cambridge Analytica spokesman]] told the BBC.", "ca");
  checkNamed("“We didn't do enough,” [[a spokesman for Facebook]] added.", "fb");
  checkNamed("‘We didn’t do enough,’ [[Senator Lindsey Graham]] insisted.", "graham");
  for (std::string verb :
       {"added",        "asked",    "replied", "wrote",     "insisted", "explained", "says",
        "admitted",     "claimed",  "argued",  "noted",     "warned",   "continued", "conceded",
        "acknowledged", "declared", "stated",  "responded", "answered", "is saying"})
    checkNamed("“We didn't do enough,” [[Zuckerberg]] " + verb + ".", "zuck");
}

TEST_CASE("the speaker before the quotation") {
  checkNamed("[[Zuckerberg]] said: “We didn't do enough.”", "zuck");
  checkNamed("[[Zuckerberg]] told reporters: “We didn't do enough.”", "zuck");
  checkNamed("According to [[Zuckerberg]], “It very well could be less.”", "zuck");
  checkNamed("[[Mr Zuckerberg]]: “We didn't do enough.”", "zuck");
  checkNamed("[[The Facebook chief]] was blunt: “We didn't do enough.”", "zuck");
  checkNamed("[[Ms Sandberg]] added, “We didn't do enough.”", "sandberg");
  checkNamed("Asked about regulation, [[Mr Zuckerberg]] said that Facebook would back \"the right "
             "regulation\".",
             "zuck");
  checkNamed("[[Mark Zuckerberg]] told reporters on Wednesday that the company had made “a huge "
             "mistake”.",
             "zuck");
  checkNamed("[[Facebook]] announced yesterday that \"we believe most people could be affected\".",
             "fb");
}

TEST_CASE("a credit line names the speaker of a block quote") {
  checkNamed("> “Across the board, we have a responsibility.”\n> — [[Mark Zuckerberg]], 10 April\n",
             "zuck");
  checkNamed("> We didn't do enough.\n\n-- [[Zuckerberg]]\n", "zuck");
}

TEST_CASE("two people in one sentence: each quotation goes to its own speaker") {
  Annotations a("[[Mr Graham]] asked whether the company \"would work\" with Congress, to which "
                "[[Mr Zuckerberg]] replied: “Absolutely.”");
  auto all = attributions(a.text());
  REQUIRE(all.size() == 2);
  CHECK(who(all[0]) == "graham");
  CHECK(all[0].name == a.range(0));
  CHECK(who(all[1]) == "zuck");
  CHECK(all[1].name == a.range(1));
}

TEST_CASE("pronouns go to the most recent compatible person") {
  auto all = attributions("Zuckerberg answered questions from the Senate.\n\n"
                          "\"I started Facebook, I run it,\" he said.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::Pronoun);
  CHECK(who(all[0]) == "zuck");

  // "he" skips Facebook (it) and Sandberg (she); "it" skips the people.
  all = attributions("Zuckerberg met Ms Sandberg at Facebook. “We didn't do enough,” he said. "
                     "“We deleted the data,” it said. “We are sorry,” she said.");
  REQUIRE(all.size() == 3);
  CHECK(who(all[0]) == "zuck");
  CHECK(who(all[1]) == "fb");
  CHECK(who(all[2]) == "sandberg");

  all = attributions("According to Zuckerberg, “It very well could be less.”\n\n"
                     "He added: “We never put out the 50 million number.”");
  REQUIRE(all.size() == 2);
  CHECK(who(all[1]) == "zuck");
}

TEST_CASE("names inside quotations are not antecedents") {
  auto all = attributions("“Graham asked me,” the man said. “I said no,” he added.");
  REQUIRE(all.size() == 2);
  CHECK(who(all[1]).empty());
}

TEST_CASE("a paragraph that is only a quote goes to the speaker before it") {
  auto all = attributions("\"It very well could be less,\" Zuckerberg said.\n\n"
                          "\"We never put out the 50 million number, that was other parties.\"\n");
  REQUIRE(all.size() == 2);
  CHECK(all[1].source == AttributionSource::Context);
  CHECK(who(all[1]) == "zuck");

  all = attributions("“We didn't do enough,” Zuckerberg said. “We are sorry.”");
  REQUIRE(all.size() == 2);
  CHECK(who(all[1]) == "zuck");
}

TEST_CASE("a quote with no attribution and no speaker in context stays unattributed") {
  auto all = attributions("# Notes\n\n“We never put out the 50 million number.”\n");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::None);
  CHECK(all[0].person == nullptr);

  all = attributions("Facebook said the 'scraping' had been found.\n\nThe weather was fine.\n\n"
                     "Nothing happened.\n\nStill nothing.\n\n“Out of nowhere.”");
  CHECK(all.back().person == nullptr);
}

TEST_CASE("a named speaker the base does not know is named, but to nobody known") {
  for (std::string text : {"“We didn't do enough,” a spokesman for the BBC said.",
                           "\"We didn't do enough,\" said nobody in particular."}) {
    auto all = attributions(text);
    REQUIRE(all.size() == 1);
    CHECK(all[0].source == AttributionSource::Named);
    CHECK(all[0].person == nullptr);
  }
  // And a quote after an unknown speaker does not inherit an older known one.
  auto all = attributions("“A,” Zuckerberg said.\n\n“B,” a BBC reporter said.\n\n“C.”");
  REQUIRE(all.size() == 3);
  CHECK(all[2].person == nullptr);
}

TEST_CASE("'the company' and 'the firm' are the organisation last named, like 'it'") {
  auto all = attributions("Facebook faced questions.\n\n“We didn't do enough,” the company said.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::Pronoun);
  CHECK(all[0].pronoun == "it");
  REQUIRE(all[0].person != nullptr);
  CHECK(all[0].person->id == "fb");
  // Only those two words: "the company's founder" is a descriptor, not the company.
  all = attributions("“We didn't do enough,” the firm's lawyer said.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::Named);
}

TEST_CASE("an organisation inside a longer name is not the speaker") {
  auto all = attributions("“We didn't do enough,” Facebook's chief technology officer said.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].person == nullptr);
}

TEST_CASE("the occasion named around the quotation") {
  auto all = attributions("“We didn't do enough,” Zuckerberg told reporters.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].events == std::vector<std::string>{"call"});
  all = attributions("“We didn't do enough,” Zuckerberg said in his opening remarks.");
  CHECK(all[0].events == std::vector<std::string>{"hearing"});
  all = attributions("“We didn't do enough,” Zuckerberg told the BBC.");
  CHECK(all[0].events.empty());
}

TEST_CASE("a pronoun prefers a sentence's subject to a person named later in it") {
  auto all = attributions("In his testimony, Mr Zuckerberg disclosed that the company is working "
                          "with Senator Lindsey Graham.\n\n“We didn't do enough,” he said.");
  REQUIRE(all.size() == 1);
  CHECK(who(all[0]) == "zuck");
}

TEST_CASE("a second fragment in a sentence goes to the speaker of the first") {
  auto all = attributions("Zuckerberg said it needs a “more proactive role” that includes “good "
                          "and healthy” ways.");
  REQUIRE(all.size() == 2);
  CHECK(who(all[0]) == "zuck");
  CHECK(who(all[1]) == "zuck");
}

TEST_CASE("according to a source, the verb's subject is the speaker") {
  checkNamed("According to Reuters, [[Zuckerberg]] said: “We didn't do enough.”", "zuck");
  checkNamed("According to the transcript, [[Mr Zuckerberg]] told senators: “We didn't do "
             "enough.”",
             "zuck");
  checkNamed("According to [[Zuckerberg]], “We didn't do enough.”", "zuck");
  // An unknown name after "according to" may be where the words were reported, not who said them.
  auto all = attributions("According to Reuters, “We didn't do enough.”");
  REQUIRE(all.size() == 1);
  CHECK_FALSE(all[0].stranger);
}

TEST_CASE("a proper name the base does not know is a stranger, a description is not") {
  auto one = [](const std::string &text) {
    auto all = attributions(text);
    REQUIRE(all.size() == 1);
    return all[0];
  };
  Attribution a = one("“We didn't do enough,” Senator Jane Roe said.");
  CHECK(a.source == AttributionSource::Named);
  CHECK(a.person == nullptr);
  CHECK(a.stranger);
  CHECK(one("Jane Roe, a professor at Stanford, said: “We didn't do enough.”").stranger);
  CHECK(one("“We didn't do enough,” said Facebook COO Jane Roe.").stranger);
  CHECK_FALSE(one("“We didn't do enough,” a BBC reporter said.").stranger);
  CHECK_FALSE(one("“We didn't do enough,” one analyst said.").stranger);
  CHECK_FALSE(one("Critics said: “We didn't do enough.”").stranger);
  CHECK_FALSE(one("“We didn't do enough,” Ms Sandberg said.").stranger); // known: not a stranger
}

TEST_CASE("a place or body after from/at/in stays inside the speaker's phrase") {
  checkNamed("“We didn't do enough,” said [[Senator Lindsey Graham]] from South Carolina.",
             "graham");
  auto all = attributions("“We didn't do enough,” a professor at Stanford said.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::Named);
  CHECK(all[0].person == nullptr);
}

TEST_CASE("an apposition between the speaker and the verb, and 'in X's words'") {
  checkNamed("“We didn't do enough,” [[Sandberg]], 48, said.", "sandberg");
  checkNamed("“We didn't do enough,” [[Zuckerberg]], the Facebook chief, told reporters.", "zuck");
  checkNamed("In [[Zuckerberg's]] words, “We didn't do enough.”", "zuck");
  checkNamed("In [[Zuckerberg's]] own words, “We didn't do enough.”", "zuck");
  // A list after the closing mark is no apposition.
  auto all = attributions("“We didn't do enough,” Graham, Sandberg and others, it seems.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::None);
}

TEST_CASE("'as X put it', ', according to X' after the quote, 'X was quoted as saying'") {
  checkNamed("As [[Zuckerberg]] put it, “We didn't do enough.”", "zuck");
  checkNamed("“We didn't do enough,” according to [[Zuckerberg]].", "zuck");
  checkNamed("“We didn't do enough,” [[Zuckerberg]] was quoted as saying.", "zuck");
  auto all = attributions("“We didn't do enough,” according to Reuters.");
  REQUIRE(all.size() == 1);
  CHECK_FALSE(all[0].stranger); // a source of the report, perhaps, not a speaker
  all = attributions("Zuckerberg put out a statement. “We didn't do enough.”");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source != AttributionSource::Named);
}

TEST_CASE("a quote standing alone after a sentence headed by a speaker is that speaker's") {
  auto all = attributions("Sandberg was blunt. “You never fully solve security.”");
  REQUIRE(all.size() == 1);
  CHECK(all[0].source == AttributionSource::Named);
  REQUIRE(all[0].person != nullptr);
  CHECK(all[0].person->id == "sandberg");
  for (std::string text : {"Sandberg went further. “You never fully solve security.”",
                           "Sandberg, the COO, disagreed. “You never fully solve security.”"}) {
    INFO(text);
    all = attributions(text);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].person != nullptr);
    CHECK(all[0].person->id == "sandberg");
  }
  all = attributions("Ms. Sandberg was blunt. “You never fully solve security.”");
  REQUIRE(all.size() == 1);
  REQUIRE(all[0].person != nullptr);
  CHECK(all[0].person->id == "sandberg");
  // In a paragraph of its own after the sentence, too; and the sentence's occasion is the quote's.
  all = attributions("Zuckerberg was contrite at the hearing.\n\n“We didn't do enough.”");
  REQUIRE(all.size() == 1);
  REQUIRE(all[0].person != nullptr);
  CHECK(all[0].person->id == "zuck");
  CHECK(all[0].events == std::vector<std::string>{"hearing"});
  // A question's asker, a sentence about a name, or two people named: no speaker is said.
  for (std::string text : {"Graham asked about the data. “You never fully solve security.”",
                           "Zuckerberg's critics were unmoved. “You never fully solve security.”",
                           "Sandberg sat beside Zuckerberg. “You never fully solve security.”",
                           "Sandberg nodded. “You never fully solve security.”",
                           "Facebook shares rose. “You never fully solve security.”",
                           "Sandberg declined to comment. “You never fully solve security.”",
                           "## Sandberg\n\n“You never fully solve security.”",
                           "Sandberg was blunt.\n\n> “You never fully solve security.”",
                           "Sandberg was blunt. Then “You never fully solve security.”"}) {
    INFO(text);
    all = attributions(text);
    REQUIRE(all.size() == 1);
    CHECK(all[0].source != AttributionSource::Named);
  }
  // After another speaker's quote, the sentence must say how the new one spoke.
  all = attributions("“We didn't do enough,” Zuckerberg said.\n\nSandberg was also there.\n\n"
                     "“You never fully solve security.”");
  REQUIRE(all.size() == 2);
  CHECK(all[1].source != AttributionSource::Named);
  all = attributions("“We didn't do enough,” Zuckerberg said.\n\nSandberg was blunt.\n\n"
                     "“You never fully solve security.”");
  REQUIRE(all.size() == 2);
  REQUIRE(all[1].person != nullptr);
  CHECK(all[1].person->id == "sandberg");
  // A quote earlier in that sentence: its speaker goes on talking.
  all = attributions("“We didn't do enough,” Zuckerberg told Sandberg.\n\n“Out of nowhere.”");
  REQUIRE(all.size() == 2);
  CHECK(all[1].source == AttributionSource::Context);
  CHECK(all[1].person->id == "zuck");
}

TEST_CASE("'according to' a person's name the base does not know gives the words to a stranger") {
  auto all = attributions("According to Jane Roe, “We didn't do enough.”");
  REQUIRE(all.size() == 1);
  CHECK(all[0].person == nullptr);
  CHECK(all[0].stranger);
  for (std::string text : {"According to Reuters, “We didn't do enough.”",
                           "According to the BBC, “We didn't do enough.”",
                           "According to Business Insider, “We didn't do enough.”",
                           "According to the Wall Street Journal, “We didn't do enough.”"}) {
    INFO(text);
    all = attributions(text);
    REQUIRE(all.size() == 1);
    CHECK_FALSE(all[0].stranger);
  }
}

TEST_CASE("a title's period does not end the speaker's name") {
  for (std::string text :
       {"“We didn't do enough,” said Ms. Sandberg, the COO.",
        "“We didn't do enough,” said Ms. Sandberg.", "Said Ms. Sandberg: “We didn't do enough.”"}) {
    INFO(text);
    auto all = attributions(text);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].person != nullptr);
    CHECK(all[0].person->id == "sandberg");
  }
}

TEST_CASE("a dated label set off by a dash, bold or not, does not hide the speaker after it") {
  for (std::string text :
       {"- **4 April** — Sandberg, on the call: “We didn't do enough.”",
        "14:31 — Sandberg: “We didn't do enough.”", "**Sandberg:** “We didn't do enough.”"}) {
    INFO(text);
    auto all = attributions(text);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].person != nullptr);
    CHECK(all[0].person->id == "sandberg");
  }
}

TEST_CASE("a live blog's timestamp or tag does not hide the speaker after it") {
  for (std::string text :
       {"**[16:15]** Sandberg, returning to security, said: “We didn't do enough.”",
        "[16:15] Sandberg, returning to security, said: “We didn't do enough.”",
        "4.15pm Sandberg, returning to security, said: “We didn't do enough.”",
        "4pm Sandberg, returning to security, said: “We didn't do enough.”",
        "**16:15 BST** — Sandberg, returning to security, said: “We didn't do enough.”",
        "**Update:** Sandberg, returning to security, said: “We didn't do enough.”",
        "[Update] Sandberg, the COO, said: “We didn't do enough.”"}) {
    INFO(text);
    auto all = attributions(text);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].person != nullptr);
    CHECK(all[0].person->id == "sandberg");
  }
  // A count heading the sentence is not a label: nobody is named.
  auto all = attributions("44 senators, returning to security, said: “We didn't do enough.”");
  REQUIRE(all.size() == 1);
  CHECK(all[0].person == nullptr);
}

TEST_CASE("a lone quote right after a named speaker's is carried on in their name") {
  auto all = attributions("“A,” Sandberg said. “B.”\n\n“C.”");
  REQUIRE(all.size() == 3);
  CHECK(all[1].source == AttributionSource::Context);
  CHECK(all[1].carried);
  CHECK(all[2].carried);
  // A question is answered by someone else.
  for (std::string text :
       {"“Did you know?” Sandberg asked. “B.”", "“Tell us,” Sandberg asked. “B.”"}) {
    INFO(text);
    all = attributions(text);
    REQUIRE(all.size() == 2);
    CHECK_FALSE(all[1].carried);
  }
  all = attributions("“A,” Sandberg said. Nobody spoke. “B.”");
  REQUIRE(all.size() == 2);
  CHECK_FALSE(all[1].carried);
}

TEST_CASE("in the passive the subject heard the words, the speaker follows 'by'") {
  auto all = attributions("“We didn't do enough,” reporters were told by Sandberg.");
  REQUIRE(all.size() == 1);
  REQUIRE(all[0].person != nullptr);
  CHECK(all[0].person->id == "sandberg");
  for (std::string text : {"“We didn't do enough,” reporters were told.",
                           "Analysts were told: “We didn't do enough.”"}) {
    INFO(text);
    all = attributions(text);
    REQUIRE(all.size() == 1);
    CHECK(all[0].person == nullptr);
    CHECK(all[0].role.empty());
  }
}

TEST_CASE("the subject of a clause whose verb is not a speech verb hands on the quote") {
  // A phrase set before the subject with a comma is passed over.
  checkNamed("Asked about rivals, [[Zuckerberg]] was blunt: “We didn't do enough.”", "zuck");
  checkNamed("Earlier, on the call, [[Mr Zuckerberg]] struck a philosophical note: “We didn't do "
             "enough.”",
             "zuck");
  // A speech verb's word used as a noun ("a note", "his opening remarks") is not the verb.
  checkNamed("[[Zuckerberg]] said in his opening remarks: “We didn't do enough.”", "zuck");
  checkNamed("[[Mr Graham]] had a sharp note: “We didn't do enough.”", "graham");
  // A pronoun heading the clause: its speaker comes from the sentences before.
  auto he = attributions("Zuckerberg sat alone. Asked about rivals, he was blunt: “We didn't do "
                         "enough.”");
  REQUIRE(he.size() == 1);
  CHECK(he[0].source == AttributionSource::Pronoun);
  CHECK(who(he[0]) == "zuck");
}

TEST_CASE("a question's asker is named after it, though its mark ends the words") {
  checkNamed("Zuckerberg waited. “Would you share the names?” [[Mr Graham]] asked.", "graham");
  checkNamed("Zuckerberg waited. “Would you share the names!” [[Mr Graham]] said.", "graham");
}

TEST_CASE("a reply goes to someone other than the asker of the question before it") {
  auto all = attributions("Zuckerberg faced Mr Graham. “Is there an alternative?” Mr Graham "
                          "asked. “It certainly does not feel that way,” he replied.");
  REQUIRE(all.size() == 2);
  CHECK(who(all[0]) == "graham");
  CHECK(who(all[1]) == "zuck");
  CHECK(all[1].sure); // with the asker ruled out, Zuckerberg is the only one left
}

TEST_CASE("a pronoun only one person can be is sure") {
  auto sole = attributions("Mr Graham spoke first. “We didn't do enough,” he said.");
  REQUIRE(sole.size() == 1);
  CHECK(who(sole[0]) == "graham");
  CHECK(sole[0].sure);
  auto two = attributions("Mr Graham questioned Zuckerberg. “We didn't do enough,” he said.");
  REQUIRE(two.size() == 1);
  CHECK_FALSE(two[0].sure);
  // The sentence before, in the same paragraph, names him alone.
  auto prev = attributions("Zuckerberg arrived.\n\nMr Graham asked about apps. He said: “We "
                           "didn't do enough.”");
  REQUIRE(prev.size() == 1);
  CHECK(who(prev[0]) == "graham");
  CHECK(prev[0].sure);
}

TEST_CASE("testifying before an event names it, a time before one does not") {
  auto all = attributions("Testifying before the Senate, Zuckerberg said: “We didn't do enough.”");
  REQUIRE(all.size() == 1);
  REQUIRE_FALSE(all[0].events.empty());
  CHECK(all[0].events[0] == "hearing");
  // Before a body is in front of it: "Zuckerberg before the Senate", "before senators".
  auto body = attributions("Facing questions before the Senate, Zuckerberg said: “We didn't do "
                           "enough.”");
  REQUIRE(body.size() == 1);
  REQUIRE_FALSE(body[0].events.empty());
  CHECK(body[0].events[0] == "hearing");
  auto ahead = attributions("The week before the Senate hearing, Zuckerberg said: “We didn't do "
                            "enough.”");
  REQUIRE(ahead.size() == 1);
  CHECK(std::find(ahead[0].events.begin(), ahead[0].events.end(), "hearing") ==
        ahead[0].events.end());
}

TEST_CASE("a clause that introduces what follows is not the quote's before it") {
  // "Zuckerberg answered:" introduces his answer, not the question before it.
  auto all = attributions("Mr Graham asked, “What was the first site?” Zuckerberg answered:\n\n"
                          "“A prank.”");
  REQUIRE(all.size() == 2);
  CHECK(who(all[0]) == "graham");
  // A speech verb and its comma right before the quote introduce it, whatever follows.
  auto she = attributions("Ms Sandberg was there. She asked, “Do you know who they are?” "
                          "Zuckerberg admitted that he did.");
  REQUIRE(she.size() == 1);
  CHECK(who(she[0]) == "sandberg");
}

TEST_CASE("a pronoun near a person the base does not know is no one's for sure") {
  // Senator Gary Peters is not in the base: "he" may be him, so it is not Zuckerberg's.
  auto all = attributions("Zuckerberg spoke of his dorm room so often that Senator Gary Peters "
                          "poked fun at it. “You talked about your humble beginnings,” he said.");
  REQUIRE(all.size() == 1);
  CHECK(all[0].person == nullptr);
  auto named = attributions("Zuckerberg mentioned his dorm room. Walden joked about it. “You "
                            "have been respectful,” he said.");
  REQUIRE(named.size() == 1);
  CHECK(named[0].person == nullptr);
  // An outlet that asks ("the Financial Times asked") is no one "he" may mean.
  auto outlet = attributions("Zuckerberg spoke. When the Financial Times asked him, he answered: "
                             "“We didn't do enough.”");
  REQUIRE(outlet.size() == 1);
  CHECK(who(outlet[0]) == "zuck");
  // With no one unknown about, the pronoun is resolved as before.
  auto known = attributions("Zuckerberg mentioned his dorm room. “We didn't do enough,” he said.");
  REQUIRE(known.size() == 1);
  CHECK(who(known[0]) == "zuck");
}
