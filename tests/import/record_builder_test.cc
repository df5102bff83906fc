// From turns to records: who each label is, records of paragraph size, stable ids, candidates.
#include <catch2/catch.hpp>

#include "importer/record_builder.h"

using namespace factline::importer;
using factline::facts::Person;

namespace {

Import build(const std::string &text, ImportOptions options = {},
             std::vector<const Person *> known = {}) {
  if (options.event.empty())
    options.event = "ev";
  Transcript t = readTranscript(text, detectFormat(text));
  REQUIRE(t.errors.empty());
  return buildImport(t, options, known);
}

Person person(std::string id, std::string name, std::vector<std::string> aliases) {
  Person p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.aliases = std::move(aliases);
  return p;
}

} // namespace

TEST_CASE("a label naming a person of the base is that person, not a new one", "[import]") {
  Person mark = person("mark-zuckerberg", "Mark Zuckerberg", {"Zuckerberg"});
  Import in = build("GRASSLEY: Welcome.\n\nZUCKERBERG: Thank you.\n\nGRASSLEY: Go on.\n", {},
                    {&mark});
  CHECK(in.label_ids.at("ZUCKERBERG") == "mark-zuckerberg");
  REQUIRE(in.new_people.size() == 1);
  CHECK(in.new_people[0].id == "grassley");
  CHECK(in.quotes.at(1).speaker == "mark-zuckerberg");
}

TEST_CASE("a surname alone after the full name in the same transcript is the same person",
          "[import]") {
  Import in = build("SEN. CHUCK GRASSLEY (R-IOWA): Welcome.\n\nGRASSLEY: We begin.\n");
  REQUIRE(in.new_people.size() == 1);
  CHECK(in.new_people[0].name == "Chuck Grassley");
  CHECK(in.label_ids.at("GRASSLEY") == "chuck-grassley");
  CHECK(in.new_people[0].descriptors == std::vector<std::string>{"Senator (R-Iowa)"});
}

TEST_CASE("labels that are nobody in particular, or two people, stay unresolved until mapped",
          "[import]") {
  Person a = person("ann-lee", "Ann Lee", {"Lee"});
  Person b = person("bo-lee", "Bo Lee", {"Lee"});
  const std::string text = "Speaker 1: Hello.\n\nLEE: Hi.\n\nSpeaker 1: Bye.\n\nLEE: Bye.\n";
  Import in = build(text, {}, {&a, &b});
  REQUIRE(in.unresolved.size() == 2);
  CHECK(in.unresolved[0].label == "Speaker 1");
  CHECK(in.unresolved[0].turns == 2);
  CHECK(in.unresolved[1].why == "could be ann-lee or bo-lee");
  CHECK(in.quotes.empty());

  ImportOptions mapped;
  mapped.speakers = {{"speaker 1", "-"}, {"LEE", "bo-lee"}};
  Import settled = build(text, mapped, {&a, &b});
  CHECK(settled.unresolved.empty());
  CHECK(settled.left_out_turns == 2);
  REQUIRE(settled.quotes.size() == 2);
  CHECK(settled.quotes[0].speaker == "bo-lee");
  CHECK(settled.quotes[0].turn == 2); // turns count every turn, mapped out or not

  ImportOptions wrong;
  wrong.speakers = {{"LEE", "nobody"}};
  Import refused = build(text, wrong, {&a, &b});
  REQUIRE(refused.mapping_errors.size() == 1);
  CHECK(refused.mapping_errors[0].message.starts_with("unknown person id 'nobody'"));
}

TEST_CASE("a long answer is cut into records at sentence ends, in order, with stable ids",
          "[import]") {
  std::string answer;
  for (int i = 1; i <= 30; ++i)
    answer += "Sentence number " + std::to_string(i) + " has exactly seven words. ";
  ImportOptions options;
  options.event = "council";
  options.max_record_words = 50;
  Import in = build("MAYOR ANN LEE: " + answer + "\n", options);
  REQUIRE(in.quotes.size() == 5); // 30 sentences of 7 words, at most 7 to a record of 50
  for (std::size_t i = 0; i < in.quotes.size(); ++i) {
    CHECK(in.quotes[i].turn == 1);
    CHECK(in.quotes[i].part == i + 1);
    CHECK(in.quotes[i].text.ends_with("seven words."));
  }
  CHECK(in.quotes[0].id == "q-council-t1-1");
  CHECK(in.quotes[4].id == "q-council-t1-5");
  CHECK(in.quotes[1].text.starts_with("Sentence number 8 "));
}

TEST_CASE("caption records are cut by sentence and take the time of the cue they start in",
          "[import]") {
  std::string vtt = "WEBVTT\n\n";
  for (int i = 0; i < 12; ++i) {
    char timing[64];
    std::snprintf(timing, sizeof timing, "00:00:%02d.000 --> 00:00:%02d.000\n", i * 4, i * 4 + 4);
    vtt += timing;
    vtt += std::string(i == 0 ? "<v Ann Lee>" : "") + "We have ten words in this cue and then it" +
           " ends. Then\n\n";
  }
  Import in = build(vtt);
  REQUIRE(in.quotes.size() >= 2);
  CHECK(in.quotes[0].time == "00:00:00");
  CHECK(in.quotes[1].time != "00:00:00");
  for (const QuoteRecord &r : in.quotes)
    CHECK(r.text.size() < 600);
}

TEST_CASE("figures a speaker states are candidates with their sentence, unit and speaker",
          "[import]") {
  Import in = build("MAYOR ANN LEE: The bridge carries 14,000 vehicles every day. It opened in "
                    "1961. About 30 percent of them are trucks.\n",
                    [] {
                      ImportOptions o;
                      o.event = "council";
                      return o;
                    }());
  REQUIRE(in.figures.size() == 2); // the year is no figure
  const FigureCandidate &v = in.figures[0];
  CHECK(v.id == "f-council-t1-1-1");
  CHECK(v.value == 14000);
  CHECK(v.unit == "vehicles");
  CHECK(v.stated_by == "ann-lee");
  CHECK(v.context == "The bridge carries 14,000 vehicles every day.");
  CHECK(v.quote == "q-council-t1-1");
  const FigureCandidate &p = in.figures[1];
  CHECK(p.kind == factline::facts::FigureKind::Percent);
  CHECK(p.value == 30);
  CHECK(p.qualifier == "about");
  CHECK(std::find(p.keywords.begin(), p.keywords.end(), "trucks") != p.keywords.end());
}

TEST_CASE("sentences are cut after a full stop, not after a title or an initial", "[import]") {
  auto s = sentencesOf("Mr. Smith met Sen. Lee. They spoke to J. Doe at 5. Then left!");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == std::pair<std::size_t, std::size_t>{0, 23}); // "Mr. Smith met Sen. Lee."
}
