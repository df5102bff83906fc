// FactBase: merging by id and lookup.
#include "facts/fact_base.h"

#include <algorithm>
#include <array>
#include <future>

namespace factline::facts {
namespace {

template <typename T> auto idsOf(const std::vector<T> &entries) {
  return [&entries](std::size_t i) -> std::string_view { return entries[i].id; };
}

template <typename T> void buildIds(const std::vector<T> &entries, IdTable &ids);

// From this many figures on, quotes and figures are indexed and merged on two threads.
constexpr std::size_t kParallelEntries = 100000;

// The merge of a big base into a small one (a million quotes beside the bundled base) keeps the
// big one's vector and puts the small one's entries in front of it, so that two vectors of a
// million entries never exist at once. Same result as the entry-by-entry merge below: `into`'s
// entries first, each replaced by the last entry of `from` with its id, then `from`'s other ids
// in the order they first appear, each holding its last entry.
template <typename T>
void mergeIntoBigger(std::vector<T> &into, IdTable &ids, std::vector<T> &&from,
                     IdTable &&from_ids) {
  // When `from` comes with its table and none of its ids is one of `into`'s (a newsroom's base
  // beside the bundled one), its entries keep their order and its table only moves down.
  const bool from_indexed = from_ids.size() == from.size() && ids.size() == into.size();
  if (from_indexed && std::none_of(into.begin(), into.end(), [&](const T &entry) {
        return from_ids.find(entry.id, idsOf(from)) != IdTable::npos;
      })) {
    const std::size_t in_front = into.size();
    from.insert(from.begin(), std::make_move_iterator(into.begin()),
                std::make_move_iterator(into.end()));
    into = std::move(from);
    from_ids.shift(in_front);
    for (std::size_t i = 0; i < in_front; ++i)
      from_ids.assign(into[i].id, i, idsOf(into));
    ids = std::move(from_ids);
    return;
  }
  std::vector<char> dropped(from.size(), 0);
  IdTable first; // id -> the entry of `from` where it first appears
  first.reserve(from.size());
  for (std::size_t j = 0; j < from.size(); ++j) {
    if (const std::size_t at = ids.find(from[j].id, idsOf(into)); at != IdTable::npos) {
      into[at] = std::move(from[j]);
      dropped[j] = 1;
      continue;
    }
    const std::size_t at = first.insert(from[j].id, j, idsOf(from));
    if (at != j) {
      from[at] = std::move(from[j]);
      dropped[j] = 1;
    }
  }
  std::size_t kept = 0;
  for (std::size_t j = 0; j < from.size(); ++j)
    if (!dropped[j]) {
      if (kept != j)
        from[kept] = std::move(from[j]);
      ++kept;
    }
  const bool none_dropped = kept == from.size();
  from.erase(from.begin() + static_cast<std::ptrdiff_t>(kept), from.end());
  const std::size_t in_front = into.size();
  from.insert(from.begin(), std::make_move_iterator(into.begin()),
              std::make_move_iterator(into.end()));
  into = std::move(from);
  if (!none_dropped || ids.size() != in_front) {
    buildIds(into, ids); // entries moved about, or `into` repeated an id: index afresh
    return;
  }
  // The common case, a big base with none of the small one's ids: `first` already indexes it,
  // one place down per entry put in front; only those few are added.
  first.shift(in_front);
  for (std::size_t i = 0; i < in_front; ++i)
    first.assign(into[i].id, i, idsOf(into));
  ids = std::move(first);
}

template <typename T>
void mergeInto(std::vector<T> &into, IdTable &ids, std::vector<T> &&from, IdTable &&from_ids) {
  if (from.size() > into.size() && from.capacity() >= from.size() + into.size()) {
    mergeIntoBigger(into, ids, std::move(from), std::move(from_ids));
    return;
  }
  // One allocation for a big base, not a doubling per growth (each holding old and new at once).
  if (into.size() + from.size() > into.capacity())
    into.reserve(std::max(into.size() + from.size(), into.capacity() + into.capacity() / 2));
  for (T &entry : from) {
    const std::size_t at = ids.insert(entry.id, into.size(), idsOf(into));
    if (at == into.size())
      into.push_back(std::move(entry));
    else
      into[at] = std::move(entry);
  }
}

template <typename T> void buildIds(const std::vector<T> &entries, IdTable &ids) {
  ids.assignAll(entries.size(), idsOf(entries)); // the last entry of an id wins
}

template <typename T>
const T *lookup(const std::vector<T> &entries, const IdTable &ids, std::string_view id) {
  const std::size_t i = ids.find(id, idsOf(entries));
  return i == IdTable::npos ? nullptr : &entries[i];
}

} // namespace

void FactBase::holdTextsOf(FactBase &other) {
  held_.insert(held_.end(), std::make_move_iterator(other.held_.begin()),
               std::make_move_iterator(other.held_.end()));
  other.held_.clear();
  if (other.arena_)
    held_.push_back(std::move(other.arena_));
}

void FactBase::merge(FactBase other) {
  holdTextsOf(other);
  mergeInto(people, person_ids_, std::move(other.people), std::move(other.person_ids_));
  mergeInto(events, event_ids_, std::move(other.events), std::move(other.event_ids_));
  mergeInto(sources, source_ids_, std::move(other.sources), std::move(other.source_ids_));
  // A big base's quotes and figures are merged at once, on two threads.
  std::future<void> figures_done;
  if (other.figures.size() >= kParallelEntries)
    figures_done = std::async(std::launch::async, [&] {
      mergeInto(figures, figure_ids_, std::move(other.figures), std::move(other.figure_ids_));
    });
  mergeInto(quotes, quote_ids_, std::move(other.quotes), std::move(other.quote_ids_));
  if (figures_done.valid())
    figures_done.get();
  else
    mergeInto(figures, figure_ids_, std::move(other.figures), std::move(other.figure_ids_));
}

void FactBase::reindex() {
  reindexPeopleEventsSources();
  std::future<void> figures_done;
  if (figures.size() >= kParallelEntries)
    figures_done = std::async(std::launch::async, [&] { reindexFigures(); });
  reindexQuotes();
  if (figures_done.valid())
    figures_done.get();
  else
    reindexFigures();
}

void FactBase::reindexPeopleEventsSources() {
  buildIds(people, person_ids_);
  buildIds(events, event_ids_);
  buildIds(sources, source_ids_);
}

void FactBase::reindexQuotes() { buildIds(quotes, quote_ids_); }

void FactBase::reindexFigures() { buildIds(figures, figure_ids_); }

const Person *FactBase::person(std::string_view id) const {
  return lookup(people, person_ids_, id);
}
const Event *FactBase::event(std::string_view id) const { return lookup(events, event_ids_, id); }
const Source *FactBase::source(std::string_view id) const {
  return lookup(sources, source_ids_, id);
}
const Quote *FactBase::quote(std::string_view id) const { return lookup(quotes, quote_ids_, id); }
const Figure *FactBase::figure(std::string_view id) const {
  return lookup(figures, figure_ids_, id);
}

Text FactBase::keep(std::string_view s) {
  if (s.empty())
    return {};
  // An arena shared with a copy of this base is left to them both; this base goes on in its own.
  if (!arena_ || arena_.use_count() > 1) {
    if (arena_)
      held_.push_back(std::move(arena_));
    arena_ = std::make_shared<TextArena>();
  }
  return arena_->keep(s);
}

std::string formatDate(std::string_view d) {
  static constexpr std::array<std::string_view, 12> months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(d.begin() + from, d.begin() + from + n,
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
      !digits(8, 2))
    return std::string(d);
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return std::string(d);
  return std::to_string(day) + " " + std::string(months[month - 1]) + " " +
         std::string(d.substr(0, 4));
}

} // namespace factline::facts
