// FigurePlaces: the countries and regions a count is narrowed to ("users in Britain", "British
// users", "Americans"), so that a part is never checked against a worldwide total.
#include "analyzers/figure_places.h"

#include <algorithm>
#include <array>

namespace factline::analyzers {
namespace {

struct PlaceName {
  std::string_view words; // stemmed, space-separated: "united kingdom", "briton"
  std::string_view id;
};

// Countries and regions a report on a worldwide count is most often broken down by, with their
// adjectives and the nouns for their people, stemmed the way FigureLinker::stem stems draft
// words (a final "s" dropped).
constexpr std::array<PlaceName, 64> kPlaces = {{
    {"britain", "gb"},
    {"great britain", "gb"},
    {"uk", "gb"},
    {"united kingdom", "gb"},
    {"british", "gb"},
    {"briton", "gb"},
    {"brit", "gb"},
    {"england", "gb"},
    {"scotland", "gb"},
    {"scottish", "gb"},
    {"scot", "gb"},
    {"wale", "gb"},
    {"welsh", "gb"},
    {"us", "us"},
    {"usa", "us"},
    {"united state", "us"},
    {"america", "us"},
    {"american", "us"},
    {"australia", "au"},
    {"australian", "au"},
    {"aussie", "au"},
    {"canada", "ca"},
    {"canadian", "ca"},
    {"new zealand", "nz"},
    {"new zealander", "nz"},
    {"ireland", "ie"},
    {"irish", "ie"},
    {"india", "in"},
    {"indian", "in"},
    {"philippine", "ph"},
    {"filipino", "ph"},
    {"indonesia", "id"},
    {"indonesian", "id"},
    {"germany", "de"},
    {"german", "de"},
    {"france", "fr"},
    {"french", "fr"},
    {"europe", "eu"},
    {"european", "eu"},
    {"eu", "eu"},
    {"mexico", "mx"},
    {"mexican", "mx"},
    {"brazil", "br"},
    {"brazilian", "br"},
    {"vietnam", "vn"},
    {"vietnamese", "vn"},
    {"japan", "jp"},
    {"japanese", "jp"},
    {"china", "cn"},
    {"chinese", "cn"},
    {"russia", "ru"},
    {"russian", "ru"},
    {"asia", "asia"},
    {"asian", "asia"},
    {"africa", "africa"},
    {"african", "africa"},
    {"kenya", "ke"},
    {"kenyan", "ke"},
    {"nigeria", "ng"},
    {"nigerian", "ng"},
    {"malaysia", "my"},
    {"malaysian", "my"},
    {"u s", "us"}, // "U.S."
    {"u k", "gb"}, // "U.K."
}};

bool wordsAt(const std::vector<std::string> &words, std::size_t at, std::string_view phrase,
             std::size_t *length) {
  std::size_t n = 0;
  while (!phrase.empty()) {
    std::size_t space = phrase.find(' ');
    std::string_view w = phrase.substr(0, space);
    if (at + n >= words.size() || words[at + n] != w)
      return false;
    ++n;
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  *length = n;
  return true;
}

} // namespace

std::string_view placeAt(const std::vector<std::string> &words, std::size_t at,
                         std::string_view original, std::size_t *length) {
  std::string_view best;
  std::size_t best_length = 0;
  for (const PlaceName &p : kPlaces) {
    std::size_t n = 0;
    if (wordsAt(words, at, p.words, &n) && n > best_length) {
      // "us" is a place only when written "US": the pronoun is far more common; "U.S." and
      // "U.K." only in capitals.
      if (p.words == "us" && original != "US")
        continue;
      if (p.words.starts_with("u ") && original != "U")
        continue;
      best = p.id;
      best_length = n;
    }
  }
  *length = best_length;
  return best;
}

std::vector<std::string> placesOf(const std::vector<std::string> &stemmed_words,
                                  const std::vector<std::string> &originals) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < stemmed_words.size(); ++i) {
    std::size_t n = 0;
    std::string_view id = placeAt(stemmed_words, i, i < originals.size() ? originals[i] : "", &n);
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end())
      out.emplace_back(id);
  }
  return out;
}

} // namespace factline::analyzers
