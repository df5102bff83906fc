// QuotePieces: each sentence looked up verbatim, then one wording holding them all, then the gaps.
#include "analyzers/quote_pieces.h"

#include <algorithm>

namespace factline::analyzers {

namespace {

// The quotation's sentences: split where the draft's text has . ! or ? between two tokens.
std::vector<std::vector<facts::Token>> splitSentences(const std::vector<facts::Token> &tokens,
                                                      std::string_view text) {
  std::vector<std::vector<facts::Token>> sentences(1);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    sentences.back().push_back(tokens[k]);
    if (k + 1 < tokens.size() &&
        text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end).find_first_of(".!?") !=
            std::string_view::npos)
      sentences.emplace_back();
  }
  return sentences;
}

// Each sentence's verbatim matches; empty when there are fewer than two sentences or one of them
// is on record nowhere.
std::vector<std::vector<facts::QuoteMatch>> sentenceMatches(const std::vector<facts::Token> &tokens,
                                                            std::string_view text,
                                                            const facts::FactIndex &facts,
                                                            IndexLookups *lookups) {
  const auto sentences = splitSentences(tokens, text);
  std::vector<std::vector<facts::QuoteMatch>> found;
  if (sentences.size() < 2)
    return found;
  for (const auto &sentence : sentences) {
    found.push_back(IndexLookups::verbatim(lookups, facts, sentence));
    if (found.back().empty())
      return {};
  }
  return found;
}

} // namespace

std::optional<std::vector<facts::QuoteMatch>>
sentencesSaidApart(const std::vector<facts::Token> &tokens, std::string_view text,
                   const facts::FactIndex &facts, const std::string &speaker,
                   IndexLookups *lookups) {
  const auto found = sentenceMatches(tokens, text, facts, lookups);
  if (found.empty())
    return std::nullopt;
  // One speaker for all: the attributed one when every sentence is theirs, else the first's.
  const auto &quotes = facts.base().quotes;
  // Of a sentence's matches, one by `who` from `event`; any of `who`'s when `event` is empty.
  auto byAt = [&](const std::vector<facts::QuoteMatch> &matches, const std::string &who,
                  const std::string_view *event) {
    return std::find_if(matches.begin(), matches.end(), [&](const facts::QuoteMatch &m) {
      const facts::Quote &rec = quotes[m.wording.quote];
      return rec.speaker == who && (!event || rec.event == *event);
    });
  };
  auto allBy = [&](const std::string &who) -> std::optional<std::vector<facts::QuoteMatch>> {
    // The sentences from one occasion where the record allows (a sentence of the opening remarks
    // may be in the written statement too), so that only a real splice shows two.
    for (const facts::QuoteMatch &first : found.front()) {
      const facts::Quote &rec = quotes[first.wording.quote];
      if (rec.speaker != who)
        continue;
      std::vector<facts::QuoteMatch> out;
      for (const auto &matches : found) {
        auto it = byAt(matches, who, &rec.event);
        if (it == matches.end())
          break;
        out.push_back(*it);
      }
      if (out.size() == found.size())
        return out;
    }
    std::vector<facts::QuoteMatch> out;
    for (const auto &matches : found) {
      auto it = byAt(matches, who, nullptr);
      if (it == matches.end())
        return std::nullopt;
      out.push_back(*it);
    }
    return out;
  };
  if (!speaker.empty())
    if (auto mine = allBy(speaker))
      return mine;
  return allBy(quotes[found.front().front().wording.quote].speaker.str());
}

bool saidInOneRun(const std::vector<facts::Token> &tokens, std::string_view text,
                  const facts::FactIndex &facts, IndexLookups *lookups) {
  const auto found = sentenceMatches(tokens, text, facts, lookups);
  const auto sentences = splitSentences(tokens, text);
  auto words = [](const std::vector<facts::Token> &s) {
    return std::count_if(s.begin(), s.end(),
                         [](const facts::Token &t) { return t.kind == facts::TokenKind::Word; });
  };
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    // A short sentence ("We didn't do enough.") may have been said anywhere: no splice to tell.
    if (k + 1 < sentences.size() && (words(sentences[k]) < 6 || words(sentences[k + 1]) < 6))
      continue;
    const bool joined = std::any_of(found[k].begin(), found[k].end(), [&](const auto &x) {
      return std::any_of(found[k + 1].begin(), found[k + 1].end(), [&](const auto &y) {
        const bool same_record = y.wording == x.wording && y.first == x.last;
        const bool next_record = y.wording.quote == x.wording.quote + 1 && y.first == 0 &&
                                 x.last == facts.wordingTokens(x.wording).size();
        // A variant holding the first sentence, the main text the one after it.
        const bool other_wording = y.wording.quote == x.wording.quote && !(y.wording == x.wording);
        return same_record || next_record || other_wording;
      });
    });
    if (!joined)
      return false;
  }
  return true;
}

std::optional<PiecedQuote> sentencesOnRecord(const std::vector<facts::Token> &tokens,
                                             std::string_view text, const facts::FactIndex &facts,
                                             const std::string &speaker, IndexLookups *lookups) {
  const auto sentences = splitSentences(tokens, text);
  const auto found = sentenceMatches(tokens, text, facts, lookups);
  if (found.empty())
    return std::nullopt;
  std::optional<PiecedQuote> best;
  for (const facts::QuoteMatch &m : found.front()) {
    PiecedQuote p{{m.wording, 1.0, m.first, m.last}, false, {{m.first, m.last}}, {}};
    facts::NearQuote &window = p.window;
    std::size_t previous_end = m.last;
    bool everywhere = true;
    for (std::size_t s = 1; s < found.size() && everywhere; ++s) {
      auto it = std::find_if(found[s].begin(), found[s].end(),
                             [&](const facts::QuoteMatch &o) { return o.wording == m.wording; });
      everywhere = it != found[s].end();
      if (everywhere) {
        window.first = std::min(window.first, it->first);
        window.last = std::max(window.last, it->last);
        p.reordered = p.reordered || it->first < previous_end;
        previous_end = it->last;
        p.sentences.push_back({it->first, it->last});
      }
    }
    if (!everywhere)
      continue;
    for (const auto &sentence : sentences)
      p.draft_begin.push_back(sentence.front().begin);
    const bool theirs = facts.base().quotes[m.wording.quote].speaker == speaker;
    if (!best || (theirs && facts.base().quotes[best->window.wording.quote].speaker != speaker))
      best = p;
  }
  return best;
}

QuoteDiff piecedDiff(const PiecedQuote &p, std::string_view draft_text,
                     const std::vector<facts::Token> &words_only,
                     const std::vector<facts::Token> &record, std::string_view rec_text) {
  QuoteDiff d;
  auto slice = [&](std::size_t first, std::size_t last) {
    return std::string(rec_text.substr(words_only[first].begin,
                                       words_only[last - 1].end - words_only[first].begin));
  };
  auto recordIndex = [&](std::size_t word) {
    std::size_t k = 0;
    while (k < record.size() && record[k].begin < words_only[word].begin)
      ++k;
    return k;
  };
  d.record_first = recordIndex(p.window.first);
  d.record_last = recordIndex(p.window.last - 1) + 1;
  for (const auto &[first, last] : p.sentences) {
    d.same += last - first;
    d.longest_run = std::max(d.longest_run, last - first);
  }
  if (p.reordered) {
    d.draft_only = d.record_only = d.same; // every word stands elsewhere than in the record
    d.pieces.push_back({DiffPiece::Kind::DraftOnly, std::string(draft_text)});
    d.pieces.push_back({DiffPiece::Kind::RecordOnly, slice(p.window.first, p.window.last)});
    return d;
  }
  for (std::size_t s = 0; s < p.sentences.size(); ++s) {
    if (s > 0 && p.sentences[s].first > p.sentences[s - 1].second) {
      DiffHunk h;
      h.record = slice(p.sentences[s - 1].second, p.sentences[s].first);
      h.draft_at = p.draft_begin[s];
      d.record_only += p.sentences[s].first - p.sentences[s - 1].second;
      d.pieces.push_back({DiffPiece::Kind::RecordOnly, h.record});
      d.hunks.push_back(std::move(h));
    }
    d.pieces.push_back({DiffPiece::Kind::Same, slice(p.sentences[s].first, p.sentences[s].second)});
  }
  return d;
}

} // namespace factline::analyzers
