// `factline facts validate|stats|find|index|import|review`: check fact base files, count their
// entries, show what a text would match, write snapshots, read transcripts into a base, confirm
// its figure candidates. Runs on the main thread of the command-line tool.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "facts/fact_library.h"
#include "facts/loader.h"
#include "facts/snapshot.h"
#include "importer/record_builder.h"
#include "importer/transcript.h"
#include "server/base_json.h"
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
              << r.base.quotes.size() << " quotes, " << r.base.figures.size() << " figures";
    if (r.figure_candidates)
      std::cout << "; " << r.figure_candidates << " figure candidates awaiting review";
    std::cout << ")\n";
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


// ---- facts import, facts review ----

namespace {

bool readWhole(const std::string &path, std::string &text, std::string &error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a folder";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot be read";
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  text = bytes.str();
  return true;
}

// The line of the first byte that is not UTF-8, or 0.
std::size_t badUtf8Line(std::string_view text) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n')
      ++line;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > text.size())
      return line;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
        return line;
    i += n;
  }
  return 0;
}

bool isoDate(std::string_view d) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= d.size() || d[i] < '0' || d[i] > '9')
        return false;
    return true;
  };
  return (d.size() == 4 && digits(0, 4)) ||
         (d.size() == 7 && digits(0, 4) && d[4] == '-' && digits(5, 2)) ||
         (d.size() == 10 && digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' &&
          digits(8, 2));
}

BaseJson *entryWithId(BaseJson &list, const std::string &id) {
  if (!list.is_array())
    return nullptr;
  for (BaseJson &e : list)
    if (e.is_object() && e.value("id", "") == id)
      return &e;
  return nullptr;
}

BaseJson &listOf(BaseJson &base, const char *key) {
  if (!base.contains(key) || !base[key].is_array())
    base[key] = BaseJson::array();
  return base[key];
}

const char *figureKindName(FigureKind k) {
  static const char *kNames[] = {"count", "percent", "ratio", "duration", "money", "year", "other"};
  return kNames[static_cast<int>(k)];
}

BaseJson number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15)
    return static_cast<std::int64_t>(v);
  return v;
}

// LABEL=id, split at the last "=" (a label may hold one, an id may not).
bool splitMapping(const std::string &item, std::string &label, std::string &id) {
  std::size_t eq = item.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
    return false;
  auto trim = [](std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t\r") + 1);
    return s;
  };
  label = trim(item.substr(0, eq));
  id = trim(item.substr(eq + 1));
  return !label.empty() && !id.empty();
}

// The base a command rewrites: loaded with every check first, then read as JSON.
bool loadBaseForRewrite(const std::string &path, BaseJson &json, FactBase &typed,
                        const char *command) {
  LoadResult r = readFactBaseJsonFile(path);
  checkReferences(r, {&bundledFactBase()});
  for (const LoadError &e : r.errors)
    std::cerr << e.describe() << "\n";
  if (!r.ok()) {
    std::cerr << "factline facts " << command << ": " << path
              << " has errors; fix them first (nothing written)\n";
    return false;
  }
  std::string text, error;
  if (!readWhole(path, text, error) || !parseBaseJson(text, json, error)) {
    std::cerr << "factline facts " << command << ": " << path << ": " << error << "\n";
    return false;
  }
  typed = std::move(r.base);
  return true;
}

// Renders `base`, checks that it loads without an error beside the bundled base, and writes it.
bool writeCheckedBase(const BaseJson &base, const std::string &path, const char *command) {
  const std::string text = renderBaseJson(base);
  LoadResult check = parseFactBase(text, path, {&bundledFactBase()});
  if (!check.ok()) {
    for (const LoadError &e : check.errors)
      std::cerr << e.describe() << "\n";
    std::cerr << "factline facts " << command << ": the base written would not load (nothing "
              << "written)\n";
    return false;
  }
  std::string error;
  if (!replaceFile(path, text, error)) {
    std::cerr << "factline facts " << command << ": cannot write " << path << ": " << error
              << " (nothing written)\n";
    return false;
  }
  return true;
}

} // namespace

int runFactsImport(const ImportOptions &options) {
  auto fail = [](const std::string &message) {
    std::cerr << "factline facts import: " << message << " (nothing written)\n";
    return 2;
  };
  const FactBase &bundled = bundledFactBase();

  // The transcripts, in order: one transcript in parts continues its turns from file to file.
  importer::Transcript all;
  std::vector<std::pair<std::size_t, std::string>> files; // first turn, file
  std::string formats;
  for (const std::string &path : options.transcripts) {
    std::string text, error;
    if (!readWhole(path, text, error))
      return fail(path + ": " + error);
    if (std::size_t line = badUtf8Line(text))
      return fail(path + ":" + std::to_string(line) + ": not UTF-8 text");
    const importer::TranscriptFormat format = options.format.empty()
                                                  ? importer::detectFormat(text)
                                                  : *importer::formatNamed(options.format);
    importer::Transcript t = importer::readTranscript(text, format);
    for (const auto &w : t.warnings)
      std::cerr << path << (w.line ? ":" + std::to_string(w.line) : "") << ": warning: "
                << w.message << "\n";
    if (!t.errors.empty()) {
      for (const auto &e : t.errors)
        std::cerr << path << (e.line ? ":" + std::to_string(e.line) : "") << ": " << e.message
                  << "\n";
      return fail(path + " could not be read as a transcript");
    }
    files.push_back({all.turns.size(), path});
    formats += (formats.empty() ? "" : ", ") + path + " (" +
               std::string(importer::formatName(format)) + ")";
    for (importer::Turn &turn : t.turns)
      all.turns.push_back(std::move(turn));
  }
  auto placeOf = [&](std::size_t turn, std::size_t line) {
    auto it = std::upper_bound(files.begin(), files.end(), turn,
                               [](std::size_t t, const auto &f) { return t < f.first; });
    return std::prev(it)->second + ":" + std::to_string(line);
  };

  // The base merged into: --base, else the output file when there is one.
  std::error_code ec;
  const std::string base_path = !options.base.empty() ? options.base
                                : std::filesystem::exists(options.output, ec) ? options.output
                                                                              : "";
  BaseJson base = {{"factline", 1}};
  FactBase typed;
  if (!base_path.empty() && !loadBaseForRewrite(base_path, base, typed, "import"))
    return 2;
  // Every list is there before any entry is pointed at: adding a key to the object moves them.
  if (!base.contains("name"))
    base["name"] = "";
  for (const char *key : {"people", "events", "sources", "quotes", "figures"})
    listOf(base, key);

  // The event and the source.
  if (!options.date.empty() && !isoDate(options.date))
    return fail("--date " + options.date + ": expected YYYY-MM-DD");
  std::string event = options.event;
  if (event.empty()) {
    if (typed.events.size() != 1)
      return fail("name the event with --event ID (and --event-name NAME --date YYYY-MM-DD to "
                  "create it)");
    event = typed.events.front().id;
  }
  std::string date = options.date;
  BaseJson *event_entry = entryWithId(listOf(base, "events"), event);
  if (!options.event_name.empty()) {
    if (!event_entry) {
      listOf(base, "events").push_back({{"id", event}, {"name", options.event_name}});
      event_entry = &base["events"].back();
    }
    (*event_entry)["name"] = options.event_name;
    if (!date.empty())
      (*event_entry)["date"] = date;
  } else if (!event_entry && !bundled.event(event)) {
    return fail("unknown event id '" + event + "' (in " +
                (base_path.empty() ? std::string("no --base") : base_path) +
                " nor the bundled base); give --event-name NAME to create it");
  }
  if (date.empty()) {
    if (event_entry)
      date = event_entry->value("date", "");
    else if (const Event *e = bundled.event(event))
      date = e->date;
  }
  std::string source = options.source;
  const bool describes_source =
      !options.source_title.empty() || !options.source_url.empty() || !options.publisher.empty();
  if (source.empty() && describes_source)
    source = "src-" + event;
  if (!source.empty()) {
    BaseJson *entry = entryWithId(listOf(base, "sources"), source);
    if (describes_source) {
      if (!entry) {
        std::string title = options.source_title;
        if (title.empty())
          title = (event_entry ? event_entry->value("name", event) : event) + " (transcript)";
        listOf(base, "sources").push_back({{"id", source}, {"title", title}});
        entry = &base["sources"].back();
      }
      if (!options.source_title.empty())
        (*entry)["title"] = options.source_title;
      if (!options.publisher.empty())
        (*entry)["publisher"] = options.publisher;
      if (!options.source_url.empty())
        (*entry)["url"] = options.source_url;
    } else if (!entry && !bundled.source(source)) {
      return fail("unknown source id '" + source + "' (in " +
                  (base_path.empty() ? std::string("no --base") : base_path) +
                  " nor the bundled base); give --source-title, --source-url or --publisher to "
                  "create it");
    }
  }

  // Who the labels are.
  importer::ImportOptions import;
  import.event = event;
  import.date = date;
  import.source = source;
  for (const std::string &item : options.speakers) {
    std::string label, id;
    if (!splitMapping(item, label, id))
      return fail("--speaker " + item + ": expected LABEL=PERSON-ID (or LABEL=-)");
    import.speakers[label] = id;
  }
  if (!options.speakers_file.empty()) {
    std::string text, error;
    if (!readWhole(options.speakers_file, text, error))
      return fail(options.speakers_file + ": " + error);
    std::istringstream lines(text);
    std::string line;
    for (std::size_t n = 1; std::getline(lines, line); ++n) {
      std::string_view trimmed = line;
      while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
        trimmed.remove_prefix(1);
      if (trimmed.empty() || trimmed.front() == '#' || trimmed == "\r")
        continue;
      std::string label, id;
      if (!splitMapping(line, label, id))
        return fail(options.speakers_file + ":" + std::to_string(n) +
                    ": expected LABEL=PERSON-ID (or LABEL=-)");
      import.speakers.emplace(label, id); // --speaker wins over the file
    }
  }
  std::vector<const Person *> known;
  for (const Person &p : typed.people)
    known.push_back(&p);
  if (options.bundled)
    for (const Person &p : bundled.people)
      if (!typed.person(p.id))
        known.push_back(&p);
  importer::Import result = importer::buildImport(all, import, known);
  if (!result.mapping_errors.empty()) {
    for (const importer::MappingError &e : result.mapping_errors)
      std::cerr << "factline facts import: --speaker " << e.label << ": " << e.message << "\n";
    return fail("a speaker mapping names no known person");
  }

  // People.
  for (const Person &p : result.new_people) {
    BaseJson entry = {{"id", p.id}, {"name", p.name}};
    if (!p.aliases.empty())
      entry["aliases"] = p.aliases;
    if (!p.descriptors.empty())
      entry["descriptors"] = p.descriptors;
    if (!p.role.empty())
      entry["role"] = p.role;
    if (!p.pronoun.empty())
      entry["pronoun"] = p.pronoun;
    listOf(base, "people").push_back(std::move(entry));
  }

  // Quotes: this event's imported records are replaced, the rest of the base kept as it was.
  const std::string quote_prefix = "q-" + event + "-t";
  std::map<std::string, std::string> old_quotes;
  BaseJson quotes = BaseJson::array();
  for (BaseJson &q : listOf(base, "quotes")) {
    const std::string id = q.value("id", "");
    if (id.starts_with(quote_prefix) && q.value("event", "") == event)
      old_quotes[id] = q.value("text", "");
    else
      quotes.push_back(std::move(q));
  }
  std::size_t added = 0, changed = 0, unchanged = 0;
  std::vector<std::string> changed_ids;
  for (const importer::QuoteRecord &r : result.quotes) {
    BaseJson entry = {{"id", r.id}, {"text", r.text}, {"speaker", r.speaker}, {"event", event}};
    if (!date.empty())
      entry["date"] = date;
    if (!source.empty())
      entry["source"] = source;
    entry["turn"] = r.turn;
    entry["part"] = r.part;
    if (!r.time.empty())
      entry["time"] = r.time;
    quotes.push_back(std::move(entry));
    auto old = old_quotes.find(r.id);
    if (old == old_quotes.end()) {
      ++added;
    } else {
      if (old->second == r.text) {
        ++unchanged;
      } else {
        ++changed;
        changed_ids.push_back(r.id);
      }
      old_quotes.erase(old);
    }
  }
  base["quotes"] = std::move(quotes);

  // Figures: candidates, except one already confirmed whose sentence is unchanged.
  const std::string figure_prefix = "f-" + event + "-t";
  std::map<std::string, BaseJson> old_figures;
  BaseJson figures = BaseJson::array();
  for (BaseJson &f : listOf(base, "figures")) {
    const std::string id = f.value("id", "");
    if (id.starts_with(figure_prefix))
      old_figures[id] = std::move(f);
    else
      figures.push_back(std::move(f));
  }
  std::size_t still_confirmed = 0, candidates = 0, unconfirmed = 0;
  for (const importer::FigureCandidate &c : result.figures) {
    auto old = old_figures.find(c.id);
    if (old != old_figures.end() && old->second.value("status", "confirmed") != "candidate" &&
        old->second.value("context", "") == c.context) {
      figures.push_back(std::move(old->second));
      old_figures.erase(old);
      ++still_confirmed;
      continue;
    }
    if (old != old_figures.end()) {
      if (old->second.value("status", "confirmed") != "candidate")
        ++unconfirmed; // its sentence changed: it needs a look again
      old_figures.erase(old);
    }
    BaseJson entry = {{"id", c.id},
                      {"status", "candidate"},
                      {"kind", figureKindName(c.kind)},
                      {"value", number(c.value)},
                      {"text", c.text}};
    if (!c.qualifier.empty())
      entry["qualifier"] = c.qualifier;
    if (!c.unit.empty()) {
      entry["unit"] = c.unit;
      entry["units"] = BaseJson::array({c.unit});
    }
    if (!c.subject.empty())
      entry["subject"] = c.subject;
    if (!c.keywords.empty())
      entry["keywords"] = c.keywords;
    entry["stated_by"] = c.stated_by;
    if (!date.empty())
      entry["date"] = date;
    if (!source.empty())
      entry["source"] = source;
    entry["context"] = c.context;
    figures.push_back(std::move(entry));
    ++candidates;
  }
  std::size_t confirmed_removed = 0;
  for (const auto &[id, f] : old_figures)
    if (f.value("status", "confirmed") != "candidate")
      ++confirmed_removed;
  base["figures"] = std::move(figures);
  if (base["name"] == "") {
    const std::string name =
        (event_entry ? event_entry->value("name", event) : event) + " (imported transcript)";
    base["name"] = name;
  }

  if (!writeCheckedBase(base, options.output, "import"))
    return 2;

  // The summary.
  std::cerr << "factline facts import: wrote " << options.output << "\n";
  std::cerr << "  transcripts        " << formats << "\n";
  std::cerr << "  speakers           " << result.speakers.size();
  if (!result.new_people.empty()) {
    std::cerr << " (" << result.new_people.size() << " new:";
    for (const Person &p : result.new_people)
      std::cerr << " " << p.id;
    std::cerr << ")";
  }
  std::cerr << "\n  turns              " << result.turns;
  if (result.left_out_turns)
    std::cerr << " (" << result.left_out_turns << " left out by mapping)";
  std::cerr << "\n  quote records      " << result.quotes.size() << " (" << added << " added, "
            << changed << " changed, " << old_quotes.size() << " removed, " << unchanged
            << " unchanged)\n";
  for (std::size_t i = 0; i < changed_ids.size() && i < 10; ++i)
    std::cerr << "    changed: " << changed_ids[i] << "\n";
  for (auto it = old_quotes.begin(); it != old_quotes.end() && std::distance(old_quotes.begin(), it) < 10; ++it)
    std::cerr << "    removed: " << it->first << "\n";
  std::cerr << "  figure candidates  " << candidates;
  if (still_confirmed)
    std::cerr << " (" << still_confirmed << " confirmed figures kept)";
  if (unconfirmed)
    std::cerr << " (" << unconfirmed << " confirmed figures whose sentence changed are candidates again)";
  if (confirmed_removed)
    std::cerr << " (" << confirmed_removed << " confirmed figures no longer said, removed)";
  if (candidates)
    std::cerr << ": not used until confirmed with factline facts review " << options.output;
  std::cerr << "\n  labels not resolved " << result.unresolved.size() << "\n";
  for (const importer::UnresolvedLabel &u : result.unresolved)
    std::cerr << placeOf(u.first_turn, u.first_line) << ": label '" << u.label
              << "' not resolved (" << u.why << "): its " << u.turns
              << (u.turns == 1 ? " turn is" : " turns are")
              << " left out; settle it with --speaker '" << u.label << "=PERSON-ID' (or '"
              << u.label << "=-')\n";
  return result.unresolved.empty() ? 0 : 1;
}

int runFactsReview(const ReviewOptions &options) {
  BaseJson base;
  FactBase typed;
  if (!loadBaseForRewrite(options.base, base, typed, "review"))
    return 2;
  BaseJson &figures = listOf(base, "figures");
  auto isCandidate = [](const BaseJson &f) { return f.value("status", "") == "candidate"; };
  if (options.confirm.empty() && options.reject.empty()) {
    std::size_t n = 0;
    for (const BaseJson &f : figures) {
      if (!isCandidate(f))
        continue;
      ++n;
      const std::string qualifier = f.value("qualifier", "");
      std::cout << f.value("id", "") << ": " << (qualifier.empty() ? "" : qualifier + " ")
                << f.value("text", "") << " [" << f.value("kind", "count") << "]";
      if (f.contains("subject"))
        std::cout << " \u2014 " << f.value("subject", "");
      std::cout << "\n    said by " << f.value("stated_by", "?") << ": " << f.value("context", "")
                << "\n";
    }
    std::cout << n << (n == 1 ? " figure candidate" : " figure candidates");
    if (n)
      std::cout << "; confirm one with: factline facts review " << options.base
                << " --confirm ID (or --reject ID)";
    std::cout << "\n";
    return 0;
  }
  std::size_t confirmed = 0, rejected = 0;
  for (const std::string &id : options.confirm) {
    if (id == "all") {
      for (BaseJson &f : figures)
        if (isCandidate(f)) {
          f["status"] = "confirmed";
          ++confirmed;
        }
      continue;
    }
    BaseJson *f = entryWithId(figures, id);
    if (!f || !isCandidate(*f)) {
      std::cerr << "factline facts review: " << options.base << ": " << id
                << (f ? " is already confirmed" : " is no figure of the base")
                << " (nothing written)\n";
      return 2;
    }
    (*f)["status"] = "confirmed";
    ++confirmed;
  }
  for (const std::string &id : options.reject) {
    BaseJson *f = entryWithId(figures, id);
    if (!f || !isCandidate(*f)) {
      std::cerr << "factline facts review: " << options.base << ": " << id
                << (f ? " is confirmed, not a candidate: edit the base to remove it"
                      : " is no figure of the base")
                << " (nothing written)\n";
      return 2;
    }
    figures.erase(figures.begin() + (f - &figures[0]));
    ++rejected;
  }
  if (!writeCheckedBase(base, options.base, "review"))
    return 2;
  std::size_t left = std::count_if(figures.begin(), figures.end(), isCandidate);
  std::cout << options.base << ": " << confirmed << " confirmed, " << rejected << " rejected, "
            << left << (left == 1 ? " candidate" : " candidates") << " left\n";
  return 0;
}

} // namespace factline::server
