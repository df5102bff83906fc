// QuotePieces: a quotation made of recorded sentences, moved about or joined across unmarked gaps.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/index_lookups.h"
#include "analyzers/quote_diff.h"
#include "facts/fact_index.h"

namespace factline::analyzers {

// A quotation whose sentences are each verbatim in one recorded wording.
struct PiecedQuote {
  facts::NearQuote window;
  bool reordered = false;
  std::vector<std::pair<std::size_t, std::size_t>> sentences; // each one's words in the wording
  std::vector<std::size_t> draft_begin; // where each sentence starts in the draft's text
};

// The quotation's sentences (split where the draft's text has . ! or ? between two words), when
// there are two or more and every one is verbatim inside the same recorded wording: the window of
// that wording from the earliest sentence's start to the latest one's end, and whether the draft
// has them in another order. The speaker's wordings are preferred. Empty otherwise.
// `lookups`, when given, remembers the index's lookups (here and in sentencesSaidApart).
std::optional<PiecedQuote> sentencesOnRecord(const std::vector<facts::Token> &tokens,
                                             std::string_view text, const facts::FactIndex &facts,
                                             const std::string &speaker,
                                             IndexLookups *lookups = nullptr);

// The quotation's sentences (two or more) each verbatim on record from one speaker, though in
// wordings sentencesOnRecord() cannot join: paragraphs of one speech, or answers given apart. One
// match per sentence, in the draft's order; the speaker's own are preferred. Empty otherwise.
std::optional<std::vector<facts::QuoteMatch>>
sentencesSaidApart(const std::vector<facts::Token> &tokens, std::string_view text,
                   const facts::FactIndex &facts, const std::string &speaker,
                   IndexLookups *lookups = nullptr);

// Whether the quotation's sentences (two or more, each verbatim on record) were said one right
// after the other: for each pair, some record of the first ends where the next begins, in the
// same wording or with the first closing its record and the second opening the record after it
// (paragraphs of one speech, in order). False when a pair was said apart.
bool saidInOneRun(const std::vector<facts::Token> &tokens, std::string_view text,
                  const facts::FactIndex &facts, IndexLookups *lookups = nullptr);

// The difference between a draft made of recorded sentences and the record's stretch they come
// from: the words left out between sentences kept in order (each an omission the draft does not
// mark), or, when the draft moves sentences about, the draft's order struck and the record's shown.
// `record` is the wording's tokenized text without gaps; record_first/last index into it.
QuoteDiff piecedDiff(const PiecedQuote &p, std::string_view draft_text,
                     const std::vector<facts::Token> &words_only,
                     const std::vector<facts::Token> &record, std::string_view rec_text);

} // namespace factline::analyzers
