// SpeakerResolver: runs of a noun phrase looked up through FactIndex::resolvePerson.
#include "analyzers/speaker_resolver.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "analyzers/edit_distance.h"

namespace factline::analyzers {
namespace {

// Nouns for someone speaking on an organisation's behalf: their words are the organisation's.
constexpr std::array<std::string_view, 12> kSpokesNouns = {
    "spokesman", "spokeswoman", "spokesperson", "representative", "official", "officials",
    "statement", "spokesmen",   "spokeswomen",  "spokespeople",   "source",   "sources"};

bool isSpokesNoun(std::string_view w) {
  return std::find(kSpokesNouns.begin(), kSpokesNouns.end(), w) != kSpokesNouns.end();
}

bool endsWithPossessive(std::string_view w) {
  return w.size() > 2 && w.substr(w.size() - 2) == "'s";
}

} // namespace

const facts::Person *SpeakerResolver::person(std::string_view id) const {
  return facts_.base().person(std::string(id));
}

const facts::Person *SpeakerResolver::lookup(const std::vector<ClauseToken> &tokens,
                                             std::size_t first, std::size_t last,
                                             std::vector<const facts::Person *> *others) const {
  for (std::size_t k = first; k < last; ++k)
    if (!tokens[k].isWord())
      return nullptr;
  std::size_t b = tokens[first].span.begin, e = tokens[last - 1].span.end;
  // "Zuckerberg's" names Zuckerberg.
  if (endsWithPossessive(tokens[last - 1].lower))
    e -= e >= b + 4 && prose_.compare(e - 4, 4, "\xE2\x80\x99s") == 0 ? 4 : 2;
  const std::string_view phrase = prose_.substr(b, e - b);
  const std::vector<const facts::Person *> people =
      lookups_ ? lookups_->people(facts_, phrase) : IndexLookups::peopleNow(facts_, phrase);
  if (people.empty())
    return nullptr;
  if (others)
    others->insert(others->end(), people.begin() + 1, people.end());
  return people.front();
}

std::optional<Span> SpeakerResolver::strangerBeside(const std::vector<ClauseToken> &tokens,
                                                    std::size_t first, std::size_t last,
                                                    std::size_t b, std::size_t e) const {
  // Only a description: a proper name beside a proper name ("Facebook CEO Mark Zuckerberg") is
  // one name, and the base knows it whole.
  if (b >= e || !isDeterminer(tokens[b].lower))
    return std::nullopt;
  auto named = [&](std::size_t x, std::size_t y) -> std::optional<Span> {
    if (x >= y || !looksLikeName(tokens, x, y, true) || lookup(tokens, x, y))
      return std::nullopt;
    return Span{tokens[x].span.begin, tokens[y - 1].span.end};
  };
  auto capitalWord = [&](std::size_t k) { return tokens[k].isWord() && tokens[k].capital; };
  // After: "the researcher Jane Roe", "the researcher, Jane Roe,".
  std::size_t x = e < last && tokens[e].kind == ClauseToken::Kind::Punct && tokens[e].punct == ','
                      ? e + 1
                      : e;
  std::size_t y = x;
  while (y < last && (capitalWord(y) || isTitlePeriodAt(tokens, y)))
    ++y;
  if (auto s = named(x, y))
    return s;
  // Before: "Jane Roe, the researcher".
  if (b >= first + 2 && tokens[b - 1].kind == ClauseToken::Kind::Punct &&
      tokens[b - 1].punct == ',') {
    std::size_t z = b - 1;
    while (z > first && (capitalWord(z - 1) || isTitlePeriodAt(tokens, z - 1)))
      --z;
    if (auto s = named(z, b - 1))
      return s;
  }
  return std::nullopt;
}

std::optional<SpeakerName> SpeakerResolver::resolve(const std::vector<ClauseToken> &tokens,
                                                    std::size_t first, std::size_t last,
                                                    bool prefer_end) const {
  if (first >= last)
    return std::nullopt;
  const Span whole{tokens[first].span.begin, tokens[last - 1].span.end};
  auto orgIn = [&](std::size_t a, std::size_t b) -> const facts::Person * {
    for (std::size_t len = std::min<std::size_t>(b - a, 5); len >= 1 && b > a; --len)
      for (std::size_t s = a; s + len <= b; ++s)
        if (const facts::Person *p = lookup(tokens, s, s + len);
            p && p->kind == facts::EntityKind::Organisation)
          return p;
    return nullptr;
  };
  // "a Cambridge Analytica spokesman", "a spokesman for Facebook", "Facebook's statement": the
  // organisation speaks, and the whole phrase is what a fix would replace.
  for (std::size_t k = first; k < last; ++k) {
    if (!isSpokesNoun(tokens[k].lower))
      continue;
    if (const facts::Person *p = lookup(tokens, first, last))
      return SpeakerName{p, whole, {}};
    const facts::Person *org = orgIn(first, k);
    if (!org && k + 2 <= last && (tokens[k + 1].is("for") || tokens[k + 1].is("from")))
      org = orgIn(k + 2, last);
    if (org)
      return SpeakerName{org, whole, {}};
    return std::nullopt;
  }
  const std::size_t n = last - first;
  for (std::size_t len = std::min<std::size_t>(n, 6); len >= 1; --len) {
    for (std::size_t k = 0; k + len <= n; ++k) {
      std::size_t start = prefer_end ? last - len - k : first + k;
      // A lone determiner or function word never names anyone; skip the lookup.
      if (len == 1 && (isDeterminer(tokens[start].lower) || isPhraseBreak(tokens[start].lower)))
        continue;
      std::vector<const facts::Person *> others;
      const facts::Person *p = lookup(tokens, start, start + len, &others);
      // An organisation named inside a longer phrase ("Facebook's chief technology officer")
      // is not the speaker; the phrase's head is someone the base does not know.
      if (p && p->kind == facts::EntityKind::Organisation && start + len != last)
        continue;
      // A description of the base's set beside a name it does not know is that stranger's
      // ("the researcher Jane Roe" is not Aleksandr Kogan, "the researcher").
      if (p)
        if (auto stranger = strangerBeside(tokens, first, last, start, start + len))
          return SpeakerName{nullptr, *stranger, {}};
      if (p)
        return SpeakerName{
            p, {tokens[start].span.begin, tokens[start + len - 1].span.end}, std::move(others)};
    }
  }
  return std::nullopt;
}

std::vector<SpeakerName> SpeakerResolver::mentions(const std::vector<ClauseToken> &tokens,
                                                   std::size_t first, std::size_t last) const {
  std::vector<SpeakerName> out;
  for (std::size_t k = first; k < last;) {
    const ClauseToken &t = tokens[k];
    // Names start with a capital ("Mr Graham") or a determiner ("the Facebook CEO").
    if (!t.isWord() || (!t.capital && !isDeterminer(t.lower))) {
      ++k;
      continue;
    }
    std::size_t found = 0;
    for (std::size_t len = std::min<std::size_t>(last - k, 5); len >= 1 && !found; --len) {
      if (len == 1 && isDeterminer(t.lower))
        break;
      if (const facts::Person *p = lookup(tokens, k, k + len)) {
        // "the researcher Jane Roe" mentions Jane Roe, whom the base does not know.
        if (!strangerBeside(tokens, first, last, k, k + len))
          out.push_back({p, {t.span.begin, tokens[k + len - 1].span.end}, {}});
        found = len;
      }
    }
    k += found ? found : 1;
  }
  return out;
}

bool SpeakerResolver::spellsLike(std::string_view name, const facts::Person &person) {
  auto lastWord = [](std::string_view s) {
    std::string w;
    for (std::size_t i = s.size(); i-- > 0;) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (std::isalpha(c) || c >= 0x80)
        w.insert(w.begin(), static_cast<char>(std::tolower(c)));
      else if (!w.empty())
        break;
    }
    return w;
  };
  const std::string draft = lastWord(name);
  if (draft.size() < 4)
    return false;
  auto close = [&](std::string_view known) {
    const std::string w = lastWord(known);
    if (w.size() < 4 || w == draft)
      return false;
    return editDistance(draft, w) <= (std::min(draft.size(), w.size()) >= 6 ? 2u : 1u);
  };
  return close(person.name) || std::any_of(person.aliases.begin(), person.aliases.end(), close);
}

bool SpeakerResolver::looksLikeName(const std::vector<ClauseToken> &t, std::size_t first,
                                    std::size_t last, bool sentence_start) {
  static constexpr std::array<std::string_view, 14> kTitles = {
      "senator",        "sen",       "mr",        "mrs",  "ms",  "dr",   "rep",
      "representative", "president", "professor", "prof", "sir", "lord", "dame"};
  static constexpr std::array<std::string_view, 8> kParticles = {"de",  "da",  "van", "von",
                                                                 "der", "bin", "al",  "le"};
  auto in = [](const auto &list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  std::vector<const ClauseToken *> words;
  for (std::size_t k = first; k < last; ++k)
    if (t[k].isWord())
      words.push_back(&t[k]);
    else if (t[k].kind != ClauseToken::Kind::Punct || t[k].punct != '.')
      return false; // "Sen. Cruz" keeps its period; a comma or a mark ends any name
  if (words.empty() || isDeterminer(words.front()->lower) ||
      endsWithPossessive(words.back()->lower))
    return false;
  for (std::string_view pronoun : {"i", "you", "we", "me", "us", "one", "he", "she", "it", "they"})
    if (words.front()->lower == pronoun) // "You told reporters that “…”" names no one
      return false;
  std::size_t k = 0;
  bool titled = false;
  while (k < words.size() && words[k]->capital && in(kTitles, words[k]->lower)) {
    titled = true;
    ++k;
  }
  if (k == words.size())
    return false;
  for (std::size_t j = k; j < words.size(); ++j)
    if (!words[j]->capital && !(j > k && j + 1 < words.size() && in(kParticles, words[j]->lower)))
      return false;
  return titled || words.size() - k >= 2 || !sentence_start;
}

bool SpeakerResolver::agrees(const facts::Person &p, std::string_view pronoun) {
  const bool org = p.kind == facts::EntityKind::Organisation;
  if (!p.pronoun.empty())
    return p.pronoun == pronoun || (pronoun == "they" && org);
  if (pronoun == "it")
    return org;
  if (pronoun == "they")
    return org;
  return !org; // "he" or "she" for a person whose pronoun is not recorded
}

} // namespace factline::analyzers
