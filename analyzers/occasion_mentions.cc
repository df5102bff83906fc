// OccasionMentions: a definite noun matched against the head nouns of occasions named before.
#include "analyzers/occasion_mentions.h"

#include <algorithm>

#include "analyzers/ascii.h"

namespace factline::analyzers {
namespace {

// The head noun of a name of two words or more: its last word before any "with", "of", "that"
// ("conference call with reporters" -> "call", "joint hearing of the Senate ..." -> "hearing",
// "Cambridge Analytica statement that it had deleted all the data" -> "statement").
// A one-word name is already a name in its own right and is matched as one elsewhere.
std::string headNoun(std::string_view name) {
  std::vector<std::string> words;
  std::string w;
  for (char c : name) {
    if (c == ' ') {
      if (!w.empty())
        words.push_back(lowerAscii(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty())
    words.push_back(lowerAscii(w));
  if (words.size() < 2)
    return {};
  std::size_t end = words.size();
  for (std::size_t k = 1; k < words.size(); ++k)
    if (words[k] == "with" || words[k] == "of" || words[k] == "for" || words[k] == "on" ||
        words[k] == "by" || words[k] == "to" || words[k] == "that" || words[k] == "which" ||
        words[k] == "about" || words[k] == "in" || words[k] == "at" || words[k] == "from") {
      end = k;
      break;
    }
  return words[end - 1];
}

bool pointsBack(std::string_view w) {
  return w == "the" || w == "that" || w == "this" || w == "same";
}

} // namespace

std::vector<std::string> occasionsReferredBack(const std::vector<ClauseToken> &words,
                                               const facts::FactBase &base,
                                               const std::vector<std::string> &named_before) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (!words[k].isWord() || !pointsBack(words[k].lower) || !words[k + 1].isWord())
      continue;
    std::size_t n = k + 1;
    if (words[n].is("same") && n + 1 < words.size() && words[n + 1].isWord())
      ++n; // "the same call"
    const std::string &noun = words[n].lower;
    for (const std::string &id : named_before) {
      const facts::Event *e = base.event(id);
      if (!e || std::find(out.begin(), out.end(), id) != out.end())
        continue;
      const bool heads = headNoun(e->name) == noun ||
                         std::any_of(e->aliases.begin(), e->aliases.end(),
                                     [&](const std::string &a) { return headNoun(a) == noun; });
      if (heads)
        out.push_back(id);
    }
  }
  return out;
}

} // namespace factline::analyzers
