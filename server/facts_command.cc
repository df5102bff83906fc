// `factline facts validate|stats|find|index`: check fact base files, count their entries, show what
// a text would match, write snapshots. Runs on the main thread of the command-line tool.
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "facts/fact_library.h"
#include "facts/loader.h"
#include "facts/snapshot.h"
#include "server/commands.h"

namespace factline::server {
namespace {

using namespace factline::facts;

void printDiagnostics(const FactFileStatus &status) {
  for (const LoadError &e : status.errors)
    std::cerr << e.describe() << "\n";
  for (const LoadError &w : status.warnings)
    std::cerr << "warning: " << w.describe() << "\n";
}

// The bundled base (unless left out) and the given files, merged; 0 if every file loaded.
int loadLibrary(const FactsOptions &options, FactLibrary &library) {
  int status = 0;
  for (const FactFileStatus &file : library.setFiles(options.files)) {
    printDiagnostics(file);
    if (!file.loaded)
      status = 1;
  }
  return status;
}

// "Mark Zuckerberg, conference call with reporters, 4 April 2018 (SBS News)"
std::string describeQuote(const FactBase &base, const Quote &q) {
  std::string out;
  const Person *speaker = base.person(q.speaker);
  out += speaker ? speaker->name : q.speaker.str();
  if (const Event *event = base.event(q.event))
    out += ", " + event->name;
  if (!q.date.empty())
    out += ", " + formatDate(q.date);
  if (const Source *source = base.source(q.source))
    out += " (" + (source->publisher.empty() ? source->title : source->publisher) + ")";
  return out;
}

// The recorded wording with the part the text matched marked «like this», cut to about 300
// bytes around it when long.
std::string wordingExcerpt(const FactIndex &index, Wording w, std::size_t first, std::size_t last) {
  const auto &tokens = index.wordingTokens(w);
  std::string_view text = index.wordingText(w);
  if (tokens.empty() || first >= last || last > tokens.size())
    return std::string(text);
  const std::size_t begin = tokens[first].begin, end = tokens[last - 1].end;
  constexpr std::size_t kContext = 120;
  std::size_t from = begin > kContext ? text.find(' ', begin - kContext) : 0;
  if (from == std::string_view::npos || from > begin)
    from = 0;
  std::size_t to = text.size() - end > kContext ? text.rfind(' ', end + kContext) : text.size();
  if (to == std::string_view::npos || to < end)
    to = text.size();
  std::string out = from > 0 ? "..." : "";
  out += text.substr(from, begin - from);
  out += "\u00AB";
  out += text.substr(begin, end - begin);
  out += "\u00BB";
  out += text.substr(end, to - end);
  if (to < text.size())
    out += "...";
  return out;
}

// People named anywhere in the text: every run of up to six words is tried as a name, longest
// first, and words inside a found name are not tried again.
std::vector<std::string> peopleNamedIn(const FactIndex &index, std::string_view text) {
  std::vector<Token> words = tokenize(text);
  std::vector<std::string> found;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    for (std::size_t n = std::min<std::size_t>(6, words.size() - i); n > 0 && !taken; --n) {
      std::size_t begin = words[i].begin, end = words[i + n - 1].end;
      for (const std::string &id : index.resolvePerson(text.substr(begin, end - begin))) {
        taken = n;
        if (seen.insert(id).second)
          found.push_back(id);
      }
    }
    i += taken ? taken : 1;
  }
  return found;
}

} // namespace

int runFactsValidate(const FactsOptions &options) {
  // Every file is read first so that references between the given files (and into the bundled
  // base) resolve whatever the order.
  std::vector<LoadResult> results;
  for (const std::string &path : options.files)
    results.push_back(readFactBaseFile(path));
  int exit_code = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    OtherBases others{&bundledFactBase()};
    for (std::size_t j = 0; j < results.size(); ++j)
      if (j != i)
        others.push_back(&results[j].base);
    LoadResult &r = results[i];
    checkReferences(r, others);
    for (const LoadError &e : r.errors)
      std::cerr << e.describe() << "\n";
    for (const LoadError &w : r.warnings)
      std::cerr << "warning: " << w.describe() << "\n";
    if (!r.ok()) {
      exit_code = 1;
      std::cout << options.files[i] << ": invalid (" << r.errors.size()
                << (r.errors.size() == 1 ? " error)" : " errors)") << "\n";
      continue;
    }
    std::cout << options.files[i] << ": valid (" << r.base.people.size() << " people, "
              << r.base.events.size() << " events, " << r.base.sources.size() << " sources, "
              << r.base.quotes.size() << " quotes, " << r.base.figures.size() << " figures)\n";
  }
  return exit_code;
}

int runFactsStats(const FactsOptions &options) {
  FactLibrary library(options.bundled);
  int status = loadLibrary(options, library);
  const FactBase &base = library.snapshot()->base();
  std::size_t people = 0, organisations = 0, variants = 0;
  for (const Person &p : base.people)
    (p.kind == EntityKind::Person ? people : organisations)++;
  for (const Quote &q : base.quotes)
    variants += q.variants.size();
  const std::pair<const char *, std::size_t> rows[] = {{"people", people},
                                                       {"organisations", organisations},
                                                       {"events", base.events.size()},
                                                       {"sources", base.sources.size()},
                                                       {"quotes", base.quotes.size()},
                                                       {"variants", variants},
                                                       {"figures", base.figures.size()}};
  for (const auto &[kind, count] : rows)
    std::printf("%-14s %zu\n", kind, count);
  return status;
}

int runFactsFind(const FactsOptions &options) {
  FactLibrary library(options.bundled);
  int status = loadLibrary(options, library);
  std::shared_ptr<const FactIndex> index = library.snapshot();
  const FactBase &base = index->base();
  std::vector<Token> words = tokenize(options.text);
  bool any = false;

  auto verbatim = index->findVerbatim(words);
  std::set<std::size_t> shown;
  if (!verbatim.empty()) {
    std::cout << "Quotes matched verbatim:\n";
    for (const QuoteMatch &m : verbatim) {
      if (!shown.insert(m.wording.quote).second)
        continue;
      const Quote &q = base.quotes[m.wording.quote];
      std::cout << "  " << q.id << (m.wording.variant >= 0 ? " (variant)" : "") << ": "
                << describeQuote(base, q) << "\n    \""
                << wordingExcerpt(*index, m.wording, m.first, m.last) << "\"\n";
    }
    any = true;
  }
  std::vector<NearQuote> near;
  for (const NearQuote &n : index->findNear(words, 5, 0.5))
    if (!shown.count(n.wording.quote))
      near.push_back(n);
  if (!near.empty()) {
    std::cout << "Quotes near it (altered?):\n";
    for (const NearQuote &n : near) {
      const Quote &q = base.quotes[n.wording.quote];
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", n.score);
      std::cout << "  " << score << " " << q.id << ": " << describeQuote(base, q) << "\n    \""
                << wordingExcerpt(*index, n.wording, n.first, n.last) << "\"\n";
    }
    any = true;
  }
  auto people = peopleNamedIn(*index, options.text);
  if (!people.empty()) {
    std::cout << "People named:\n";
    for (const std::string &id : people) {
      const Person *p = base.person(id);
      std::cout << "  " << id << ": " << p->name << (p->role.empty() ? "" : ", " + p->role) << "\n";
    }
    any = true;
  }
  auto events = index->eventsNamedIn(options.text);
  if (!events.empty()) {
    std::cout << "Events named:\n";
    for (const std::string &id : events) {
      const Event *e = base.event(id);
      std::cout << "  " << id << ": " << e->name
                << (e->date.empty() ? "" : ", " + formatDate(e->date)) << "\n";
    }
    any = true;
  }
  std::vector<std::string> folded;
  for (const Token &t : words)
    if (t.kind == TokenKind::Word)
      folded.push_back(t.norm);
  auto figures = index->figuresFor(folded);
  if (!figures.empty()) {
    std::cout << "Figures its words point at:\n";
    for (std::size_t i : figures) {
      const Figure &f = base.figures[i];
      std::cout << "  " << f.id << ": " << (f.qualifier.empty() ? "" : f.qualifier + " ") << f.text
                << (f.subject.empty() ? "" : " — " + f.subject)
                << (f.date.empty() ? "" : " (" + formatDate(f.date) + ")")
                << (f.superseded_by.empty() ? "" : " [superseded by " + f.superseded_by + "]")
                << "\n";
    }
    any = true;
  }
  if (!any)
    std::cout << "Nothing in the fact base matches.\n";
  return status;
}

int runFactsIndex(const FactsOptions &options) {
  const std::string &json = options.files.front();
  const std::string out = options.output.empty() ? snapshotPathFor(json) : options.output;
  if (out == json) {
    std::cerr << json << ": the snapshot would replace the JSON file; name another with -o\n";
    return 1;
  }
  std::vector<LoadError> errors = writeSnapshotOf(json, out);
  for (const LoadError &e : errors)
    std::cerr << e.describe() << "\n";
  if (!errors.empty())
    return 1;
  std::cout << out << ": snapshot of " << json << " written\n";
  return 0;
}

} // namespace factline::server
