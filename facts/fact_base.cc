// FactBase: merging by id and lookup.
#include "facts/fact_base.h"

namespace factline::facts {
namespace {

template <typename T>
void mergeInto(std::vector<T> &into, std::unordered_map<std::string, std::size_t> &ids,
               std::vector<T> &&from) {
  for (T &entry : from) {
    auto [it, inserted] = ids.try_emplace(entry.id, into.size());
    if (inserted)
      into.push_back(std::move(entry));
    else
      into[it->second] = std::move(entry);
  }
}

template <typename T>
void buildIds(const std::vector<T> &entries, std::unordered_map<std::string, std::size_t> &ids) {
  ids.clear();
  ids.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    ids[entries[i].id] = i;
}

template <typename T>
const T *lookup(const std::vector<T> &entries,
                const std::unordered_map<std::string, std::size_t> &ids, const std::string &id) {
  auto it = ids.find(id);
  return it == ids.end() ? nullptr : &entries[it->second];
}

} // namespace

void FactBase::merge(FactBase other) {
  mergeInto(people, person_ids_, std::move(other.people));
  mergeInto(events, event_ids_, std::move(other.events));
  mergeInto(sources, source_ids_, std::move(other.sources));
  mergeInto(quotes, quote_ids_, std::move(other.quotes));
  mergeInto(figures, figure_ids_, std::move(other.figures));
}

void FactBase::reindex() {
  buildIds(people, person_ids_);
  buildIds(events, event_ids_);
  buildIds(sources, source_ids_);
  buildIds(quotes, quote_ids_);
  buildIds(figures, figure_ids_);
}

const Person *FactBase::person(const std::string &id) const {
  return lookup(people, person_ids_, id);
}
const Event *FactBase::event(const std::string &id) const { return lookup(events, event_ids_, id); }
const Source *FactBase::source(const std::string &id) const {
  return lookup(sources, source_ids_, id);
}
const Quote *FactBase::quote(const std::string &id) const { return lookup(quotes, quote_ids_, id); }
const Figure *FactBase::figure(const std::string &id) const {
  return lookup(figures, figure_ids_, id);
}

} // namespace factline::facts
