// QuoteDiff: a fitting alignment (the whole draft against a window of the record) by dynamic
// programming, then grouped into pieces for the hover and hunks for the message and the fix.
#include "analyzers/quote_diff.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace factline::analyzers {
namespace {

// Contracted: two draft words for one of the record's ("did not" for "didn't"); Expanded: one for
// two ("didn't" for "did not").
enum class Step : unsigned char {
  None,
  Same,
  Changed,
  DraftOnly,
  RecordOnly,
  Gap,
  Omitted,
  Contracted,
  Expanded
};

// A changed word costs what one added or left-out word does, so that a word changed at either end
// of the quote stays inside the aligned window rather than falling off it.
constexpr int kMatch = 2, kIndel = -1, kChange = -1;

std::string_view slice(std::string_view text, const facts::Token &a, const facts::Token &b) {
  return text.substr(a.begin, b.end - a.begin);
}

// The second words of contractions spelled out, and the endings they contract to.
constexpr std::pair<std::string_view, std::string_view> kContracted[] = {
    {"not", "n't"},  {"are", "'re"},  {"is", "'s"},    {"am", "'m"},
    {"will", "'ll"}, {"have", "'ve"}, {"would", "'d"}, {"had", "'d"}};

// May `b` be the second word of a contraction spelled out ("not", "are", ...)?
bool contractionTail(std::string_view b) {
  return std::any_of(std::begin(kContracted), std::end(kContracted),
                     [&](const auto &c) { return c.first == b; });
}

// Is `joined` the contraction of the folded words `a b` ("did not" -> "didn't", "we are" ->
// "we're", "will not" -> "won't")?
bool contracts(std::string_view a, std::string_view b, std::string_view joined) {
  if (b == "not" && (a == "will" || a == "can"))
    return joined == (a == "will" ? "won't" : "can't");
  for (const auto &[word, tail] : kContracted)
    if (b == word)
      return joined.size() == a.size() + tail.size() && joined.starts_with(a) &&
             joined.ends_with(tail);
  return false;
}

bool hasApostrophe(std::string_view w) { return w.find('\'') != std::string_view::npos; }

} // namespace

std::string QuoteDiff::describe() const {
  // Words the draft leaves out in one place and adds in another are moved, not changed:
  // "moves 'connecting people'" rather than "omits ...; adds ..." of the same words.
  std::vector<bool> moved(hunks.size(), false);
  std::vector<std::size_t> moved_to(hunks.size(), hunks.size());
  for (std::size_t a = 0; a < hunks.size(); ++a) {
    if (moved[a] || hunks[a].draft.empty() == hunks[a].record.empty())
      continue;
    const std::string words =
        facts::normalizeText(hunks[a].draft.empty() ? hunks[a].record : hunks[a].draft);
    for (std::size_t b = a + 1; b < hunks.size(); ++b)
      if (!moved[b] && hunks[b].draft.empty() != hunks[a].draft.empty() &&
          hunks[b].record.empty() != hunks[a].record.empty() &&
          facts::normalizeText(hunks[b].draft.empty() ? hunks[b].record : hunks[b].draft) ==
              words) {
        moved[a] = moved[b] = true;
        moved_to[a] = b;
        break;
      }
  }
  std::string out;
  for (std::size_t k = 0; k < hunks.size(); ++k) {
    const DiffHunk &h = hunks[k];
    if (moved[k] && moved_to[k] == hunks.size())
      continue; // the other half of a move already described
    if (!out.empty())
      out += "; ";
    if (moved[k])
      out += "moves '" + (h.draft.empty() ? h.record : h.draft) + "'";
    else if (!h.draft.empty() && !h.record.empty())
      out += "'" + h.draft + "' where the record has '" + h.record + "'";
    else if (!h.draft.empty())
      out += "adds '" + h.draft + "'";
    else
      out += "omits '" + h.record + "'";
  }
  return out;
}

QuoteDiff diffQuote(const std::vector<facts::Token> &draft_tokens, std::string_view draft_text,
                    std::span<const facts::Token> record, std::string_view record_text) {
  // The draft's words and gaps; editorial insertions are the quoting writer's and compare to
  // nothing.
  thread_local std::vector<const facts::Token *> draft;
  draft.clear();
  for (const facts::Token &t : draft_tokens)
    if (t.kind != facts::TokenKind::Editorial &&
        !(t.kind == facts::TokenKind::Gap && (draft.empty() || draft.back()->kind == t.kind)))
      draft.push_back(&t);
  const std::size_t n = draft.size(), m = record.size();
  QuoteDiff diff;
  if (n == 0 || m == 0)
    return diff;

  thread_local std::vector<int> score;
  thread_local std::vector<Step> move;
  const std::size_t w = m + 1;
  score.assign((n + 1) * w, 0);
  move.assign((n + 1) * w, Step::None);
  // Where a contraction may be spelled out or made (see below), so that the cells where none can
  // be pay one test: the record's words with an apostrophe, and those that end a pair of words
  // a contraction may stand for.
  thread_local std::vector<char> record_contracted, record_spelled;
  record_contracted.assign(m + 1, 0);
  record_spelled.assign(m + 1, 0);
  for (std::size_t j = 1; j <= m; ++j) {
    const bool word = record[j - 1].kind == facts::TokenKind::Word;
    record_contracted[j] = word && hasApostrophe(record[j - 1].norm);
    record_spelled[j] = word && j >= 2 && record[j - 2].kind == facts::TokenKind::Word &&
                        contractionTail(record[j - 1].norm);
  }
  for (std::size_t i = 1; i <= n; ++i) {
    const bool gap = draft[i - 1]->kind == facts::TokenKind::Gap;
    const bool draft_word = !gap && draft[i - 1]->kind == facts::TokenKind::Word;
    const bool draft_spelled = draft_word && i >= 2 &&
                               draft[i - 2]->kind == facts::TokenKind::Word &&
                               contractionTail(draft[i - 1]->norm);
    const bool draft_contracted = draft_word && hasApostrophe(draft[i - 1]->norm);
    int *row = &score[i * w];
    const int *up = &score[(i - 1) * w];
    Step *mv = &move[i * w];
    row[0] = gap ? up[0] : up[0] + kIndel;
    mv[0] = gap ? Step::Gap : Step::DraftOnly;
    for (std::size_t j = 1; j <= m; ++j) {
      if (gap) { // record words here are left out by the writer's "...": free
        bool down = up[j] >= row[j - 1];
        row[j] = down ? up[j] : row[j - 1];
        mv[j] = down ? Step::Gap : Step::Omitted;
        continue;
      }
      // A word the record's source put in [brackets] may be quoted or left out, at no cost.
      const bool editorial = record[j - 1].kind == facts::TokenKind::Editorial;
      int best = up[j] + kIndel;
      Step s = Step::DraftOnly;
      if (row[j - 1] + (editorial ? 0 : kIndel) > best) {
        best = row[j - 1] + (editorial ? 0 : kIndel);
        s = editorial ? Step::Omitted : Step::RecordOnly;
      }
      const bool same = draft[i - 1]->norm == record[j - 1].norm;
      if ((same || !editorial) && up[j - 1] + (same ? kMatch : kChange) >= best) {
        best = up[j - 1] + (same ? kMatch : kChange);
        s = same ? Step::Same : Step::Changed;
      }
      // A contraction spelled out or made is one change, not a change and a word added or left
      // out: "'did not' where the record has 'didn't'", and at the quote's start "'We are' where
      // the record has 'we're'", not "'We are' where the record has 'Now we're'".
      if (draft_spelled && record_contracted[j] && score[(i - 2) * w + j - 1] + kChange > best &&
          contracts(draft[i - 2]->norm, draft[i - 1]->norm, record[j - 1].norm)) {
        best = score[(i - 2) * w + j - 1] + kChange;
        s = Step::Contracted;
      }
      if (draft_contracted && record_spelled[j] && up[j - 2] + kChange > best &&
          contracts(record[j - 2].norm, record[j - 1].norm, draft[i - 1]->norm)) {
        best = up[j - 2] + kChange;
        s = Step::Expanded;
      }
      row[j] = best;
      mv[j] = s;
    }
  }
  // Ties keep a changed last word in the window, but not one past the end of the record's
  // sentence: "spread fake news" against "spread misinformation. It's ..." changes one word and
  // adds one, rather than reaching into the next sentence.
  auto crossesSentence = [&](std::size_t a, std::size_t b) { // record words a-1 .. b-1
    if (a == 0)
      return false;
    const std::size_t from = record[a - 1].end, to = record[b - 1].begin;
    return to > from &&
           record_text.substr(from, to - from).find_first_of(".!?") != std::string_view::npos;
  };
  std::size_t end = 0;
  for (std::size_t j = 1; j <= m; ++j)
    if (score[n * w + j] > score[n * w + end] ||
        (score[n * w + j] == score[n * w + end] && !crossesSentence(end, j)))
      end = j;

  // Walk back; steps come out reversed.
  thread_local std::vector<std::pair<Step, std::pair<std::size_t, std::size_t>>> path;
  path.clear();
  std::size_t i = n, j = end;
  while (i > 0) {
    Step s = move[i * w + j];
    path.push_back({s, {i - 1, j - 1}});
    if (s == Step::Same || s == Step::Changed) {
      --i;
      --j;
    } else if (s == Step::Contracted) {
      i -= 2;
      --j;
    } else if (s == Step::Expanded) {
      --i;
      j -= 2;
    } else if (s == Step::DraftOnly || s == Step::Gap) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(path.begin(), path.end());
  diff.record_first = j;
  diff.record_last = end;

  // Pieces and hunks: the words alike, and between them the places where draft and record part.
  std::size_t run = 0, said_run = 0;
  int h_draft_first = -1, h_draft_last = -1, h_rec_first = -1, h_rec_last = -1;
  std::size_t last_draft_end = 0;
  auto addPiece = [&](DiffPiece::Kind kind, std::string_view text) {
    if (!diff.pieces.empty() && diff.pieces.back().kind == kind) {
      diff.pieces.back().text += ' ';
      diff.pieces.back().text += text;
    } else {
      diff.pieces.push_back({kind, std::string(text)});
    }
  };
  auto closeHunk = [&](std::size_t next_draft_begin) {
    if (h_draft_first < 0 && h_rec_first < 0)
      return;
    const int dn = h_draft_first < 0 ? 0 : h_draft_last - h_draft_first + 1;
    const int rn = h_rec_first < 0 ? 0 : h_rec_last - h_rec_first + 1;
    const bool contraction =
        (dn == 2 && rn == 1 &&
         contracts(draft[h_draft_first]->norm, draft[h_draft_last]->norm,
                   record[h_rec_first].norm)) ||
        (dn == 1 && rn == 2 &&
         contracts(record[h_rec_first].norm, record[h_rec_last].norm, draft[h_draft_first]->norm));
    if (contraction) {
      diff.contracted_draft += static_cast<std::size_t>(dn);
      diff.contracted_record += static_cast<std::size_t>(rn);
      said_run += static_cast<std::size_t>(dn);
      diff.longest_run_as_said = std::max(diff.longest_run_as_said, said_run);
    } else {
      said_run = 0;
    }
    DiffHunk hunk;
    if (h_draft_first >= 0) {
      hunk.draft = slice(draft_text, *draft[h_draft_first], *draft[h_draft_last]);
      hunk.draft_begin = draft[h_draft_first]->begin;
      hunk.draft_end = draft[h_draft_last]->end;
      addPiece(DiffPiece::Kind::DraftOnly, hunk.draft);
    }
    if (h_rec_first >= 0) {
      hunk.record = slice(record_text, record[h_rec_first], record[h_rec_last]);
      addPiece(DiffPiece::Kind::RecordOnly, hunk.record);
    }
    hunk.draft_at = h_draft_first >= 0 ? hunk.draft_begin : next_draft_begin;
    if (h_draft_first < 0 && next_draft_begin == std::numeric_limits<std::size_t>::max())
      hunk.draft_at = last_draft_end;
    diff.hunks.push_back(std::move(hunk));
    h_draft_first = h_draft_last = h_rec_first = h_rec_last = -1;
  };
  auto takeDraft = [&](std::size_t di) {
    ++diff.draft_only;
    if (h_draft_first < 0)
      h_draft_first = static_cast<int>(di);
    h_draft_last = static_cast<int>(di);
    last_draft_end = draft[di]->end;
  };
  auto takeRecord = [&](std::size_t rj) {
    ++diff.record_only;
    if (h_rec_first < 0)
      h_rec_first = static_cast<int>(rj);
    h_rec_last = static_cast<int>(rj);
  };
  for (std::size_t k = 0; k < path.size(); ++k) {
    auto [s, at] = path[k];
    auto [di, rj] = at;
    switch (s) {
    case Step::Same:
      closeHunk(draft[di]->begin);
      addPiece(DiffPiece::Kind::Same, slice(record_text, record[rj], record[rj]));
      ++diff.same;
      run = (k > 0 && path[k - 1].first == Step::Same) ? run + 1 : 1;
      diff.longest_run = std::max(diff.longest_run, run);
      diff.longest_run_as_said = std::max(diff.longest_run_as_said, ++said_run);
      last_draft_end = draft[di]->end;
      break;
    case Step::Changed:
      takeDraft(di);
      takeRecord(rj);
      break;
    case Step::Contracted:
      takeDraft(di - 1);
      takeDraft(di);
      takeRecord(rj);
      break;
    case Step::Expanded:
      takeDraft(di);
      takeRecord(rj - 1);
      takeRecord(rj);
      break;
    case Step::DraftOnly:
      takeDraft(di);
      break;
    case Step::RecordOnly:
      takeRecord(rj);
      break;
    case Step::Gap:
      closeHunk(draft[di]->begin);
      said_run = 0;
      if (diff.pieces.empty() || diff.pieces.back().text != "\xE2\x80\xA6")
        diff.pieces.push_back({DiffPiece::Kind::Same, "\xE2\x80\xA6"});
      break;
    default:
      break;
    }
  }
  closeHunk(std::numeric_limits<std::size_t>::max());
  return diff;
}

} // namespace factline::analyzers
