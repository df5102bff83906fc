// FigureDirection: the words that say a change was a rise or a fall ("closed up", "fell"), and
// each one's opposite in the same form, for fixing a draft that turns a rise into a fall.
#include "analyzers/figure_direction.h"

#include <array>

namespace factline::analyzers {
namespace {

struct DirectionWord {
  std::string_view word;
  int direction;
  std::string_view opposite; // the same form of the opposite change
};

// Every form is listed, and with it every form FigureLinker::stem reduces it to ("falls" ->
// "fall"), so that stemmed words can be looked up too. Nouns and verbs that share a form take an
// opposite that serves as both ("gain" -> "fall": "a 4.5 per cent fall", "shares fall").
constexpr std::array<DirectionWord, 106> kWords = {{
    {"rise", 1, "fall"},         {"rises", 1, "falls"},        {"rose", 1, "fell"},
    {"risen", 1, "fallen"},      {"rising", 1, "falling"},     {"up", 1, "down"},
    {"surge", 1, "plunge"},      {"surges", 1, "plunges"},     {"surged", 1, "plunged"},
    {"surging", 1, "plunging"},  {"jump", 1, "drop"},          {"jumps", 1, "drops"},
    {"jumped", 1, "dropped"},    {"jumping", 1, "dropping"},   {"gain", 1, "fall"},
    {"gains", 1, "falls"},       {"gained", 1, "fell"},        {"gaining", 1, "falling"},
    {"climb", 1, "fall"},        {"climbs", 1, "falls"},       {"climbed", 1, "fell"},
    {"climbing", 1, "falling"},  {"increase", 1, "fall"},      {"increases", 1, "falls"},
    {"increased", 1, "fell"},    {"increasing", 1, "falling"}, {"higher", 1, "lower"},
    {"soar", 1, "plunge"},       {"soars", 1, "plunges"},      {"soared", 1, "plunged"},
    {"soaring", 1, "plunging"},  {"rally", 1, "fall"},         {"rallied", 1, "fell"},
    {"rebound", 1, "fall"},      {"rebounded", 1, "fell"},     {"advance", 1, "fall"},
    {"advanced", 1, "fell"},     {"fall", -1, "rise"},         {"falls", -1, "rises"},
    {"fell", -1, "rose"},        {"fallen", -1, "risen"},      {"falling", -1, "rising"},
    {"down", -1, "up"},          {"drop", -1, "rise"},         {"drops", -1, "rises"},
    {"dropped", -1, "rose"},     {"dropping", -1, "rising"},   {"plunge", -1, "surge"},
    {"plunges", -1, "surges"},   {"plunged", -1, "surged"},    {"plunging", -1, "surging"},
    {"lost", -1, "gained"},      {"lose", -1, "gain"},         {"loses", -1, "gains"},
    {"losing", -1, "gaining"},   {"loss", -1, "gain"},         {"decline", -1, "rise"},
    {"declines", -1, "rises"},   {"declined", -1, "rose"},     {"declining", -1, "rising"},
    {"slide", -1, "rise"},       {"slides", -1, "rises"},      {"slid", -1, "rose"},
    {"sliding", -1, "rising"},   {"sank", -1, "rose"},         {"sink", -1, "rise"},
    {"sinks", -1, "rises"},      {"sinking", -1, "rising"},    {"tumble", -1, "jump"},
    {"tumbles", -1, "jumps"},    {"tumbled", -1, "jumped"},    {"tumbling", -1, "jumping"},
    {"lower", -1, "higher"},     {"slump", -1, "surge"},       {"slumps", -1, "surges"},
    {"slumped", -1, "surged"},   {"dip", -1, "rise"},          {"dips", -1, "rises"},
    {"dipped", -1, "rose"},      {"slip", -1, "rise"},         {"slips", -1, "rises"},
    {"slipped", -1, "rose"},     {"plummet", -1, "surge"},     {"plummets", -1, "surges"},
    {"plummeted", -1, "surged"}, {"shed", -1, "gained"},       {"crash", -1, "surge"},
    {"crashed", -1, "surged"},   {"decrease", -1, "rise"},     {"decreased", -1, "rose"},
    {"decreases", -1, "rises"},  {"decreasing", -1, "rising"}, {"slumping", -1, "surging"},
    {"dipping", -1, "rising"},   {"slipping", -1, "rising"},   {"plummeting", -1, "surging"},
    {"crashing", -1, "surging"}, {"tanked", -1, "surged"},     {"added", 1, "lost"},
    {"adds", 1, "loses"},        {"adding", 1, "losing"},      {"popped", 1, "dropped"},
    {"spiked", 1, "plunged"},    {"rocketed", 1, "plunged"},   {"tank", -1, "surge"},
    {"tanks", -1, "surges"},
}};

bool sameFolded(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i])
      return false;
  }
  return true;
}

const DirectionWord *find(std::string_view word) {
  for (const DirectionWord &w : kWords)
    if (sameFolded(word, w.word))
      return &w;
  return nullptr;
}

} // namespace

int directionOfWord(std::string_view lower_word) {
  const DirectionWord *w = find(lower_word);
  return w ? w->direction : 0;
}

int directionOf(const std::vector<std::string> &lower_words) {
  bool rise = false, fall = false;
  for (const std::string &s : lower_words) {
    int d = directionOfWord(s);
    rise = rise || d > 0;
    fall = fall || d < 0;
  }
  return rise == fall ? 0 : rise ? 1 : -1;
}

std::string oppositeDirectionWord(std::string_view word) {
  const DirectionWord *w = find(word);
  if (!w)
    return "";
  std::string out(w->opposite);
  if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

} // namespace factline::analyzers
