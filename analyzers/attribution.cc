// AttributionFinder: reads the clause after a quote, then the one before it, then the context.
#include "analyzers/attribution.h"
#include "analyzers/occasion_mentions.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "analyzers/ascii.h"

namespace factline::analyzers {
namespace {

using Kind = ClauseToken::Kind;

bool endsWithPunctuation(std::string_view prose, Span words) {
  std::size_t e = words.end;
  while (e > words.begin && (prose[e - 1] == ' ' || prose[e - 1] == '\n'))
    --e;
  if (e == words.begin)
    return false;
  char c = prose[e - 1];
  if (c == ',' || c == '.' || c == '!' || c == '?' || c == '-' || c == ';')
    return true;
  // "…" and the dashes end in 0xA6 / 0x93..0x95 after 0xE2 0x80.
  return e >= words.begin + 3 && prose[e - 3] == '\xE2' && prose[e - 2] == '\x80';
}

// Where the words after a live blog's entry label start: a timestamp ("16:15", "4.15pm",
// "[16:15]", "**16:15**", "16:15 BST —"), or a tag in brackets or before a colon ("[Update]",
// "Update:"); 0 when the clause starts with no label. A bare number ("44 senators") is no label.
std::size_t afterEntryLabel(const std::vector<ClauseToken> &t) {
  const std::size_t n = t.size();
  auto punct = [&](std::size_t k, char c) {
    return k < n && t[k].kind == Kind::Punct && t[k].punct == c;
  };
  auto digits = [](std::string_view w) {
    std::size_t k = 0;
    while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k])))
      ++k;
    return k;
  };
  auto number = [&](std::size_t k) {
    return k < n && t[k].isWord() && digits(t[k].lower) == t[k].lower.size() && !t[k].lower.empty();
  };
  auto clock = [&](std::size_t k) { // "4pm", "11am"
    if (k >= n || !t[k].isWord())
      return false;
    const std::size_t d = digits(t[k].lower);
    const std::string_view rest = std::string_view(t[k].lower).substr(d);
    return d > 0 && (rest == "am" || rest == "pm");
  };
  std::size_t j = 0;
  if (punct(0, '[')) {
    j = 1;
    while (j < n && j < 8 && !punct(j, ']'))
      ++j;
    if (!punct(j, ']'))
      return 0;
    ++j;
  } else if (number(0) && (punct(1, ':') || punct(1, '.')) && (number(2) || clock(2))) {
    j = 3;
    if (j < n && (t[j].is("am") || t[j].is("pm") || t[j].is("bst") || t[j].is("gmt") ||
                  t[j].is("et") || t[j].is("edt") || t[j].is("est") || t[j].is("pt")))
      ++j;
  } else if (clock(0)) {
    j = 1;
  } else if (n > 2 &&
             (t[0].is("update") || t[0].is("updated") || t[0].is("breaking") ||
              t[0].is("latest")) &&
             punct(1, ':')) {
    j = 2;
  } else {
    return 0;
  }
  if (punct(j, ':') || punct(j, '-'))
    ++j;
  return j < n && t[j].isWord() ? j : 0;
}

// "before the Senate", "before senators", "before the committees": in front of a body, not a
// time before an occasion ("before the Senate hearing" is one).
bool beforeABody(const std::vector<ClauseToken> &t, std::size_t k) {
  std::size_t j = k + 1;
  if (j < t.size() && t[j].is("the"))
    ++j;
  while (j < t.size() && t[j].isWord() && t[j].capital && !t[j].is("senate") && !t[j].is("house") &&
         !t[j].is("congress") && j < k + 5)
    ++j; // "the Senate Commerce and Judiciary committees": names before the body's noun
  if (j >= t.size() || !t[j].isWord())
    return false;
  static constexpr std::string_view kBodies[] = {
      "senate", "congress", "committee",  "committees",  "senators", "lawmakers",
      "house",  "panel",    "parliament", "legislators", "members"};
  bool body = false;
  for (std::size_t b = j; b < t.size() && b < j + 4 && t[b].isWord(); ++b)
    if (std::find(std::begin(kBodies), std::end(kBodies), t[b].lower) != std::end(kBodies)) {
      body = true;
      j = b;
    } else if (body) {
      break;
    }
  if (!body)
    return false;
  // An occasion's noun after the body makes it a time: "before the Senate hearing".
  static constexpr std::string_view kOccasions[] = {"hearing", "hearings",   "testimony", "vote",
                                                    "session", "appearance", "recess"};
  return !(j + 1 < t.size() && t[j + 1].isWord() &&
           std::find(std::begin(kOccasions), std::end(kOccasions), t[j + 1].lower) !=
               std::end(kOccasions));
}

// The words of `region` that may name where the quote was said: a phrase placing the words
// before or after an occasion ("days before his Senate hearing", "A week before he faced
// senators,", "as he prepared for the hearing") names an occasion they were not said at, so it
// is left out, up to the next comma.
// With `titles_too` false, a title before a name ("Senator Grassley asked ...") is left out: a
// paragraph that speaks of a senator does not set the hearing as a clause addressed to one
// ("told Senator Grassley that ...") names it.
std::string occasionWords(std::string_view prose, Span region, bool titles_too = true) {
  std::string out;
  const auto tokens = lexClause(prose, region);
  // A part between commas that looks ahead ("who will face the Senate next week", "who is due to
  // testify", "who faces senators next Tuesday") names an occasion still to come.
  std::vector<bool> ahead(tokens.size(), false);
  for (std::size_t from = 0; from < tokens.size();) {
    std::size_t to = from;
    while (to < tokens.size() && !(tokens[to].kind == Kind::Punct && tokens[to].punct != '.'))
      ++to;
    const bool future = std::any_of(tokens.begin() + from, tokens.begin() + to, [](const auto &t) {
      for (std::string_view w : {"will", "due", "next", "upcoming", "scheduled", "tomorrow",
                                 "expected", "plans", "planned", "ahead"})
        if (t.is(w))
          return true;
      return false;
    });
    for (std::size_t k = from; k < to; ++k)
      ahead[k] = future;
    from = to + 1;
  }
  bool skipping = false;
  // The words skipped since the last "before"/"after": kept when the region ends inside them and
  // they tell of saying ("a week after telling reporters that he had made a “huge mistake”"),
  // for then the quote is what was said there.
  std::string skipped;
  bool skipped_speech = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const ClauseToken &t = tokens[k];
    if (ahead[k])
      continue;
    // "before" of a place, not a time: "testifying before the Senate", "appeared before senators".
    const bool in_front =
        t.is("before") &&
        ((k > 0 && tokens[k - 1].isWord() &&
          (tokens[k - 1].lower.starts_with("testif") || tokens[k - 1].lower.starts_with("appear") ||
           tokens[k - 1].is("sat") || tokens[k - 1].is("sitting") || tokens[k - 1].is("went") ||
           tokens[k - 1].is("going") || tokens[k - 1].is("spoke") || tokens[k - 1].is("speaking") ||
           tokens[k - 1].is("questioned") || tokens[k - 1].is("grilled"))) ||
         beforeABody(tokens, k));
    if (t.isWord() && !in_front &&
        (t.is("before") || t.is("after") || t.is("ahead") || t.is("since") || t.is("until") ||
         t.is("following") || t.is("prior") || t.lower.starts_with("prepar"))) {
      skipping = true;
      skipped.clear();
      skipped_speech = false;
    } else if (t.kind == Kind::Punct && t.punct != '.') {
      skipping = false;
    }
    if (skipping) {
      skipped += ' ';
      skipped += prose.substr(t.span.begin, t.span.end - t.span.begin);
      skipped_speech = skipped_speech || (t.isWord() && isSpeechVerb(t.lower));
      continue;
    }
    if (!titles_too && t.isWord() && t.capital && k + 1 < tokens.size() && tokens[k + 1].isWord() &&
        tokens[k + 1].capital &&
        (t.is("senator") || t.is("sen") || t.is("congressman") || t.is("congresswoman") ||
         t.is("rep") || t.is("chairman")))
      continue;
    out += ' ';
    out += prose.substr(t.span.begin, t.span.end - t.span.begin);
  }
  if (skipping && skipped_speech)
    out += skipped;
  return out;
}

// Does a name reported with "according to" ("according to Jane Roe") name a person rather than
// where the words were reported ("according to Reuters", "according to Business Insider", "the
// BBC")? Two capitalised words or a title, none an acronym, not ending in an outlet's word.
bool reportedByPerson(std::string_view prose, const std::vector<ClauseToken> &words) {
  static constexpr std::string_view kOutletWords[] = {
      "news",        "times",     "post",       "journal",   "insider", "press",    "guardian",
      "telegraph",   "herald",    "wire",       "agency",    "media",   "network",  "radio",
      "television",  "tv",        "review",     "magazine",  "daily",   "weekly",   "tribune",
      "independent", "chronicle", "gazette",    "observer",  "street",  "politico", "verge",
      "report",      "reports",   "transcript", "statement", "records", "filing",   "documents"};
  if (!SpeakerResolver::looksLikeName(words, 0, words.size(), true))
    return false;
  for (const ClauseToken &t : words) {
    if (!t.isWord())
      continue;
    if (std::find(std::begin(kOutletWords), std::end(kOutletWords), t.lower) !=
        std::end(kOutletWords))
      return false;
    const std::string_view w = prose.substr(t.span.begin, t.span.end - t.span.begin);
    if (w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c)) || c == '.' || c == '&';
        }))
      return false; // "AP", "NBC"
  }
  return true;
}

} // namespace

AttributionFinder::AttributionFinder(const Document &doc, const facts::FactIndex &facts,
                                     const std::vector<Quotation> &quotes, IndexLookups *lookups)
    : doc_(doc), facts_(facts), draft_date_(datelineOf(doc)), quotes_(quotes),
      resolver_(facts, doc.prose(), lookups), lookups_(lookups) {}

std::string AttributionFinder::datelineOf(const Document &doc) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  auto month = [](const ClauseToken &t) -> int {
    if (!t.isWord() || t.lower.size() < 3)
      return 0;
    for (int m = 0; m < 12; ++m)
      if (std::string_view(t.lower).substr(0, 3) == kMonths[m] &&
          (t.lower.size() == 3 || std::string_view("january february march april may june july "
                                                   "august september october november december")
                                          .find(t.lower) != std::string_view::npos))
        return m + 1;
    return 0;
  };
  auto number = [](const ClauseToken &t, int lo, int hi) -> int {
    if (!t.isWord() || t.lower.empty() || t.lower.size() > 4 ||
        !std::all_of(t.lower.begin(), t.lower.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return 0;
    const int v = std::stoi(t.lower);
    return v >= lo && v <= hi ? v : 0;
  };
  auto iso = [](int y, int m, int d) {
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return std::string(out);
  };
  // A line of its own among the first three blocks, a date and little else ("Apr 4, 2018",
  // "Published 4 April 2018, 5.10pm"): a date inside a sentence or a timeline's entry ("**17
  // March 2018** — Reports reveal ...") dates what it tells, not the draft.
  const auto &blocks = doc.blocks();
  for (std::size_t bi = 0; bi < blocks.size() && bi < 3; ++bi) {
    const Span span = blocks[bi].span;
    if (span.end - span.begin > 80)
      continue;
    const auto t = lexClause(doc.prose(), span);
    if (std::count_if(t.begin(), t.end(), [](const ClauseToken &x) { return x.isWord(); }) > 8)
      continue;
    if (std::any_of(t.begin(), t.end(), [](const ClauseToken &x) {
          return x.kind == ClauseToken::Kind::Punct && x.punct == '-';
        }))
      continue; // "4 April — Zuckerberg holds a call": an entry, not a dateline
    for (std::size_t k = 0; k < t.size(); ++k) {
      // "2018-04-04"
      const std::string &w = t[k].lower;
      if (t[k].isWord() && w.size() == 10 && w[4] == '-' && w[7] == '-') {
        int y = 0, m = 0, d = 0;
        if (std::sscanf(w.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && y >= 1900 && m >= 1 &&
            m <= 12 && d >= 1 && d <= 31)
          return iso(y, m, d);
      }
      auto next = [&](std::size_t j) { // past a comma or a period
        while (j < t.size() && t[j].kind == ClauseToken::Kind::Punct &&
               (t[j].punct == ',' || t[j].punct == '.'))
          ++j;
        return j;
      };
      if (const int m = month(t[k])) { // "Apr 4, 2018", "April 4 2018"
        const std::size_t a = next(k + 1);
        const std::size_t b = a < t.size() ? next(a + 1) : t.size();
        if (b < t.size())
          if (const int d = number(t[a], 1, 31))
            if (const int y = number(t[b], 1900, 2100))
              return iso(y, m, d);
      }
      if (const int d = number(t[k], 1, 31)) { // "4 April 2018"
        if (k + 2 < t.size())
          if (const int m = month(t[k + 1]))
            if (const std::size_t yk = next(k + 2); yk < t.size())
              if (const int y = number(t[yk], 1900, 2100))
                return iso(y, m, d);
      }
    }
  }
  return {};
}

std::vector<ClauseToken> AttributionFinder::sentenceBefore(int k, std::size_t at) const {
  Span span = doc_.sentences()[k].span;
  span.end = std::max(span.begin, std::min(span.end, at));
  return proseTokens(span);
}

std::vector<ClauseToken> AttributionFinder::proseTokens(Span span) const {
  auto tokens = lexClause(doc_.prose(), span);
  std::erase_if(tokens, [&](const ClauseToken &tok) { return insideQuote(tok.span); });
  return tokens;
}

bool AttributionFinder::insideQuote(Span s) const {
  // Quotations are sorted by their opening marks; find the last one opening before `s`.
  auto it = std::upper_bound(quotes_.begin(), quotes_.end(), s.begin,
                             [](std::size_t o, const Quotation &q) { return o < q.open.begin; });
  while (it != quotes_.begin()) {
    --it;
    if (it->depth == 0)
      return it->words.begin <= s.begin && s.end <= it->words.end;
  }
  return false;
}

// "were told", "was told": the subject before the verb heard the words; the speaker, if named,
// follows "by".
bool AttributionFinder::isPassive(const std::vector<ClauseToken> &t, std::size_t aux_begin,
                                  std::size_t v) {
  if (!(t[v].is("told") || t[v].is("informed") || t[v].is("assured")))
    return false;
  for (std::size_t k = aux_begin; k < v; ++k)
    if (t[k].is("was") || t[k].is("were") || t[k].is("is") || t[k].is("are") || t[k].is("been"))
      return true;
  return false;
}

AttributionFinder::Parse AttributionFinder::passiveAgent(const std::vector<ClauseToken> &t,
                                                         std::size_t v) const {
  for (std::size_t k = v + 1; k < t.size() && k < v + 6; ++k)
    if (t[k].is("by")) {
      std::size_t e = k + 1;
      while (e < t.size() && e < k + 8 &&
             (isTitlePeriodAt(t, e) || (t[e].isWord() && !breaksPhraseAt(t, e))))
        ++e;
      return subject(t, k + 1, e, false);
    }
  return {};
}

AttributionFinder::Parse AttributionFinder::subject(const std::vector<ClauseToken> &t,
                                                    std::size_t first, std::size_t last,
                                                    bool prefer_end) const {
  Parse p;
  if (first >= last)
    return p;
  p.found = true;
  p.words = {t[first].span.begin, t[last - 1].span.end};
  if (last - first == 1 && !pronounOf(t[first].lower).empty()) {
    p.pronoun = pronounOf(t[first].lower);
    return p;
  }
  // "the company said", "the firm added": the organisation the draft last named, like "it".
  if (last - first == 2 && t[first].is("the") &&
      (t[first + 1].is("company") || t[first + 1].is("firm"))) {
    p.pronoun = "it";
    return p;
  }
  p.name = resolver_.resolve(t, first, last, prefer_end);
  if (p.name)
    p.words = p.name->span;
  return p;
}

// ",” X said." / ",” said X." / ",” he added." right after the closing mark.
AttributionFinder::Parse AttributionFinder::afterClause(const Quotation &q,
                                                        const std::vector<ClauseToken> &t) const {
  std::size_t i = 0;
  bool comma = false;
  // A headline's colon: "‘We didn't do enough’: Sandberg admits failures".
  const int block = doc_.blockAt(q.open.begin);
  const bool headline = block >= 0 && doc_.blocks()[block].kind == BlockKind::Heading;
  while (i < t.size() && t[i].kind == Kind::Punct) {
    comma = comma || t[i].punct == ',' || t[i].punct == '-' || (headline && t[i].punct == ':');
    ++i;
  }
  if (i >= t.size() || !t[i].isWord())
    return {};
  // "“What was Facemash?” Zuckerberg answered:": a clause that ends in a colon introduces what
  // follows it, not the quote before it.
  if (t.back().kind == Kind::Punct && t.back().punct == ':')
    return {};
  const bool punctuated = comma || endsWithPunctuation(doc_.prose(), q.words);
  if (punctuated && i + 2 < t.size() && t[i].is("according") && t[i + 1].is("to")) {
    std::size_t e = i + 2; // ",” according to Sandberg."
    while (e < t.size() && e < i + 9 &&
           (isTitlePeriodAt(t, e) || (t[e].isWord() && !breaksPhraseAt(t, e))))
      ++e;
    Parse p = subject(t, i + 2, e, false);
    p.reported = true;
    return p;
  }
  std::size_t v = i;
  while (v < t.size() && v < i + 9 && t[v].isWord() && !isSpeechVerb(t[v].lower))
    ++v;
  if (v > i && v < t.size() && t[v].kind == Kind::Punct && t[v].punct == ',') {
    // "Sandberg, 48, said." / "Sandberg, Facebook's COO, told CNBC.": an apposition between the
    // subject and its verb.
    std::size_t c = v + 1;
    while (c < t.size() && c < v + 10 && !(t[c].kind == Kind::Punct))
      ++c;
    if (c > v + 1 && c + 1 < t.size() && t[c].punct == ',' && t[c + 1].isWord() &&
        isSpeechVerb(t[c + 1].lower) && punctuated)
      return subject(t, i, v, true);
  }
  if (v >= t.size() || !t[v].isWord() || !isSpeechVerb(t[v].lower))
    return {};
  const bool verb_ends = v + 1 == t.size() || !t[v + 1].isWord() || isPhraseBreak(t[v + 1].lower);
  if (v == i) { // inverted: "said Cambridge Analytica", "said he"
    if (t[v].lower == "told" || t[v].lower == "tells" || !punctuated)
      return {};
    std::size_t e = v + 1;
    while (e < t.size() && e < v + 8 &&
           (isTitlePeriodAt(t, e) || (t[e].isWord() && !breaksPhraseAt(t, e))))
      ++e;
    return subject(t, v + 1, e, false);
  }
  std::size_t s_end = v;
  if (v >= i + 2 && t[v].is("saying") && t[v - 1].is("as") && t[v - 2].is("quoted"))
    s_end = v - 2; // "Sandberg was quoted as saying"
  while (s_end > i && isAuxiliary(t[s_end - 1].lower))
    --s_end;
  for (std::size_t k = i; k < s_end; ++k)
    if (breaksPhraseAt(t, k) && pronounOf(t[k].lower).empty())
      return {};
  if (!punctuated && !verb_ends)
    return {};
  if (isPassive(t, s_end, v)) // ",” reporters were told (by Zuckerberg)."
    return passiveAgent(t, v);
  return subject(t, i, s_end, true);
}

// "X said: “…”", "according to X, “…”", "to which X replied: “…”", "X was blunt: “…”", and the
// verb introducing a fragment: "X said it had been “clearly a mistake”".
AttributionFinder::Parse AttributionFinder::beforeClause(const std::vector<ClauseToken> &t,
                                                         bool at_sentence_start) const {
  const std::size_t n = t.size();
  if (n == 0)
    return {};
  // A table row, "| Sheryl Sandberg | “…” |": the cell before the quote's names its speaker.
  if (n >= 2 && t.back().kind == Kind::Punct && t.back().punct == '|') {
    std::size_t c = n - 1;
    while (c > 0 && !(t[c - 1].kind == Kind::Punct && t[c - 1].punct == '|'))
      --c;
    if (c == 0 || c + 1 >= n)
      return {};
    Parse p = subject(t, c, n - 1, false);
    return p.name || SpeakerResolver::looksLikeName(t, c, n - 1, true) ? p : Parse{};
  }
  // "Blumenthal quoted his words back to him: “…”", "Blumenthal read out a line from the call:":
  // the words are someone else's, and the clause does not say whose.
  for (std::size_t k = 0; k < n; ++k)
    if (quotesSomeoneElseAt(t, k))
      return {};
  // "According to Reuters, Zuckerberg said: “…”": the source reports; the speaker is the verb's.
  Parse according;
  for (std::size_t a = 0; a + 2 < n && !according.found; ++a)
    if (t[a].is("according") && t[a + 1].is("to")) {
      std::size_t e = a + 2;
      while (e < n && (t[e].isWord() || isTitlePeriodAt(t, e)) && e < a + 9)
        ++e;
      according = subject(t, a + 2, e, false);
      according.reported = true;
    }
  if (according.name)
    return according;
  // "In Sandberg's words, “…”"
  for (std::size_t a = 0; a + 2 < n; ++a)
    if (t[a].is("in") && (t[a + 2].is("words") || t[a + 3 < n ? a + 3 : a].is("words"))) {
      const std::size_t e = t[a + 2].is("words") ? a + 2 : a + 3;
      Parse p = subject(t, a + 1, e, false);
      if (p.name)
        return p;
    }
  // The subject at `b`: a pronoun, a known speaker, or (`proper`) a name the base does not know.
  auto subjectAt = [&](std::size_t b, bool proper) -> Parse {
    std::size_t e = b;
    while (e < n && e < b + 7 &&
           (isTitlePeriodAt(t, e) ||
            (t[e].isWord() && !breaksPhraseAt(t, e) && !isSpeechVerb(t[e].lower))))
      ++e;
    if (e > b && !pronounOf(t[b].lower).empty())
      return subject(t, b, b + 1, false);
    Parse p = subject(t, b, e, false);
    // "The researcher, Jane Roe, said:": a description of the base's set off beside a name it
    // does not know describes that stranger.
    if (p.name && p.name->person && e < n && t[e].kind == Kind::Punct && t[e].punct == ',') {
      std::size_t e2 = e + 1;
      while (e2 < n && e2 < e + 7 && (t[e2].isWord() || isTitlePeriodAt(t, e2)))
        ++e2;
      if (e2 < n && e2 > e + 1 && t[e2].kind == Kind::Punct && t[e2].punct == ',')
        if (Parse q = subject(t, b, e2, false); q.name && !q.name->person)
          return q;
    }
    // A known speaker, or a proper name ("Angelene Falk, the acting commissioner, said"): anything
    // else heading the sentence is more likely its topic than its speaker.
    return p.name || (proper && SpeakerResolver::looksLikeName(t, b, e, true)) ? p : Parse{};
  };
  // The subject at the head of the sentence: "The Facebook chief was blunt:", "Facebook, ...".
  // A phrase set before it with a comma ("Asked about rivals, he was blunt:", "Earlier, on the
  // call, he struck a philosophical note:") is passed over.
  auto head = [&]() -> Parse {
    if (!at_sentence_start)
      return {};
    // A label set off by a dash heads the line, not the subject: "**4 April** — Senator
    // Grassley, at the hearing: “…”", "14:31 — Zuckerberg:".
    std::size_t b = afterEntryLabel(t); // "[16:15] Senator Grassley, returning to security, said:"
    for (std::size_t k = 0; k < n && k < 6; ++k)
      if (t[k].kind == Kind::Punct && t[k].punct == '-' && k + 1 < n && t[k + 1].isWord())
        b = std::max(b, k + 1);
    if (Parse p = subjectAt(b, true); p.found)
      return p;
    for (std::size_t c = b, commas = 0; c + 1 < n && c < b + 16 && commas < 3; ++c)
      if (t[c].kind == Kind::Punct && t[c].punct == ',') {
        ++commas;
        if (Parse p = subjectAt(c + 1, false); p.found)
          return p;
      }
    // A phrase of place or time with no comma before the subject: "At the hearing he repeated
    // ..., calling it “…”", "Near the end of the call she came back to it, describing ...". A
    // personal pronoun in the sentence's first clause, followed by its verb, is its subject.
    for (std::size_t k = b; k + 1 < n && k < b + 10; ++k) {
      if (t[k].kind == Kind::Punct)
        break;
      if ((t[k].is("he") || t[k].is("she")) && t[k + 1].isWord() && !t[k + 1].capital)
        return subject(t, k, k + 1, false);
    }
    return {};
  };
  // A word of the speech-verb list used as a noun after a determiner and perhaps an adjective:
  // "in his opening remarks", "struck a philosophical note", "the answer".
  auto nounAt = [&](std::size_t v) {
    if (v > 0 && t[v - 1].isWord() && isDeterminer(t[v - 1].lower))
      return true;
    static constexpr std::string_view kNouns[] = {
        "note",    "notes",     "remark",  "remarks", "comment", "comments", "answer",
        "answers", "reply",     "replies", "claim",   "claims",  "warning",  "warnings",
        "recall",  "testimony", "state",   "denial",  "response"};
    const bool noun_form =
        std::find(std::begin(kNouns), std::end(kNouns), t[v].lower) != std::end(kNouns);
    return noun_form && v > 1 && t[v - 1].isWord() && t[v - 2].isWord() &&
           isDeterminer(t[v - 2].lower) && pronounOf(t[v - 1].lower).empty();
  };
  // What a clause whose verb gives no speaker falls back on: the source it reports, or the
  // sentence's own subject when a colon hands it the quote.
  const bool colon = t.back().kind == Kind::Punct && t.back().punct == ':';
  auto fallback = [&](Parse weak) -> Parse {
    if (weak.name || !weak.pronoun.empty())
      return weak;
    if (according.found)
      return according;
    if (colon)
      if (Parse h = head(); h.found)
        return h;
    return weak;
  };
  for (std::size_t v = n; v-- > 0;) {
    const ClauseToken &w = t[v];
    // "As Sandberg put it, “…”": "put it" is speech only in that form.
    const bool put_it = (w.is("put") || w.is("puts")) && v + 1 < n && t[v + 1].is("it");
    if (!w.isWord() || !(isSpeechVerb(w.lower) || isFragmentVerb(w.lower) || put_it))
      continue;
    if (nounAt(v))
      continue; // "the answer", "his reply", "in his opening remarks": a noun
    std::size_t s_end = v;
    while (s_end > 0 && t[s_end - 1].isWord() && isAuxiliary(t[s_end - 1].lower))
      --s_end;
    if (isPassive(t, s_end, v)) // "Reporters were told: “…”"
      return passiveAgent(t, v);
    std::size_t s = s_end;
    while (s > 0 && s_end - s < 8 && t[s - 1].isWord() && !breaksPhraseAt(t, s - 1))
      --s;
    // "Near the end of the session he again calls it": a pronoun right before the verb, with at
    // most two lower-case words between (adverbs), is the subject, whatever phrase leads up to it.
    for (std::size_t k = s_end; k-- > s && s_end - k <= 3;)
      if (!pronounOf(t[k].lower).empty()) {
        return fallback(subject(t, k, k + 1, true));
      } else if (t[k].capital) {
        break;
      }
    if (s < s_end) {
      Parse p = subject(t, s, s_end, true);
      // "The researcher, Jane Roe, said:": a proper name right before the verb is its subject,
      // not the description heading the sentence.
      if (!p.name && p.pronoun.empty() && s > 0 && t[s - 1].kind == Kind::Punct &&
          t[s - 1].punct == ',' && SpeakerResolver::looksLikeName(t, s, s_end, true))
        return p;
      return fallback(p);
    }
    if (v == 0 || (v == 1 && !t[0].isWord())) { // "Said Zuckerberg: “…”"
      std::size_t e = v + 1;
      while (e < n && (t[e].isWord() || isTitlePeriodAt(t, e)) && e < v + 8)
        ++e;
      Parse p = subject(t, v + 1, e, false);
      // "Asked about rivals, he was blunt:": a participle's clause, not an inverted verb.
      return p.name || SpeakerResolver::looksLikeName(t, v + 1, e, false) ? p : fallback(p);
    }
    return head(); // "..., describing the breach as a “huge mistake”"
  }
  if (according.found)
    return according;
  if (colon)
    return head();
  return {};
}

// The speaker named at the head of the sentence just before quotation k, when that sentence
// quotes nobody, sits in the quote's paragraph or the one before, and names one speaker: "Sandberg
// was blunt.", "Ms Roe, the regulator, went further." Not a question's asker, nor a name the
// sentence is only about ("Zuckerberg's critics were unmoved.").
AttributionFinder::Parse AttributionFinder::precedingSpeaker(int si, std::size_t k,
                                                             const facts::Person *going_on) const {
  if (si <= 0)
    return {};
  const Quotation &q = quotes_[k];
  const Sentence &prev = doc_.sentences()[si - 1];
  const int block = doc_.blockAt(q.open.begin);
  if (prev.span.end > q.open.begin || block < 0 || static_cast<int>(prev.block) < block - 1 ||
      doc_.blocks()[prev.block].kind == BlockKind::Heading)
    return {};
  // A pull quote set in a block quote repeats words from elsewhere in the piece: the prose above
  // it does not say whose they are.
  if (doc_.blocks()[block].kind == BlockKind::BlockQuote &&
      doc_.blocks()[prev.block].kind != BlockKind::BlockQuote)
    return {};
  for (std::size_t j = k; j-- > 0;)
    if (quotes_[j].depth == 0) {
      if (quotes_[j].close.end > prev.span.begin)
        return {}; // the sentence quotes someone: the context's speaker goes on instead
      break;
    }
  const std::string &prose = doc_.prose();
  auto t = lexClause(prose, prev.span);
  if (t.empty() || t.size() > 40 || std::any_of(t.begin(), t.end(), isAskingOrSilentVerb))
    return {};
  for (std::size_t j = 0; j < t.size(); ++j)
    if (quotesSomeoneElseAt(t, j))
      return {};
  std::size_t e = 0;
  while (e < t.size() && e < 7 && (isTitlePeriodAt(t, e) || t[e].isWord()) &&
         !breaksPhraseAt(t, e) && !isSpeechVerb(t[e].lower))
    ++e;
  if (e == 0 || !pronounOf(t[0].lower).empty())
    return {};
  Parse p = subject(t, 0, e, false);
  if (p.name) {
    // The name must head the sentence ("Facebook COO Sheryl Sandberg was ..."), whole.
    const bool titled =
        t.size() > 2 && isTitlePeriodAt(t, 1) && p.name->span.begin == t[2].span.begin;
    if (p.name->span.begin != t[0].span.begin && !titled) // "Ms. Sandberg was blunt."
      return {};
    for (const ClauseToken &x : t) // "Zuckerberg's critics": the name is not the subject
      if (x.isWord() && x.span.begin < p.name->span.end && p.name->span.end <= x.span.end &&
          (x.lower.ends_with("'s") || x.lower.ends_with("s'")))
        return {};
    if (resolver_.mentions(t, 0, t.size()).size() > 1)
      return {};
    // The name is the whole subject: a verb or an apposition follows ("Sandberg was blunt.",
    // "Sandberg went further.", "Sandberg, the COO, agreed."), not another noun ("Facebook shares
    // rose 4.5 per cent.", "Facebook users were angry.").
    auto next = std::find_if(
        t.begin(), t.end(), [&](const ClauseToken &x) { return x.span.begin >= p.name->span.end; });
    if (next == t.end())
      return {};
    static constexpr std::string_view kPasts[] = {
        "went",  "took", "struck", "gave",  "made",   "put",  "got",   "came",
        "spoke", "kept", "held",   "stood", "set",    "sang", "began", "drew",
        "chose", "hit",  "fought", "felt",  "sought", "said"};
    const bool verb =
        (next->kind == Kind::Punct && next->punct == ',') ||
        (next->isWord() &&
         (isAuxiliary(next->lower) || isSpeechVerb(next->lower) || next->lower.ends_with("ed") ||
          std::find(std::begin(kPasts), std::end(kPasts), next->lower) != std::end(kPasts)));
    if (!verb)
      return {};
    // After someone else's quote, only a sentence that says how the new speaker spoke hands the
    // quote on ("Sandberg was blunt."); "Sandberg was also there." leaves it unclear.
    if (going_on && going_on != p.name->person &&
        std::none_of(t.begin(), t.end(), [](const ClauseToken &x) {
          return x.isWord() && (isSpeechVerb(x.lower) || isMannerOfSpeech(x.lower));
        }))
      return {};
    return p;
  }
  return {}; // a name the base does not know may be the sentence's topic: no claim
}

const facts::Person *AttributionFinder::resolvePronoun(std::string_view pronoun, std::size_t at,
                                                       const facts::Person *skip,
                                                       bool *ambiguous) const {
  int si = doc_.sentenceAt(at);
  if (si < 0)
    return nullptr;
  const auto &sentences = doc_.sentences();
  const std::size_t first_block = sentences[si].block >= 3 ? sentences[si].block - 3 : 0;
  for (int k = si; k >= 0 && sentences[k].block >= first_block && si - k < 12; --k) {
    const auto tokens = sentenceBefore(k, at);
    // The first compatible person of the nearest sentence: a sentence's subject tends to come
    // first, and "he said" refers to the subject far more often than to an object
    // ("Zuckerberg disclosed it is working with Robert Mueller. ... he said").
    const auto known = resolver_.mentions(tokens, 0, tokens.size());
    // A person the base does not know, named in the same sentence ("Democratic Senator Gary
    // Peters poked fun at it", "Walden joked"), may be the one meant: then no one is sure.
    if ((pronoun == "he" || pronoun == "she") && namesUnknownPerson(tokens, known)) {
      if (ambiguous)
        *ambiguous = true;
      return nullptr;
    }
    for (const SpeakerName &m : known)
      if (m.person != skip && SpeakerResolver::agrees(*m.person, pronoun))
        return m.person;
  }
  return nullptr;
}

bool AttributionFinder::namesUnknownPerson(const std::vector<ClauseToken> &t,
                                           const std::vector<SpeakerName> &known) {
  static constexpr std::string_view kTitles[] = {
      "senator",  "sen", "rep", "representative", "congressman", "congresswoman", "mr",
      "ms",       "mrs", "dr",  "chairman",       "chairwoman",  "governor",      "president",
      "professor"};
  auto inKnown = [&](const ClauseToken &x) {
    return std::any_of(known.begin(), known.end(), [&](const SpeakerName &m) {
      return m.span.begin <= x.span.begin && x.span.end <= m.span.end;
    });
  };
  for (std::size_t k = 0; k + 1 < t.size(); ++k) {
    // A title before a capitalised name: "Senator Gary Peters", "Rep. Billy Long".
    if (t[k].isWord() && t[k].capital &&
        std::find(std::begin(kTitles), std::end(kTitles), t[k].lower) != std::end(kTitles)) {
      std::size_t n = k + 1;
      if (n < t.size() && isTitlePeriodAt(t, n))
        ++n;
      if (n < t.size() && t[n].isWord() && t[n].capital && !inKnown(t[n]))
        return true;
    }
    // A capitalised name right before a speech verb: "Walden joked", "Long asked". Not an
    // organisation: an outlet's word ("the Financial Times asked") or a name after "the".
    static constexpr std::string_view kBodies[] = {
        "times", "post",  "journal",   "news",   "press",     "reuters", "guardian", "telegraph",
        "bbc",   "cnn",   "nbc",       "cbs",    "abc",       "npr",     "insider",  "verge",
        "wired", "axios", "bloomberg", "agency", "committee", "company", "firm",     "facebook"};
    const bool body =
        std::find(std::begin(kBodies), std::end(kBodies), t[k].lower) != std::end(kBodies) ||
        (k > 0 && (t[k - 1].is("the") ||
                   (k > 1 && t[k - 2].is("the") && t[k - 1].isWord() && t[k - 1].capital)));
    if (t[k].isWord() && t[k].capital && t[k + 1].isWord() && isSpeechVerb(t[k + 1].lower) &&
        !inKnown(t[k]) && pronounOf(t[k].lower).empty() && !body)
      return true;
  }
  return false;
}

bool AttributionFinder::soleInSentenceBefore(const facts::Person *person, std::string_view pronoun,
                                             std::size_t at, const facts::Person *skip) const {
  const int si = doc_.sentenceAt(at);
  if (!person || si < 0)
    return false;
  const auto &sentences = doc_.sentences();
  // Back through the quote's paragraph, at most three sentences, to the nearest one naming
  // anyone the pronoun may mean: it must name `person` alone ("Senator Kennedy has a warning. He
  // says he has no appetite for it. “…,” he says.").
  // A name in the pronoun's own sentence may be anyone's but its referent's ("To Senator Thune,
  // he acknowledged ...", "When Graham asked, he said ..."): the sentence must name no one.
  for (int k = si; k >= 0 && si - k <= 3 && sentences[k].block == sentences[si].block; --k) {
    const auto tokens = sentenceBefore(k, at);
    bool found = false;
    for (const SpeakerName &m : resolver_.mentions(tokens, 0, tokens.size())) {
      if (m.person == skip || !SpeakerResolver::agrees(*m.person, pronoun))
        continue;
      if (k == si || m.person != person || !m.others.empty())
        return false;
      found = true;
    }
    if (found)
      return true;
  }
  return false;
}

const facts::Person *AttributionFinder::askerBefore(std::size_t at) const {
  const int si = doc_.sentenceAt(at);
  if (si < 0)
    return nullptr;
  const auto &sentences = doc_.sentences();
  for (int k = si; k >= 0 && si - k <= 1 && sentences[k].block == sentences[si].block; --k) {
    const auto tokens = sentenceBefore(k, at);
    auto asks = std::find_if(tokens.begin(), tokens.end(), [](const ClauseToken &t) {
      return isAskingOrSilentVerb(t) && !isMannerOfSpeech(t.lower);
    });
    if (asks == tokens.end())
      continue;
    // "Zuckerberg was asked whether ...": the one named is the one asked, who replies; the asker
    // is whoever "by" names, if anyone.
    const std::size_t v = static_cast<std::size_t>(asks - tokens.begin());
    std::size_t aux = v;
    while (aux > 0 && tokens[aux - 1].isWord() &&
           (tokens[aux - 1].is("then") || tokens[aux - 1].is("also") || tokens[aux - 1].is("later")))
      --aux;
    if (aux > 0 && (tokens[aux - 1].is("was") || tokens[aux - 1].is("were") ||
                    tokens[aux - 1].is("is") || tokens[aux - 1].is("been") ||
                    tokens[aux - 1].is("being") || tokens[aux - 1].is("be"))) {
      if (v + 2 < tokens.size() && tokens[v + 1].is("by")) {
        const auto by = resolver_.mentions(tokens, v + 2, std::min(tokens.size(), v + 8));
        return by.empty() ? nullptr : by.front().person;
      }
      return nullptr;
    }
    // The asker: the person named before the asking verb ("Graham had asked whether ...").
    const auto names =
        resolver_.mentions(tokens, 0, static_cast<std::size_t>(asks - tokens.begin()));
    if (!names.empty())
      return names.back().person;
  }
  return nullptr;
}

bool AttributionFinder::onlyCandidate(const facts::Person *person, std::string_view pronoun,
                                      std::size_t at, const facts::Person *skip) {
  if (!person)
    return false;
  const auto named = namedBefore(at);
  if (!named)
    return false;
  return std::none_of(named->begin(), named->end(), [&](const facts::Person *p) {
    return p != person && p != skip && SpeakerResolver::agrees(*p, pronoun);
  });
}

const facts::Person *AttributionFinder::soleCandidate(std::string_view pronoun, std::size_t at,
                                                      const facts::Person *skip) {
  const auto named = namedBefore(at);
  if (!named)
    return nullptr;
  const facts::Person *sole = nullptr;
  for (const facts::Person *p : *named)
    if (p != skip && SpeakerResolver::agrees(*p, pronoun)) {
      if (sole && sole != p)
        return nullptr;
      sole = p;
    }
  return sole;
}

std::optional<std::vector<const facts::Person *>> AttributionFinder::namedBefore(std::size_t at) {
  auto file = [&](Span span) {
    const auto tokens = proseTokens(span);
    std::vector<const facts::Person *> found;
    for (const SpeakerName &m : resolver_.mentions(tokens, 0, tokens.size())) {
      found.push_back(m.person);
      found.insert(found.end(), m.others.begin(), m.others.end());
    }
    return found;
  };
  // Whole sentences are filed once, in order; the part of the quote's own sentence before it is
  // read each time.
  const auto &sentences = doc_.sentences();
  const int si = doc_.sentenceAt(at);
  const std::size_t whole_end = si >= 0 ? sentences[si].span.begin : at;
  // Far into a long draft, whom it named a hundred sentences back no longer makes a pronoun
  // sure; reading the whole prefix on every keystroke would cost the draft's length.
  constexpr int kSentencesRead = 150;
  if (si > kSentencesRead)
    return std::nullopt;
  if (whole_end > named_upto_) {
    auto it = std::partition_point(sentences.begin(), sentences.end(),
                                   [&](const Sentence &x) { return x.span.begin < named_upto_; });
    for (; it != sentences.end() && it->span.end <= whole_end; ++it)
      for (const facts::Person *p : file(it->span))
        if (std::find(named_before_.begin(), named_before_.end(), p) == named_before_.end())
          named_before_.push_back(p);
    named_upto_ = whole_end;
  }
  std::vector<const facts::Person *> named = named_before_;
  if (whole_end < at)
    for (const facts::Person *p : file({whole_end, at}))
      named.push_back(p);
  return named;
}

std::vector<std::string>
AttributionFinder::eventsOnDatesIn(const std::vector<ClauseToken> &t) const {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  auto month = [](const ClauseToken &x) -> int {
    for (int m = 0; m < 12; ++m)
      if (x.isWord() && x.lower == kMonths[m])
        return m + 1;
    return 0;
  };
  auto day = [](const ClauseToken &x) -> int {
    if (!x.isWord() || x.lower.empty() || x.lower.size() > 2 ||
        !std::all_of(x.lower.begin(), x.lower.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return 0;
    return std::stoi(x.lower);
  };
  std::vector<std::pair<int, int>> dates; // (month, day)
  for (std::size_t k = 0; k + 1 < t.size(); ++k) {
    if (const int d = day(t[k]); d >= 1 && d <= 31)
      if (const int m = month(t[k + 1]))
        dates.emplace_back(m, d); // "10 April"
    if (const int m = month(t[k]))
      if (const int d = day(t[k + 1]); d >= 1 && d <= 31)
        dates.emplace_back(m, d); // "April 10"
  }
  std::vector<std::string> out;
  if (dates.empty())
    return out;
  for (const facts::Event &e : facts_.base().events) {
    int y = 0, m = 0, d = 0;
    if (e.date.size() != 10 || std::sscanf(e.date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3)
      continue;
    if (std::find(dates.begin(), dates.end(), std::make_pair(m, d)) != dates.end())
      out.push_back(e.id);
  }
  return out;
}

const std::vector<AttributionFinder::Segment> &AttributionFinder::segmentsOf(int b) {
  if (segments_.size() < doc_.blocks().size())
    segments_.resize(doc_.blocks().size());
  auto &slot = segments_[b];
  if (slot)
    return *slot;
  slot.emplace();
  const Block &block = doc_.blocks()[b];
  const std::string &prose = doc_.prose();
  auto add = [&](Span s) {
    if (s.end <= s.begin)
      return;
    auto read = [&]() -> IndexLookups::Occasions {
      const std::string words = occasionWords(prose, s, false);
      IndexLookups::Occasions found{facts_.eventsNamedIn(words), {}};
      if (!found.first.empty()) // no name at all, no long one
        found.second = facts_.eventsNamedIn(words, 2);
      // A day and month the base has an occasion on ("**Tuesday 10 April** — ...", "On April
      // 4, ..."): the occasions of that day, as specific as a name.
      for (const std::string &id : eventsOnDatesIn(lexClause(prose, s)))
        for (auto *list : {&found.first, &found.second})
          if (std::find(list->begin(), list->end(), id) == list->end())
            list->push_back(id);
      return found;
    };
    auto [events, specific] =
        lookups_ ? lookups_->occasions(facts_, prose.substr(s.begin, s.end - s.begin), read)
                 : read();
    slot->push_back({s.end, std::move(events), std::move(specific)});
  };
  // The prose between quotations: what the draft says in its own voice.
  std::size_t from = block.span.begin;
  auto j = std::lower_bound(quotes_.begin(), quotes_.end(), from,
                            [](const Quotation &q, std::size_t o) { return q.open.begin < o; });
  if (j != quotes_.begin())
    --j; // one opening before the block may close inside it
  for (; j != quotes_.end(); ++j) {
    if (j->depth != 0 || j->close.end <= from)
      continue;
    if (j->open.begin >= block.span.end)
      break;
    add({from, j->open.begin});
    from = std::max(from, j->close.end);
  }
  add({from, block.span.end});
  return *slot;
}

std::vector<std::string> AttributionFinder::eventsInBlock(int b, std::size_t until, bool specific) {
  std::vector<std::string> out;
  for (const Segment &s : segmentsOf(b)) {
    if (s.end > until)
      break;
    for (const std::string &e : specific ? s.specific : s.events)
      if (std::find(out.begin(), out.end(), e) == out.end())
        out.push_back(e);
  }
  return out;
}

std::vector<std::string> AttributionFinder::eventsNamedBefore(int block, std::size_t at) {
  std::vector<std::string> out;
  const auto &blocks = doc_.blocks();
  for (int b = 0; b <= block && b < static_cast<int>(blocks.size()); ++b)
    for (const std::string &e : eventsInBlock(b, b == block ? at : blocks[b].span.end))
      if (std::find(out.begin(), out.end(), e) == out.end())
        out.push_back(e);
  return out;
}

std::vector<std::string> AttributionFinder::settingOf(const Quotation &q, int block,
                                                      Attribution::SettingFrom *from,
                                                      std::vector<std::string> *specific) {
  using From = Attribution::SettingFrom;
  *from = From::None;
  specific->clear();
  std::vector<std::string> out;
  const auto &blocks = doc_.blocks();
  if (block < 0 || block >= static_cast<int>(blocks.size()))
    return out;
  // The nearest says most: the quote's paragraph, else the heading above it, else the opening
  // (a title and the paragraph after it, or the first paragraph), else the first occasion the
  // draft names above the quote.
  out = eventsInBlock(block, q.open.begin);
  if (!out.empty()) {
    *from = From::Paragraph;
    *specific = out;
    return out;
  }
  for (int b = block - 1; b >= 0; --b)
    if (blocks[b].kind == BlockKind::Heading) {
      out = eventsInBlock(b, blocks[b].span.end);
      if (!out.empty()) {
        *from = From::Heading;
        *specific = eventsInBlock(b, blocks[b].span.end, true);
        return out;
      }
      // A heading that names no occasion ("## The call") is set by its section's lead, the
      // paragraph right under it ("On 4 April he spent an hour on the phone with reporters.").
      if (b + 1 < block && blocks[b + 1].kind != BlockKind::Heading) {
        out = eventsInBlock(b + 1, blocks[b + 1].span.end);
        if (!out.empty()) {
          *from = From::Heading;
          *specific = eventsInBlock(b + 1, blocks[b + 1].span.end, true);
          return out;
        }
      }
      break;
    }
  // A live blog's entry ("**16:15** Zuckerberg again: “…”") is written from where the blog is.
  const std::size_t lead_end =
      std::min({blocks[block].span.end, q.open.begin, blocks[block].span.begin + 48});
  const auto lead = lexClause(doc_.prose(), {blocks[block].span.begin, lead_end});
  const bool entry = afterEntryLabel(lead) > 0;
  for (int b = 0; b < std::min<int>(block, 2); ++b) {
    out = eventsInBlock(b, blocks[b].span.end);
    if (!out.empty()) {
      *from = entry ? From::LiveBlog : From::Opening;
      *specific = eventsInBlock(b, blocks[b].span.end, true);
      return out;
    }
    if (blocks[b].kind != BlockKind::Heading)
      break;
  }
  if (first_naming_block_ == -2) { // read once per check: the blocks are the same for every quote
    first_naming_block_ = -1;
    for (int b = 0; b < static_cast<int>(blocks.size()); ++b)
      if (!eventsInBlock(b, blocks[b].span.end).empty()) {
        first_naming_block_ = b;
        break;
      }
  }
  if (first_naming_block_ >= 0 && first_naming_block_ < block) {
    const int b = first_naming_block_;
    out = eventsInBlock(b, blocks[b].span.end);
    *from = From::FirstNamed;
    *specific = eventsInBlock(b, blocks[b].span.end, true);
  }
  return out;
}

Attribution AttributionFinder::attribute(std::size_t k) {
  const Quotation &q = quotes_[k];
  const std::string &prose = doc_.prose();
  Attribution a;
  const int block = doc_.blockAt(q.open.begin) >= 0 ? doc_.blockAt(q.open.begin) : q.block;

  // The clause before: from the sentence start, or the previous quotation's end, to the mark.
  int si = doc_.sentenceAt(q.open.begin);
  const std::size_t sentence_begin = si >= 0 ? doc_.sentences()[si].span.begin : q.open.begin;
  std::size_t before_begin = sentence_begin;
  for (std::size_t j = k; j-- > 0;)
    if (quotes_[j].depth == 0) {
      if (quotes_[j].words.end <= q.open.begin && doc_.blockAt(quotes_[j].close.begin) == block)
        before_begin = std::max(before_begin, quotes_[j].close.end);
      break;
    }
  // The clause after: from the closing mark to the sentence end or the next quotation.
  std::size_t after_end = q.close.end;
  if (q.terminated && q.close.end > q.close.begin) {
    int sc = doc_.sentenceAt(q.close.begin);
    after_end = sc >= 0 ? std::max(doc_.sentences()[sc].span.end, q.close.end) : q.close.end;
    for (std::size_t j = k + 1; j < quotes_.size(); ++j)
      if (quotes_[j].depth == 0 && quotes_[j].open.begin >= q.close.end) {
        after_end = std::min(after_end, quotes_[j].open.begin);
        break;
      }
  }
  Span before{before_begin, std::max(before_begin, q.open.begin)};
  const Span after{q.close.end, after_end};
  // A block quote with no credit line, introduced by the paragraph before it ("Zuckerberg told
  // senators:"): that paragraph's last sentence is its clause.
  if (q.style == QuoteStyle::BlockQuote && q.credit.end == q.credit.begin && block > 0) {
    const int intro = doc_.sentenceAt(doc_.blocks()[block - 1].span.end - 1);
    if (intro >= 0) {
      si = intro;
      before = doc_.sentences()[intro].span;
    }
  }

  Parse p;
  if (q.credit.end > q.credit.begin) {
    auto tokens = lexClause(prose, q.credit);
    p = subject(tokens, 0, tokens.size(), false);
    if (!p.name)
      p.words = q.credit;
    std::size_t line_end = prose.find('\n', q.credit.begin);
    a.clause = {q.credit.begin, line_end == std::string::npos ? prose.size() : line_end};
  } else {
    const bool at_start = si >= 0 && before.begin == doc_.sentences()[si].span.begin;
    // "She asked, “Do you know who Palantir is?” Zuckerberg admitted that he did.": a speech
    // verb with its comma or colon right before the quote introduces it, whatever follows. Only
    // the few words before the mark are read to tell.
    std::size_t e = before.end;
    while (e > before.begin && (prose[e - 1] == ' ' || prose[e - 1] == '\n'))
      --e;
    bool introduced = false;
    if (e > before.begin && (prose[e - 1] == ',' || prose[e - 1] == ':')) {
      const auto tail = lexClause(prose, {std::max(before.begin, e > 48 ? e - 48 : 0), e});
      const std::size_t nt = tail.size();
      introduced = std::any_of(
          tail.end() - static_cast<std::ptrdiff_t>(std::min<std::size_t>(nt, 4)), tail.end(),
          [](const ClauseToken &t) { return t.isWord() && isSpeechVerb(t.lower); });
    }
    std::optional<std::vector<ClauseToken>> before_tokens;
    auto beforeTokens = [&]() -> const std::vector<ClauseToken> & {
      if (!before_tokens)
        before_tokens = lexClause(prose, before);
      return *before_tokens;
    };
    if (introduced && (p = beforeClause(beforeTokens(), at_start)).found &&
        (p.name || !p.pronoun.empty())) {
      a.clause = before;
    } else {
      auto after_tokens = lexClause(prose, after);
      p = afterClause(q, after_tokens);
      if (p.found) {
        a.clause = after;
      } else {
        p = beforeClause(beforeTokens(), at_start);
        if (p.found)
          a.clause = before;
      }
    }
  }

  // "It includes the line:", "They read out:": with no speech verb, "it" and "they" are more
  // likely a document or a crowd than a speaker.
  if (p.found && (p.pronoun == "it" || p.pronoun == "they")) {
    const auto clause = lexClause(prose, a.clause);
    if (std::none_of(clause.begin(), clause.end(), [](const ClauseToken &t) {
          return t.isWord() && (isSpeechVerb(t.lower) || isFragmentVerb(t.lower));
        })) {
      p = Parse{};
      a.clause = {};
    }
  }
  if (!p.found && before.begin > sentence_begin && last_in_sentence_ && last_sentence_ == si &&
      si >= 0) {
    // A second fragment in the sentence of the first: "He said it needs a “more proactive role”
    // that includes “good and healthy” ways" — the same speaker.
    a = *last_in_sentence_;
    a.events.clear();
    p.found = false;
  } else if (p.found) {
    a.name = p.words;
    if (!p.pronoun.empty()) {
      a.source = AttributionSource::Pronoun;
      a.pronoun = p.pronoun;
      // A reply right after a quoted question answers its asker: "he" is someone else.
      const auto clause = lexClause(prose, a.clause);
      const bool reply = std::any_of(clause.begin(), clause.end(), isReplyVerb);
      // The asker may be quoted ("“…?” Graham asked.") or reported ("Graham asked whether ...").
      const facts::Person *skip = nullptr;
      if (reply)
        skip =
            last_asker_ && block - last_asker_block_ <= 1 ? last_asker_ : askerBefore(q.open.begin);
      bool ambiguous = false;
      a.person = resolvePronoun(p.pronoun, p.words.begin, skip, &ambiguous);
      // "it" and "they" may stand for a statement, a report, a crowd: only "he" and "she" can be
      // as plain as a name.
      const bool personal = p.pronoun == "he" || p.pronoun == "she";
      // No one named near by ("He says ..." in a timeline's list, paragraphs below the name):
      // the only person the draft has named who agrees with the pronoun.
      if (!a.person && !ambiguous && personal)
        a.person = soleCandidate(p.pronoun, q.open.begin, skip);
      a.sure = personal && (onlyCandidate(a.person, p.pronoun, q.open.begin, skip) ||
                            soleInSentenceBefore(a.person, p.pronoun, q.open.begin, skip));
    } else {
      a.source = AttributionSource::Named;
      a.person = p.name ? p.name->person : nullptr;
      if (p.name)
        a.others = p.name->others;
      if (!a.person && p.reported) {
        a.stranger = reportedByPerson(prose, lexClause(prose, a.name));
      } else if (!a.person) {
        auto words = lexClause(prose, a.name);
        auto lead = lexClause(prose, {sentence_begin, std::max(sentence_begin, a.name.begin)});
        const bool opens =
            std::none_of(lead.begin(), lead.end(), [](const ClauseToken &t) { return t.isWord(); });
        a.stranger = SpeakerResolver::looksLikeName(words, 0, words.size(), opens);
        for (const ClauseToken &w : words) // "one analyst", "a Senate aide", "critics"
          if (w.isWord() && !roleNounOf(w.lower).empty())
            a.role = std::string(roleNounOf(w.lower));
      }
    }
  } else {
    // Nothing but the quote in its sentence: the previous speaker, if close by, goes on talking.
    auto hasWords = [&](Span r) {
      return std::any_of(prose.begin() + r.begin, prose.begin() + r.end,
                         [](char c) { return isAsciiAlnum(static_cast<unsigned char>(c)); });
    };
    const bool alone = !hasWords(before) && !hasWords(after);
    const facts::Person *going_on = // the previous quote's speaker, close by
        alone && block - last_speaker_block_ <= 2 ? last_speaker_ : nullptr;
    if (alone && (p = precedingSpeaker(si, k, going_on)).found) {
      // "Sandberg was blunt. “You never fully solve security.”": the sentence before names who
      // speaks, as a colon would.
      a.source = AttributionSource::Named;
      a.name = p.words;
      a.person = p.name ? p.name->person : nullptr;
      if (p.name)
        a.others = p.name->others;
      a.stranger = !a.person;
      a.clause = doc_.sentences()[si - 1].span;
    } else if (alone && last_speaker_ && block - last_speaker_block_ <= 2) {
      a.source = AttributionSource::Context;
      a.person = last_speaker_;
      // Right after the sentence whose quote the draft gave them by name, with nothing between:
      // "“…,” Sandberg said. “…”" goes on with Sandberg's words, as any reader takes it.
      a.carried = last_speaker_claimed_ && si >= 1 && last_speaker_sentence_ == si - 1 &&
                  block - last_speaker_block_ <= 1;
    }
  }

  if (a.source == AttributionSource::Named || a.source == AttributionSource::Pronoun) {
    for (Span region : {before, after, a.clause}) {
      if (region.end <= region.begin)
        continue;
      for (auto &id : facts_.eventsNamedIn(occasionWords(prose, region)))
        if (std::find(a.events.begin(), a.events.end(), id) == a.events.end())
          a.events.push_back(id);
    }
    // "Near the end of the call he ...": a definite noun naming an occasion the draft has named.
    // (The occasions named before are gathered only when a definite noun may point back.)
    if (a.events.empty())
      for (Span region : {before, after, a.clause}) {
        if (region.end <= region.begin)
          continue;
        const auto words = proseTokens(region);
        if (!mayReferBack(words, facts_.base()))
          continue;
        for (auto &id :
             occasionsReferredBack(words, facts_.base(), eventsNamedBefore(block, q.open.begin)))
          if (std::find(a.events.begin(), a.events.end(), id) == a.events.end())
            a.events.push_back(id);
      }
  }
  if (a.events.empty() && q.depth == 0)
    a.setting = settingOf(q, block, &a.setting_from, &a.setting_specific);
  a.draft_date = draft_date_;
  if (a.clause.end > a.clause.begin) {
    const auto clause_words = lexClause(prose, a.clause);
    a.asking = std::any_of(clause_words.begin(), clause_words.end(), isAskingOrSilentVerb);
  }
  if (q.depth == 0) {
    last_sentence_ = si;
    if (a.source == AttributionSource::Named || a.source == AttributionSource::Pronoun)
      last_in_sentence_ = a;
    else
      last_in_sentence_.reset();
  }
  if (a.source != AttributionSource::None && q.depth == 0) {
    last_speaker_ = a.person;
    last_speaker_block_ = block;
    last_speaker_claimed_ = a.person && (a.source == AttributionSource::Named ||
                                         a.source == AttributionSource::Pronoun || a.carried);
    last_speaker_sentence_ = doc_.sentenceAt(q.close.begin);
    // A question ("“Did you know?” Grassley asked.") is answered by someone else.
    // (The quote's last mark, read from its end, not by lexing all its words.)
    std::size_t e = q.words.end;
    while (e > q.words.begin && (prose[e - 1] == ' ' || prose[e - 1] == '\n'))
      --e;
    const bool asked = (e > q.words.begin && prose[e - 1] == '?') || a.asking;
    last_speaker_claimed_ = last_speaker_claimed_ && !asked;
    if (asked && a.person) {
      last_asker_ = a.person;
      last_asker_block_ = block;
    }
  }
  return a;
}

} // namespace factline::analyzers
