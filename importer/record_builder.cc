// From turns to records: who each label is, quotes cut at sentence ends, figure candidates.
#include "importer/record_builder.h"

#include <algorithm>
#include <array>
#include <set>

#include "analyzers/document.h"
#include "analyzers/figure_extractor.h"
#include "importer/speaker_label.h"
#include "importer/transcript_text.h"

namespace factline::importer {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

std::string folded(std::string_view s) {
  std::string out;
  for (char c : detail::trim(s)) {
    if (c == '.')
      continue;
    out += isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::size_t wordCount(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in)
      ++n;
    in = !space;
  }
  return n;
}

// The names a label may be known by in a base: its name, its titles with its surname, and its
// surname alone when that is all it gives.
std::set<std::string> namesOfLabel(const SpeakerLabel &label) {
  std::set<std::string> out;
  if (label.name.empty())
    return out;
  out.insert(folded(label.name));
  for (const std::string &t : label.titles)
    out.insert(folded(t + " " + label.surname));
  return out;
}

struct Speaker {
  SpeakerLabel label;
  std::string id;  // resolved person id, or empty
  std::string why; // why it stays unresolved
  bool left_out = false;
};

// Who each distinct label is.
class Resolver {
public:
  Resolver(const ImportOptions &options, const std::vector<const facts::Person *> &known,
           Import &out)
      : options_(options), known_(known), out_(out) {
    for (const facts::Person *p : known) {
      known_ids_.insert(p->id);
      names_[folded(p->name)].insert(p->id);
      for (const std::string &a : p->aliases)
        names_[folded(a)].insert(p->id);
      // "Zuckerberg" finds "Mark Zuckerberg" even when the base lists no alias.
      std::string_view name = p->name;
      if (std::size_t space = name.rfind(' '); space != std::string_view::npos)
        surnames_[folded(name.substr(space + 1))].insert(p->id);
    }
  }

  void resolve(std::map<std::string, Speaker> &speakers) {
    // Settled by hand first.
    for (auto &[raw, s] : speakers) {
      for (const auto &[label, id] : options_.speakers) {
        if (folded(label) != folded(raw))
          continue;
        if (id == "-") {
          s.left_out = true;
        } else if (known_ids_.count(id)) {
          s.id = id;
        } else {
          out_.mapping_errors.push_back({label, "unknown person id '" + id +
                                                    "' (it is in no base the import is merged "
                                                    "with or loaded beside)"});
        }
      }
    }
    // Full names first, so that a surname alone can then find the full name of this transcript.
    std::vector<Speaker *> order;
    for (auto &[raw, s] : speakers)
      order.push_back(&s);
    std::stable_sort(order.begin(), order.end(), [](const Speaker *a, const Speaker *b) {
      return !a->label.given.empty() && b->label.given.empty();
    });
    for (Speaker *s : order) {
      if (!s->id.empty() || s->left_out)
        continue;
      if (s->label.generic) {
        s->why = "names nobody in particular";
        continue;
      }
      std::set<std::string> ids;
      for (const std::string &name : namesOfLabel(s->label))
        if (auto it = names_.find(name); it != names_.end())
          ids.insert(it->second.begin(), it->second.end());
      if (ids.empty() && s->label.given.empty())
        if (auto it = surnames_.find(folded(s->label.surname)); it != surnames_.end())
          ids = it->second;
      if (ids.size() > 1) {
        std::string list;
        for (const std::string &id : ids)
          list += (list.empty() ? "" : " or ") + id;
        s->why = "could be " + list;
        continue;
      }
      if (ids.size() == 1) {
        s->id = *ids.begin();
        continue;
      }
      s->id = create(s->label);
    }
  }

private:
  // A new person from a label; known from now on, so that "GRASSLEY" after "SEN. CHUCK GRASSLEY"
  // is the same person.
  std::string create(const SpeakerLabel &label) {
    std::string id = slug(label.name);
    if (id.empty())
      id = "speaker";
    for (int n = 2; known_ids_.count(id); ++n)
      id = slug(label.name) + "-" + std::to_string(n);
    facts::Person p;
    p.id = id;
    p.name = label.name;
    p.aliases = aliasesOf(label);
    if (std::string d = descriptorOf(label); !d.empty()) {
      p.descriptors.push_back(d);
      p.role = d;
    }
    p.pronoun = pronounOf(label);
    known_ids_.insert(id);
    names_[folded(p.name)].insert(id);
    for (const std::string &a : p.aliases)
      names_[folded(a)].insert(id);
    if (!label.given.empty())
      surnames_[folded(label.surname)].insert(id);
    out_.new_people.push_back(std::move(p));
    return id;
  }

  const ImportOptions &options_;
  const std::vector<const facts::Person *> &known_;
  Import &out_;
  std::set<std::string> known_ids_;
  std::map<std::string, std::set<std::string>> names_, surnames_;
};

// Another label of a person already created adds its names: "Chairman Walden" after "Greg
// Walden" gives "Chairman Walden" as an alias.
void addLabelNames(facts::Person &p, const SpeakerLabel &label) {
  for (std::string &a : aliasesOf(label))
    if (a != p.name && std::find(p.aliases.begin(), p.aliases.end(), a) == p.aliases.end())
      p.aliases.push_back(std::move(a));
  if (std::string d = descriptorOf(label);
      !d.empty() && std::find(p.descriptors.begin(), p.descriptors.end(), d) == p.descriptors.end())
    p.descriptors.push_back(d);
  if (p.pronoun.empty())
    p.pronoun = pronounOf(label);
}

// Words that say nothing of what a number measures.
bool isFunctionWord(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "a",     "an",    "the",   "of",    "to",    "and",   "or",    "that",  "which", "who",
      "whose", "have",  "has",   "had",   "been",  "is",    "are",   "was",   "were",  "be",
      "in",    "on",    "for",   "with",  "by",    "at",    "from",  "our",   "their", "its",
      "this",  "these", "those", "it",    "they",  "we",    "i",     "you",   "he",    "she",
      "may",   "might", "will",  "would", "could", "can",   "about", "than",  "more",  "as",
      "so",    "but",   "not",   "do",    "did",   "does",  "all",   "some",  "just",  "there",
      "them",  "his",   "her",   "my",    "your",  "us",    "me",    "what",  "when",  "now"};
  return kWords.count(w) > 0;
}

std::string lowerWord(std::string_view w) {
  std::string out(w);
  for (char &c : out)
    if (isUpper(c))
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void figuresOf(const QuoteRecord &record, const std::string &event, Import &out) {
  analyzers::Document doc(record.text, analyzers::DraftFormat::PlainText);
  const std::string &prose = doc.prose();
  std::size_t n = 0;
  for (const analyzers::Sentence &sentence : doc.sentences()) {
    analyzers::SentenceFigures found = analyzers::extractFigures(prose, sentence.span);
    for (const analyzers::DraftFigure &f : found.figures) {
      if (f.kind == facts::FigureKind::Year || f.number.order_only || f.number.lone_one)
        continue;
      std::string number_words = lowerWord(std::string_view(prose).substr(
          f.number.span.begin, f.number.span.end - f.number.span.begin));
      if (number_words == "a" || number_words == "an") // "a day", "an hour": a rate, no figure
        continue;
      const auto &tokens = found.tokens;
      FigureCandidate c;
      c.id = "f-" + event + "-t" + std::to_string(record.turn) + "-" +
             std::to_string(record.part) + "-" + std::to_string(++n);
      c.kind = f.kind;
      c.value = f.number.value;
      const std::size_t text_end = std::max(f.number.span.end, f.unit_span.end);
      const std::size_t text_begin = f.unit_span.end > f.unit_span.begin
                                         ? std::min(f.number.span.begin, f.unit_span.begin)
                                         : f.number.span.begin; // "$4.2 million"
      c.text = std::string(detail::trim(
          std::string_view(prose).substr(text_begin, text_end - text_begin)));
      if (f.qualifier_span.end > f.qualifier_span.begin)
        c.qualifier = lowerWord(std::string_view(prose).substr(
            f.qualifier_span.begin, f.qualifier_span.end - f.qualifier_span.begin));
      c.unit = f.unit;
      // What it measures: the words after the number up to the end of its clause.
      std::vector<std::string> subject;
      for (std::size_t t = f.next_token; t < tokens.size() && subject.size() < 8; ++t) {
        const analyzers::ProseToken &tok = tokens[t];
        if (tok.begin >= sentence.span.end)
          break;
        if (tok.kind == analyzers::ProseToken::Kind::Symbol) {
          if (tok.text == "," || tok.text == ";" || tok.text == "." || tok.text == "?" ||
              tok.text == "!" || tok.text == ":" || tok.text == "\xE2\x80\x94")
            break;
          continue;
        }
        subject.emplace_back(tok.text);
      }
      if (!subject.empty() && lowerWord(subject.front()) == "of")
        subject.erase(subject.begin());
      if (c.unit.empty() && !subject.empty() && !isFunctionWord(lowerWord(subject.front())))
        c.unit = lowerWord(subject.front());
      for (std::size_t k = 0; k < subject.size(); ++k)
        c.subject += (k ? " " : "") + subject[k];
      for (const std::string &w : subject) {
        std::string l = lowerWord(w);
        if (!isFunctionWord(l) && l != c.unit && c.keywords.size() < 6 &&
            std::find(c.keywords.begin(), c.keywords.end(), l) == c.keywords.end())
          c.keywords.push_back(l);
      }
      c.context = std::string(detail::trim(doc.prose(sentence.span)));
      c.stated_by = record.speaker;
      c.quote = record.id;
      c.line = record.line;
      out.figures.push_back(std::move(c));
    }
  }
}

// Cuts `text` into records at sentence ends: none grows past `max_words` unless one sentence
// does; with `soft_words`, a record also ends at the first sentence end past it.
std::vector<std::pair<std::size_t, std::size_t>> cut(std::string_view text, std::size_t max_words,
                                                     std::size_t soft_words) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (wordCount(text) <= max_words && (soft_words == 0 || wordCount(text) <= soft_words)) {
    out.push_back({0, text.size()});
    return out;
  }
  std::size_t begin = 0, words = 0, end = 0;
  for (auto [s, e] : sentencesOf(text)) {
    std::size_t n = wordCount(text.substr(s, e - s));
    if (words > 0 && words + n > max_words) {
      out.push_back({begin, end});
      begin = s;
      words = 0;
    }
    if (words == 0)
      begin = s;
    words += n;
    end = e;
    if (soft_words && words >= soft_words) {
      out.push_back({begin, end});
      words = 0;
    }
  }
  if (words > 0)
    out.push_back({begin, end});
  return out;
}

bool hasWord(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return isUpper(c) || isLower(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  });
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> sentencesOf(std::string_view text) {
  static const std::set<std::string, std::less<>> kAbbreviations = {
      "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "st", "jr", "sr", "vs", "no", "hon",
      "u.s", "e.g", "i.e", "etc", "inc", "co", "corp", "lt", "gen", "col", "capt", "sgt"};
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  while (begin < text.size() && text[begin] == ' ')
    ++begin;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '?' && c != '!')
      continue;
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')' ||
                                 text[end] == ']' || text.substr(end).starts_with("\xE2\x80\x9D") ||
                                 text.substr(end).starts_with("\xE2\x80\x99"))) {
      end += static_cast<unsigned char>(text[end]) >= 0x80 ? 3 : 1;
    }
    if (end >= text.size() || text[end] != ' ')
      continue;
    std::size_t next = end;
    while (next < text.size() && text[next] == ' ')
      ++next;
    if (next >= text.size())
      continue;
    const char n = text[next];
    if (!(isUpper(n) || (n >= '0' && n <= '9') || n == '"' || n == '\'' ||
          static_cast<unsigned char>(n) >= 0x80))
      continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > begin && text[w - 1] != ' ')
        --w;
      std::string word = lowerWord(text.substr(w, i - w));
      if (kAbbreviations.count(word) || (word.size() == 1 && isUpper(text[w])))
        continue;
    }
    out.push_back({begin, end});
    begin = next;
    i = next - 1;
  }
  if (begin < text.size())
    out.push_back({begin, text.size()});
  return out;
}

Import buildImport(const Transcript &transcript, const ImportOptions &options,
                   const std::vector<const facts::Person *> &known) {
  Import out;
  out.turns = transcript.turns.size();
  std::map<std::string, Speaker> speakers;
  for (const Turn &turn : transcript.turns)
    if (!speakers.count(turn.label))
      speakers[turn.label].label = parseSpeakerLabel(turn.label);
  Resolver(options, known, out).resolve(speakers);
  if (!out.mapping_errors.empty())
    return out;
  for (auto &[raw, s] : speakers) {
    if (s.id.empty())
      continue;
    out.label_ids[raw] = s.id;
    for (facts::Person &p : out.new_people)
      if (p.id == s.id)
        addLabelNames(p, s.label);
  }
  std::map<std::string, std::size_t> unresolved_at;
  for (std::size_t t = 0; t < transcript.turns.size(); ++t) {
    const Turn &turn = transcript.turns[t];
    const Speaker &s = speakers[turn.label];
    if (s.left_out) {
      ++out.left_out_turns;
      continue;
    }
    if (s.id.empty()) {
      auto [it, added] = unresolved_at.try_emplace(turn.label, out.unresolved.size());
      if (added)
        out.unresolved.push_back({turn.label, 0, turn.line, t, s.why});
      ++out.unresolved[it->second].turns;
      continue;
    }
    if (std::find(out.speakers.begin(), out.speakers.end(), s.id) == out.speakers.end())
      out.speakers.push_back(s.id);
    std::size_t part = 0;
    auto add = [&](std::string text, std::size_t line, const std::string &time) {
      if (!hasWord(text))
        return;
      QuoteRecord r;
      r.turn = t + 1;
      r.part = ++part;
      r.id = "q-" + options.event + "-t" + std::to_string(r.turn) + "-" + std::to_string(r.part);
      r.text = std::move(text);
      r.speaker = s.id;
      r.time = time.empty() ? turn.time : time;
      r.line = line;
      out.quotes.push_back(std::move(r));
    };
    for (std::size_t p = 0; p < turn.paragraphs.size();) {
      const Paragraph &para = turn.paragraphs[p];
      if (!para.runs_on) {
        for (auto [b, e] : cut(para.text, options.max_record_words, 0))
          add(para.text.substr(b, e - b), para.line, para.time);
        ++p;
        continue;
      }
      // Caption cues: their words run on; each record takes the time of the cue it starts in.
      std::string joined;
      std::vector<std::pair<std::size_t, const Paragraph *>> starts; // offset -> cue
      for (; p < turn.paragraphs.size() && turn.paragraphs[p].runs_on; ++p) {
        if (!joined.empty())
          joined += ' ';
        starts.push_back({joined.size(), &turn.paragraphs[p]});
        joined += turn.paragraphs[p].text;
      }
      for (auto [b, e] : cut(joined, options.max_record_words, options.caption_record_words)) {
        auto cue = std::upper_bound(starts.begin(), starts.end(), b,
                                    [](std::size_t at, const auto &s) { return at < s.first; });
        const Paragraph *from = std::prev(cue)->second;
        add(joined.substr(b, e - b), from->line, from->time);
      }
    }
  }
  for (const QuoteRecord &r : out.quotes)
    figuresOf(r, options.event, out);
  return out;
}

} // namespace factline::importer
