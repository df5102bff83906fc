// Reading each transcript form into turns: labels, paragraphs, times, interjections, errors.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "importer/speaker_label.h"
#include "importer/transcript.h"

using namespace factline::importer;

namespace {

std::string sample(const std::string &name) {
  std::ifstream in(std::string(FACTLINE_SOURCE_DIR) + "/tests/import/data/" + name,
                   std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Transcript read(const std::string &text) { return readTranscript(text, detectFormat(text)); }

std::vector<std::string> labels(const Transcript &t) {
  std::vector<std::string> out;
  for (const Turn &turn : t.turns)
    out.push_back(turn.label);
  return out;
}

} // namespace

TEST_CASE("each sample's form is judged from its content", "[import]") {
  CHECK(detectFormat(sample("council.txt")) == TranscriptFormat::Text);
  CHECK(detectFormat(sample("interview.txt")) == TranscriptFormat::Service);
  CHECK(detectFormat(sample("service.txt")) == TranscriptFormat::Service);
  CHECK(detectFormat(sample("captions.vtt")) == TranscriptFormat::WebVtt);
  CHECK(detectFormat(sample("captions.srt")) == TranscriptFormat::Srt);
  CHECK(detectFormat(sample("panel.md")) == TranscriptFormat::Markdown);
}

TEST_CASE("speaker-labelled text: label styles, turns over paragraphs, interjections out",
          "[import]") {
  Transcript t = read(sample("council.txt"));
  REQUIRE(t.errors.empty());
  // The title lines before the first label are no one's words, and "THE CLERK" is a turn.
  CHECK(labels(t) == std::vector<std::string>{"MAYOR DELIA OKAFOR",
                                              "COUNCILMEMBER RAY TILLMAN (WARD 3)", "OKAFOR",
                                              "TILLMAN", "MR. PRUITT", "THE CLERK"});
  REQUIRE(t.warnings.size() == 1);
  CHECK(t.warnings[0].line == 1);
  const Turn &mayor = t.turns[0];
  REQUIRE(mayor.paragraphs.size() == 2);
  CHECK(mayor.paragraphs[0].text ==
        "Good evening. The council is in session. We have one item tonight, the bridge on Alder "
        "Street.");
  CHECK(mayor.paragraphs[1].line == 7);
  CHECK(t.turns[1].paragraphs[0].text.find("crosstalk") == std::string::npos);
  CHECK(t.turns[2].paragraphs.size() == 1); // "(LAUGHTER)" alone is no paragraph
  CHECK(t.turns[4].paragraphs[0].text.starts_with("I would add"));
}

TEST_CASE("the Congressional Record's labels: a title, a name, a full stop", "[import]") {
  Transcript t = read("Chairman Walden. The committee will come to order.\n\n"
                      "Mr. ZUCKERBERG. Thank you. I started Facebook in my dorm room.\n\n"
                      "The CHAIRMAN. The gentleman yields back.\n"
                      "Mr. Zuckerberg said nothing more.\n");
  REQUIRE(t.errors.empty());
  CHECK(labels(t) == std::vector<std::string>{"Chairman Walden", "Mr. ZUCKERBERG", "The CHAIRMAN"});
  // A sentence that starts with a title is not a label: its next word is not capitalised.
  CHECK(t.turns[2].paragraphs[0].text == "The gentleman yields back. Mr. Zuckerberg said nothing more.");
}

TEST_CASE("a capitalised word and a colon inside a turn is no label unless it recurs", "[import]") {
  Transcript t = read("ANN LEE: Hello.\n\nToday: we begin.\n\nLEE: Thank you.\n");
  CHECK(labels(t) == std::vector<std::string>{"ANN LEE", "LEE"});
  CHECK(t.turns[0].paragraphs.at(1).text == "Today: we begin.");
}

TEST_CASE("a label in parentheses is a turn of nobody in particular", "[import]") {
  Transcript t = read("ANN LEE: Hello.\n\n(UNKNOWN): Who is that?\n\nLEE: Me.\n");
  CHECK(labels(t) == std::vector<std::string>{"ANN LEE", "(UNKNOWN)", "LEE"});
  CHECK(parseSpeakerLabel("(UNKNOWN)").generic);
}

TEST_CASE("a one-word label that appears once before any other is a dateline, not a speaker",
          "[import]") {
  Transcript t = read("WASHINGTON: The hearing opened at ten.\n\nGRASSLEY: Good morning.\n\n"
                      "SEN. CHUCK GRASSLEY (R-IOWA): We will begin.\n");
  CHECK(labels(t) == std::vector<std::string>{"GRASSLEY", "SEN. CHUCK GRASSLEY (R-IOWA)"});
}

TEST_CASE("service exports: timed labels, alone on their line or with a colon", "[import]") {
  Transcript t = read(sample("interview.txt"));
  REQUIRE(t.turns.size() == 4);
  CHECK(t.turns[1].label == "Tomas Reyes");
  CHECK(t.turns[1].time == "00:00:11");
  CHECK(t.turns[3].paragraphs[0].text.ends_with("give them a tool."));
  Transcript s = read(sample("service.txt"));
  REQUIRE(s.turns.size() == 2);
  CHECK(s.turns[0].label == "Speaker 1");
  CHECK(s.turns[1].time == "00:00:05");
}

TEST_CASE("WebVTT: voice tags, cues merged across their breaks, each cue's time", "[import]") {
  Transcript t = read(sample("captions.vtt"));
  REQUIRE(t.errors.empty());
  CHECK(labels(t) ==
        std::vector<std::string>{"Priya Nandakumar", "Owen Castell", "Priya Nandakumar"});
  REQUIRE(t.turns[0].paragraphs.size() == 2);
  CHECK(t.turns[0].paragraphs[0].runs_on);
  CHECK(t.turns[0].paragraphs[1].time == "00:00:04");
  CHECK(t.turns[0].paragraphs[1].text == "out of the river last summer. That is a record.");
}

TEST_CASE("SRT: \">> NAME:\" speaker changes, bracketed sounds left out", "[import]") {
  Transcript t = read(sample("captions.srt"));
  REQUIRE(t.errors.empty());
  CHECK(labels(t) == std::vector<std::string>{"DIRECTOR ELSA VIK", "JONAS BRANDT", "VIK"});
  REQUIRE(t.turns[0].paragraphs.size() == 2);
  CHECK(t.turns[0].paragraphs[1].text == "two million containers this year.");
}

TEST_CASE("Markdown: bold labels, emphasis and headings left out", "[import]") {
  Transcript t = read(sample("panel.md"));
  REQUIRE(t.turns.size() == 3);
  CHECK(t.turns[0].label == "Principal Ana Ruiz");
  CHECK(parseSpeakerLabel(t.turns[0].label).name == "Ana Ruiz");
  CHECK(t.turns[0].paragraphs.size() == 2);
  CHECK(t.turns[1].paragraphs[0].text == "Thank you. And what did it cost?");
}

TEST_CASE("bad input: no labels, an unreadable caption timing, each said with its line",
          "[import]") {
  Transcript none = readTranscript("Just some prose.\nNo one speaks here.\n", TranscriptFormat::Text);
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].message.starts_with("no speaker labels found as text"));
  Transcript bad = readTranscript("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v A B>Hello.\n\n"
                                  "00:00:0x.000 --> 00:00:09.000\n<v A B>Again.\n",
                                  TranscriptFormat::WebVtt);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].line == 6);
  CHECK(bad.errors[0].message == "unreadable caption timestamp '00:00:0x.000'");
}

TEST_CASE("times are normalised to hh:mm:ss", "[import]") {
  CHECK(normalTime("3:12") == "00:03:12");
  CHECK(normalTime("1:03:12.500") == "01:03:12");
  CHECK(normalTime("00:03:12,000") == "00:03:12");
  CHECK_FALSE(normalTime("3:72"));
  CHECK_FALSE(normalTime("12"));
  CHECK_FALSE(normalTime("a:bc"));
}

TEST_CASE("interjections are left out of the words, other brackets kept", "[import]") {
  CHECK(withoutInterjections("Yes. (LAUGHTER) We will. [crosstalk] Thank you.") ==
        "Yes. We will. Thank you.");
  CHECK(withoutInterjections("It was (inaudible) clear.") == "It was clear.");
  CHECK(withoutInterjections("the rule (which we wrote) holds") ==
        "the rule (which we wrote) holds");
}

TEST_CASE("speaker labels: titles, name, party and state, aliases", "[import]") {
  SpeakerLabel g = parseSpeakerLabel("SEN. CHUCK GRASSLEY (R-IOWA)");
  CHECK(g.name == "Chuck Grassley");
  CHECK(g.surname == "Grassley");
  CHECK(g.affiliation == "R-Iowa");
  CHECK(descriptorOf(g) == "Senator (R-Iowa)");
  std::vector<std::string> a = aliasesOf(g);
  for (const char *alias : {"Grassley", "Sen. Grassley", "Senator Grassley"})
    CHECK(std::find(a.begin(), a.end(), alias) != a.end());
  SpeakerLabel z = parseSpeakerLabel("MR. ZUCKERBERG");
  CHECK(z.name == "Zuckerberg");
  CHECK(z.given.empty());
  CHECK(pronounOf(z) == "he");
  CHECK(parseSpeakerLabel("Speaker 1").generic);
  CHECK(parseSpeakerLabel("UNIDENTIFIED MALE").generic);
  CHECK(parseSpeakerLabel("The CHAIRMAN").generic);
  CHECK(parseSpeakerLabel(">>").generic);
  CHECK(parseSpeakerLabel("KEVIN MCCARTHY").name == "Kevin McCarthy");
  CHECK(slug("Chuck Grassley") == "chuck-grassley");
  CHECK(slug("Beto O'Rourke") == "beto-orourke");
}
