// OccasionMentions: a definite noun matched against the head nouns of occasions named before.
#include "analyzers/occasion_mentions.h"

#include <algorithm>
#include <cctype>

namespace factline::analyzers {
namespace {

bool isStop(std::string_view w) {
  for (std::string_view stop :
       {"with", "of", "for", "on", "by", "to", "that", "which", "about", "in", "at", "from"})
    if (w.size() == stop.size() && std::equal(w.begin(), w.end(), stop.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
      return true;
  return false;
}

// The head noun of a name of two words or more: its last word before any "with", "of", "that"
// ("conference call with reporters" -> "call", "joint hearing of the Senate ..." -> "hearing",
// "Cambridge Analytica statement that it had deleted all the data" -> "statement").
// A one-word name is already a name in its own right and is matched as one elsewhere.
// (Read word by word without copying: the names are read for every definite noun of a clause.)
std::string_view headNoun(std::string_view name) {
  std::string_view last;
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size();) {
    while (i < name.size() && name[i] == ' ')
      ++i;
    std::size_t e = name.find(' ', i);
    if (e == std::string_view::npos)
      e = name.size();
    if (e == i)
      break;
    const std::string_view w = name.substr(i, e - i);
    if (count > 0 && isStop(w))
      break;
    last = w;
    ++count;
    i = e;
  }
  return count >= 2 || (count >= 1 && last.size() < name.size()) ? last : std::string_view();
}

bool sameWord(std::string_view head, std::string_view lower) {
  return !head.empty() && head.size() == lower.size() &&
         std::equal(head.begin(), head.end(), lower.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

bool pointsBack(std::string_view w) {
  return w == "the" || w == "that" || w == "this" || w == "same";
}

bool headsEvent(const facts::Event &e, std::string_view noun) {
  return sameWord(headNoun(e.name), noun) ||
         std::any_of(e.aliases.begin(), e.aliases.end(),
                     [&](const std::string &a) { return sameWord(headNoun(a), noun); });
}

// The word after a determiner at k ("the call", "the same call"), or null.
const ClauseToken *nounAfter(const std::vector<ClauseToken> &words, std::size_t k) {
  if (!words[k].isWord() || !pointsBack(words[k].lower) || !words[k + 1].isWord())
    return nullptr;
  std::size_t n = k + 1;
  if (words[n].is("same") && n + 1 < words.size() && words[n + 1].isWord())
    ++n; // "the same call"
  return &words[n];
}

} // namespace

bool mayReferBack(const std::vector<ClauseToken> &words, const facts::FactBase &base) {
  for (std::size_t k = 0; k + 1 < words.size(); ++k)
    if (const ClauseToken *noun = nounAfter(words, k))
      for (const facts::Event &e : base.events)
        if (headsEvent(e, noun->lower))
          return true;
  return false;
}

std::vector<std::string> occasionsReferredBack(const std::vector<ClauseToken> &words,
                                               const facts::FactBase &base,
                                               const std::vector<std::string> &named_before) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const ClauseToken *noun = nounAfter(words, k);
    if (!noun)
      continue;
    for (const std::string &id : named_before) {
      const facts::Event *e = base.event(id);
      if (e && std::find(out.begin(), out.end(), id) == out.end() && headsEvent(*e, noun->lower))
        out.push_back(id);
    }
  }
  return out;
}

} // namespace factline::analyzers
