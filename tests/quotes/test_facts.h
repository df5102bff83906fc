// A small fact base built in code for the quote tests: two people, two organisations, two events.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "analyzers/document.h"
#include "facts/fact_index.h"

namespace factline::tests {

inline std::shared_ptr<facts::FactIndex> smallFactIndex() {
  auto base = std::make_shared<facts::FactBase>();
  using facts::EntityKind;
  base->people = {
      {"zuck",
       EntityKind::Person,
       "Mark Zuckerberg",
       {"Zuckerberg", "Mr Zuckerberg"},
       {"the Facebook CEO", "the Facebook chief"},
       "Facebook CEO",
       "he",
       "fb"},
      {"graham",
       EntityKind::Person,
       "Lindsey Graham",
       {"Graham", "Mr Graham", "Senator Lindsey Graham"},
       {},
       "Senator",
       "he",
       ""},
      {"sandberg",
       EntityKind::Person,
       "Sheryl Sandberg",
       {"Sandberg", "Ms Sandberg"},
       {},
       "Facebook COO",
       "she",
       "fb"},
      {"fb",
       EntityKind::Organisation,
       "Facebook",
       {"Facebook"},
       {"the social network"},
       "",
       "it",
       ""},
      {"ca",
       EntityKind::Organisation,
       "Cambridge Analytica",
       {"Cambridge Analytica"},
       {},
       "",
       "it",
       ""},
  };
  base->events = {
      {"call",
       "conference call with reporters",
       "2018-04-04",
       {"call with reporters", "reporters"},
       ""},
      {"hearing", "Senate hearing", "2018-04-10", {"the hearing", "Senate", "opening remarks"}, ""},
  };
  base->sources = {{"src", "A report", "Publisher", "2018-04-05", ""}};
  auto quote = [&](std::string id, std::string text, std::string speaker, std::string event,
                   std::string date) {
    facts::Quote q;
    q.id = base->keep(id);
    q.text = base->keep(text);
    q.speaker = base->keep(speaker);
    q.event = base->keep(event);
    q.date = base->keep(date);
    q.source = "src";
    base->quotes.push_back(std::move(q));
  };
  quote("q-enough",
        "We didn't do enough. We didn't focus enough on preventing abuse ... that goes for fake "
        "news. We didn't take a broad enough view and that was a huge mistake.",
        "zuck", "call", "2018-04-04");
  quote("q-battle", "This is going to be a never-ending battle. You never fully solve security.",
        "zuck", "call", "2018-04-04");
  quote("q-parties", "We never put out the 50 million number, that was other parties.", "zuck",
        "call", "2018-04-04");
  quote("q-priority",
        "My top priority has always been our social mission of connecting people, building "
        "community and bringing the world closer together.",
        "zuck", "hearing", "2018-04-10");
  quote("q-absolutely", "Absolutely.", "zuck", "hearing", "2018-04-10");
  quote("q-would-work", "would work", "graham", "hearing", "2018-04-10");
  quote("q-audit",
        "We have stood down temporarily to let the UK government do their investigation and their "
        "audit.",
        "zuck", "call", "2018-04-04");
  quote("q-ca-deleted", "We deleted all the data that Facebook gave us three years ago.", "ca", "",
        "2018-04-10");
  base->quotes.back().variants.push_back({"We deleted all the data Facebook gave us.", "src", ""});
  base->reindex();
  return std::make_shared<facts::FactIndex>(base);
}

inline analyzers::Document markdown(const std::string &text) {
  return analyzers::Document(text, analyzers::DraftFormat::Markdown);
}

} // namespace factline::tests
