// EntityIndex: folded name, alias, descriptor, event and figure keyword tables, and their lookups.
#include "facts/entity_index.h"

#include <algorithm>
#include <array>
#include <map>

#include "facts/normalize.h"

namespace factline::facts {
namespace {

std::vector<std::string> foldedWords(std::string_view text) {
  std::vector<std::string> out;
  for (Token &t : tokenize(text))
    if (t.kind != TokenKind::Gap)
      out.push_back(std::move(t.norm));
  return out;
}

bool isArticle(const std::string &w) { return w == "the" || w == "a" || w == "an"; }

bool isTitle(const std::string &w) {
  static const std::array<std::string_view, 9> titles = {
      "mr", "mrs", "ms", "miss", "dr", "senator", "sen", "rep", "representative"};
  return std::find(titles.begin(), titles.end(), w) != titles.end();
}

std::string join(const std::vector<std::string> &words, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!out.empty())
      out.push_back(' ');
    out += words[i];
  }
  return out;
}

bool startsAt(const std::vector<std::string> &text, std::size_t i,
              const std::vector<std::string> &phrase) {
  if (i + phrase.size() > text.size())
    return false;
  return std::equal(phrase.begin(), phrase.end(), text.begin() + static_cast<std::ptrdiff_t>(i));
}

} // namespace

std::string EntityIndex::personKey(std::string_view phrase) {
  std::vector<std::string> words = foldedWords(phrase);
  std::size_t from = 0;
  while (words.size() - from > 1 && (isArticle(words[from]) || isTitle(words[from])))
    ++from;
  return join(words, from);
}

std::string EntityIndex::keywordStem(std::string_view folded) {
  std::string w(folded);
  if (w.size() > 2 && w.ends_with("'s"))
    w.resize(w.size() - 2);
  if (w.size() > 4 && w.ends_with("sses"))
    w.resize(w.size() - 2);
  else if (w.size() > 4 && w.ends_with("ies"))
    w.replace(w.size() - 3, 3, "y");
  else if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    w.pop_back();
  return w;
}

EntityIndex::EntityIndex(const FactBase &base, std::shared_ptr<FigureTerms> given,
                         std::size_t given_first)
    : base_(base) {
  for (std::size_t i = 0; i < base.people.size(); ++i) {
    const Person &p = base.people[i];
    auto add = [&](const std::string &phrase) {
      std::string key = personKey(phrase);
      if (key.empty())
        return;
      auto &ids = people_[key];
      if (ids.empty() || ids.back() != i)
        ids.push_back(static_cast<std::uint32_t>(i));
    };
    add(p.name);
    for (const std::string &a : p.aliases)
      add(a);
    for (const std::string &d : p.descriptors)
      add(d);
  }

  for (std::size_t i = 0; i < base.events.size(); ++i) {
    const Event &e = base.events[i];
    auto add = [&](const std::string &phrase) {
      std::vector<std::string> words = foldedWords(phrase);
      if (words.size() > 1 && isArticle(words.front()))
        words.erase(words.begin());
      if (words.empty())
        return;
      // Singular and plural alike: "told the senator" names the occasion "senators" names.
      for (std::string &w : words)
        w = keywordStem(w);
      std::string first = words.front();
      event_names_[first].push_back({std::move(words), static_cast<std::uint32_t>(i)});
    };
    add(e.name);
    for (const std::string &a : e.aliases)
      add(a);
  }
  // The figures' terms: read here, except for the base's last figures when their terms were read
  // before (a snapshot's).
  const std::size_t figures = base.figures.size();
  if (given && given_first <= figures && given->figure_count == figures - given_first) {
    if (given_first == 0 && given.use_count() == 1) {
      terms_ = std::move(*given);
    } else {
      terms_ = FigureTerms::read(base.figures, 0, given_first);
      terms_.append(*given);
    }
  } else {
    terms_ = FigureTerms::read(base.figures, 0, figures);
  }
}

std::vector<std::string> EntityIndex::resolvePerson(std::string_view phrase) const {
  std::string key = personKey(phrase);
  auto it = people_.find(key);
  if (it == people_.end() && key.ends_with("'s")) // "Zuckerberg's" names Zuckerberg
    it = people_.find(key.substr(0, key.size() - 2));
  std::vector<std::string> out;
  if (it == people_.end())
    return out;
  std::vector<std::uint32_t> indices = it->second;
  std::sort(indices.begin(), indices.end());
  for (std::uint32_t i : indices)
    out.push_back(base_.people[i].id);
  return out;
}

std::vector<std::string> EntityIndex::eventsNamedIn(std::string_view text,
                                                    std::size_t min_words) const {
  std::vector<std::string> words = foldedWords(text);
  for (std::string &w : words)
    w = keywordStem(w);
  struct Best {
    std::size_t length = 0, position = 0;
  };
  std::map<std::uint32_t, Best> found;
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto it = event_names_.find(words[i]);
    if (it == event_names_.end())
      continue;
    for (const EventName &p : it->second) {
      if (p.words.size() < min_words || !startsAt(words, i, p.words))
        continue;
      auto [slot, inserted] = found.try_emplace(p.event, Best{p.words.size(), i});
      if (!inserted && p.words.size() > slot->second.length)
        slot->second = Best{p.words.size(), i};
    }
  }
  std::vector<std::pair<std::uint32_t, Best>> ranked(found.begin(), found.end());
  // Best first: the longest name found (the most specific), then the earliest.
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
    if (a.second.length != b.second.length)
      return a.second.length > b.second.length;
    return a.second.position < b.second.position;
  });
  std::vector<std::string> out;
  for (const auto &[event, best] : ranked)
    out.push_back(base_.events[event].id);
  return out;
}

std::vector<std::size_t> EntityIndex::figuresFor(const std::vector<std::string> &words) const {
  std::vector<std::uint32_t> stems;  // WordTable::kMissing for words no term has
  for (const std::string &w : words) // multi-word input is split the same way as the terms
    forEachToken(w, [&](const TokenView &t) {
      if (t.kind != TokenKind::Gap)
        stems.push_back(terms_.stems.find(FigureTerms::stem(t.norm)));
    });
  std::vector<std::uint32_t> matched;
  for (std::size_t i = 0; i < stems.size(); ++i) {
    if (stems[i] == WordTable::kMissing)
      continue;
    for (std::uint32_t k = terms_.first_start[stems[i]]; k < terms_.first_start[stems[i] + 1];
         ++k) {
      const std::uint32_t term = terms_.first_terms[k];
      const std::uint32_t length = terms_.term_start[term + 1] - terms_.term_start[term];
      if (i + length <= stems.size() &&
          std::equal(terms_.term_stems.begin() + terms_.term_start[term],
                     terms_.term_stems.begin() + terms_.term_start[term + 1],
                     stems.begin() + static_cast<std::ptrdiff_t>(i)))
        matched.push_back(term);
    }
  }
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());

  std::vector<std::uint32_t> common;
  std::map<std::uint32_t, std::size_t> counts; // figure -> terms matched
  for (std::uint32_t term : matched) {
    const std::uint32_t begin = terms_.term_figures_start[term],
                        end = terms_.term_figures_start[term + 1];
    if (end - begin > kCommonTermFigures) {
      common.push_back(term);
      continue;
    }
    for (std::uint32_t k = begin; k < end; ++k)
      ++counts[terms_.term_figures[k]];
  }
  for (auto &[figure, count] : counts)
    for (std::uint32_t k = terms_.figure_terms_start[figure];
         k < terms_.figure_terms_start[figure + 1]; ++k)
      if (std::binary_search(common.begin(), common.end(), terms_.figure_terms[k]))
        ++count;

  std::vector<std::pair<std::uint32_t, std::size_t>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto &a, const auto &b) { return a.second > b.second; });
  std::vector<std::size_t> out;
  out.reserve(ranked.size());
  for (const auto &[figure, count] : ranked)
    out.push_back(figure);
  return out;
}

} // namespace factline::facts
