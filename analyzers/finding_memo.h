// FindingMemo: findings remembered by what they depend on, so a re-check redoes only what changed.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"
#include "analyzers/memo_table.h"
#include "facts/fact_base.h"

namespace factline::analyzers {

// The findings of one unit of a draft (a sentence, a quotation), stored under a key that holds
// everything they depend on, with their offsets relative to the unit's start: a keystroke changes
// one unit, and every other unit's findings are found here wherever it has moved to. A key must
// hold all the unit's inputs; then the memo never changes what a check finds. Findings are for
// one fact base at a time. Safe to use from several analysis threads at once (MemoTable).
class FindingMemo {
public:
  // The findings stored for `key` against `base`, moved to start at `offset` and appended to
  // `out`; false when none.
  bool find(const facts::FactBase *base, const std::string &key, std::size_t offset,
            std::vector<Finding> &out);
  // Remembers `findings` (in document offsets, the unit starting at `offset`).
  void store(const std::shared_ptr<const facts::FactBase> &base, std::string key,
             std::size_t offset, const std::vector<Finding> &findings);
  // Called once a check is done: forgets units no recent check has met, past a bound.
  void endCheck();

  std::size_t size() const;
  std::size_t bytes() const; // roughly what is kept (MemoTable's byte bound)

  // Appends a number to a key, as its bytes.
  static void append(std::string &key, std::size_t n) {
    key.append(reinterpret_cast<const char *>(&n), sizeof n);
  }
  // Appends a unit's text [begin, end) and its prose (the text with markup blanked out, which
  // depends on the document around it): the prose as one byte when it is the text itself, as
  // most sentences' is, so that most keys are half as long to build, hash and compare.
  // (`prose` is as long as `text`.)
  static void appendTextAndProse(std::string &key, std::string_view text, std::string_view prose,
                                 std::size_t begin, std::size_t end) {
    const std::string_view t = text.substr(begin, end - begin);
    const std::string_view p = prose.substr(begin, end - begin);
    append(key, t.size()); // the length first: the key reads back one way only
    key.append(t);
    if (p == t) {
      key.push_back('\1');
      return;
    }
    key.push_back('\2');
    key.append(p);
  }

private:
  MemoTable<std::vector<Finding>> table_; // offsets relative to the unit's start
};

} // namespace factline::analyzers
