// SentenceMemo: each sentence's figure findings, remembered so a re-check redoes only what changed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/finding.h"
#include "facts/fact_base.h"

namespace factline::analyzers {

// A sentence's figure findings depend only on its own text and prose, the quoted stretches in it
// and the fact base, so they can be kept between checks of a draft: a keystroke changes one
// sentence and the rest are found here. The memo never changes what a check finds. Safe to use
// from several analysis threads at once (one mutex, held only to look up or store).
class SentenceMemo {
public:
  // What identifies a sentence's findings: its text, its prose and the quotations in it, all
  // relative to the sentence's start.
  static std::string key(const Document &doc, Span sentence, const std::vector<Span> &quoted);

  // The findings stored for `key` against `base`, moved to start at `offset`; false when none.
  bool find(const facts::FactBase *base, const std::string &key, std::size_t offset,
            std::vector<Finding> &out);
  // Remembers `findings` (in document offsets, the sentence starting at `offset`).
  void store(const std::shared_ptr<const facts::FactBase> &base, std::string key,
             std::size_t offset, const std::vector<Finding> &findings);
  // Called once a check is done: forgets sentences no recent check has met, past a bound.
  void endCheck();

  std::size_t size() const;

private:
  struct Entry {
    std::vector<Finding> findings; // offsets relative to the sentence's start
    std::uint64_t used = 0;        // the check that last met it
  };
  mutable std::mutex mu_;
  std::shared_ptr<const facts::FactBase> base_; // findings are for this base only
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;
};

} // namespace factline::analyzers
