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

EntityIndex::EntityIndex(const FactBase &base) : base_(base) {
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
      std::string first = words.front();
      event_names_[first].push_back({std::move(words), static_cast<std::uint32_t>(i)});
    };
    add(e.name);
    for (const std::string &a : e.aliases)
      add(a);
  }
  buildFigureTerms();
}

void EntityIndex::buildFigureTerms() {
  std::vector<std::uint32_t> stems, users; // users: how many figures use each term
  std::string key;
  figure_terms_start_.reserve(base_.figures.size() + 1);
  figure_terms_start_.push_back(0);
  // A term's id for each distinct phrase: a big base's figures repeat the same few keywords and
  // unit nouns ("users", "accounts"), which are then tokenized and stemmed once.
  WordTable phrases;
  std::vector<std::uint32_t> phrase_terms; // per phrase: its term, or kMissing (no words)
  auto termOf = [&](std::string_view phrase) {
    stems.clear();
    key.clear();
    forEachToken(phrase, [&](const TokenView &t) {
      if (t.kind == TokenKind::Gap)
        return;
      std::string stem = keywordStem(t.norm);
      stems.push_back(stems_.intern(stem));
      if (!key.empty())
        key.push_back(' ');
      key += stem;
    });
    if (stems.empty())
      return WordTable::kMissing;
    const std::uint32_t term = term_keys_.intern(key);
    if (term + 1 == term_start_.size()) { // new term
      term_stems_.insert(term_stems_.end(), stems.begin(), stems.end());
      term_start_.push_back(static_cast<std::uint32_t>(term_stems_.size()));
      users.push_back(0);
    }
    return term;
  };
  // A figure's phrases: its keywords, its unit, its unit nouns.
  auto eachPhrase = [](const Figure &f, const auto &use) {
    for (std::string_view k : f.keywords)
      use(k);
    use(std::string_view(f.unit));
    for (std::string_view u : f.units)
      use(u);
  };
  // Figures are taken in blocks, whose phrases are hashed and their slots asked for before any is
  // looked up: a big base's tens of thousands of distinct phrases make a table bigger than a
  // core's cache, and one lookup after another would wait for each slot in turn.
  constexpr std::size_t kBlock = 128;
  std::vector<std::string_view> block_phrases;
  std::vector<std::size_t> block_hashes;
  for (std::size_t from = 0; from < base_.figures.size(); from += kBlock) {
    const std::size_t to = std::min(base_.figures.size(), from + kBlock);
    block_phrases.clear();
    block_hashes.clear();
    for (std::size_t i = from; i < to; ++i)
      eachPhrase(base_.figures[i], [&](std::string_view phrase) {
        block_phrases.push_back(phrase);
        block_hashes.push_back(WordTable::hash(phrase));
        phrases.prefetch(block_hashes.back());
      });
    for (std::size_t h : block_hashes)
      phrases.prefetchRecord(h);
    std::size_t next = 0;
    for (std::size_t i = from; i < to; ++i) {
      const std::size_t first_term = figure_terms_.size();
      eachPhrase(base_.figures[i], [&](std::string_view phrase) {
        const std::uint32_t p = phrases.intern(phrase, block_hashes[next++]);
        if (p == phrase_terms.size())
          phrase_terms.push_back(termOf(phrase));
        const std::uint32_t term = phrase_terms[p];
        if (term == WordTable::kMissing)
          return;
        for (std::size_t k = first_term; k < figure_terms_.size(); ++k)
          if (figure_terms_[k] == term)
            return; // a figure counts each term once
        figure_terms_.push_back(term);
        ++users[term];
      });
      figure_terms_start_.push_back(static_cast<std::uint32_t>(figure_terms_.size()));
    }
  }

  const std::size_t term_count = term_start_.size() - 1;
  term_figures_start_.assign(term_count + 1, 0);
  for (std::size_t t = 0; t < term_count; ++t)
    term_figures_start_[t + 1] = term_figures_start_[t] + users[t];
  term_figures_.resize(figure_terms_.size());
  std::vector<std::uint32_t> fill(term_figures_start_.begin(), term_figures_start_.end() - 1);
  for (std::uint32_t f = 0; f + 1 < figure_terms_start_.size(); ++f)
    for (std::uint32_t k = figure_terms_start_[f]; k < figure_terms_start_[f + 1]; ++k)
      term_figures_[fill[figure_terms_[k]]++] = f;

  first_start_.assign(stems_.size() + 1, 0);
  for (std::size_t t = 0; t < term_count; ++t)
    ++first_start_[term_stems_[term_start_[t]] + 1];
  for (std::size_t s = 0; s < stems_.size(); ++s)
    first_start_[s + 1] += first_start_[s];
  first_terms_.resize(term_count);
  std::vector<std::uint32_t> first_fill(first_start_.begin(), first_start_.end() - 1);
  for (std::uint32_t t = 0; t < term_count; ++t)
    first_terms_[first_fill[term_stems_[term_start_[t]]]++] = t;
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

std::vector<std::string> EntityIndex::eventsNamedIn(std::string_view text) const {
  std::vector<std::string> words = foldedWords(text);
  struct Best {
    std::size_t length = 0, position = 0;
  };
  std::map<std::uint32_t, Best> found;
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto it = event_names_.find(words[i]);
    if (it == event_names_.end())
      continue;
    for (const EventName &p : it->second) {
      if (!startsAt(words, i, p.words))
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
        stems.push_back(stems_.find(keywordStem(t.norm)));
    });
  std::vector<std::uint32_t> matched;
  for (std::size_t i = 0; i < stems.size(); ++i) {
    if (stems[i] == WordTable::kMissing)
      continue;
    for (std::uint32_t k = first_start_[stems[i]]; k < first_start_[stems[i] + 1]; ++k) {
      const std::uint32_t term = first_terms_[k];
      const std::uint32_t length = term_start_[term + 1] - term_start_[term];
      if (i + length <= stems.size() && std::equal(term_stems_.begin() + term_start_[term],
                                                   term_stems_.begin() + term_start_[term + 1],
                                                   stems.begin() + static_cast<std::ptrdiff_t>(i)))
        matched.push_back(term);
    }
  }
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());

  std::vector<std::uint32_t> common;
  std::map<std::uint32_t, std::size_t> counts; // figure -> terms matched
  for (std::uint32_t term : matched) {
    const std::uint32_t begin = term_figures_start_[term], end = term_figures_start_[term + 1];
    if (end - begin > kCommonTermFigures) {
      common.push_back(term);
      continue;
    }
    for (std::uint32_t k = begin; k < end; ++k)
      ++counts[term_figures_[k]];
  }
  for (auto &[figure, count] : counts)
    for (std::uint32_t k = figure_terms_start_[figure]; k < figure_terms_start_[figure + 1]; ++k)
      if (std::binary_search(common.begin(), common.end(), figure_terms_[k]))
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
