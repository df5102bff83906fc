// The JSON report of `factline check`, and what every report counts.
#include "server/check_report.h"

#include "server/record_view.h"
#include "server/settings.h"
#include "server/to_lsp.h"

namespace factline::server {

using analyzers::FactRef;
using json = nlohmann::ordered_json;

namespace {

void tally(const CheckedFile &file, SeverityCounts &severities,
           std::map<std::string, std::size_t> &statuses) {
  for (std::size_t i = 0; i < file.findings.size(); ++i) {
    const auto &f = file.findings[i];
    if (f.severity && !file.reviewOf(i))
      ++severities[static_cast<std::size_t>(*f.severity) - 1];
    ++statuses[std::string(statusName(f.status))];
  }
}

} // namespace

SeverityCounts countBySeverity(const std::vector<CheckedFile> &files) {
  SeverityCounts counts{};
  std::map<std::string, std::size_t> statuses;
  for (const auto &file : files)
    tally(file, counts, statuses);
  return counts;
}

std::size_t countReviewed(const std::vector<CheckedFile> &files) {
  std::size_t n = 0;
  for (const auto &file : files)
    for (std::size_t i = 0; i < file.findings.size(); ++i)
      n += file.reviewOf(i) ? 1 : 0;
  return n;
}

json reviewJson(const ReviewDecision &d) {
  json j{{"decision", verdictName(d.verdict)}};
  j["reason"] = d.reason.empty() ? json(nullptr) : json(d.reason);
  j["why"] = d.why;
  j["by"] = d.by;
  j["at"] = d.at;
  return j;
}

std::map<std::string, std::size_t> countByStatus(const std::vector<CheckedFile> &files) {
  SeverityCounts counts{};
  std::map<std::string, std::size_t> statuses;
  for (const auto &file : files)
    tally(file, counts, statuses);
  return statuses;
}

TextPoint textPoint(const protocol::LineIndex &lines, std::size_t offset) {
  protocol::Position p = lines.toPosition(offset, protocol::PositionEncoding::Utf32);
  return {static_cast<std::size_t>(p.line) + 1, static_cast<std::size_t>(p.character) + 1};
}

namespace {

json pointJson(const protocol::LineIndex &lines, std::size_t offset) {
  TextPoint p = textPoint(lines, offset);
  return {{"line", p.line}, {"column", p.column}, {"offset", offset}};
}

json rangeJson(const protocol::LineIndex &lines, analyzers::Span span) {
  return {{"start", pointJson(lines, span.begin)}, {"end", pointJson(lines, span.end)}};
}

// Fields with empty values are left out, so a reader sees only what the record holds.
void put(json &j, const char *key, const std::string &value) {
  if (!value.empty())
    j[key] = value;
}

json personJson(const PersonView &p) {
  json j{{"id", p.id}, {"found", p.found}};
  put(j, "name", p.name);
  put(j, "detail", p.detail);
  return j;
}

json sourceJson(const SourceView &s) {
  json j{{"id", s.id}, {"found", s.found}};
  put(j, "title", s.title);
  put(j, "publisher", s.publisher);
  put(j, "date", s.date);
  put(j, "url", s.url);
  return j;
}

json recordJson(const RecordView &r) {
  static constexpr const char *kinds[] = {"quote", "figure", "person", "event"};
  json j{{"kind", kinds[static_cast<int>(r.kind)]}, {"id", r.id}, {"found", r.found}};
  if (!r.found)
    return j;
  switch (r.kind) {
  case FactRef::Kind::Quote:
    j["text"] = r.text;
    j["speaker"] = personJson(r.person);
    if (!r.event.id.empty())
      j["event"] = {{"id", r.event.id}, {"name", r.event.name}, {"date", r.event.date}};
    put(j, "date", r.date);
    put(j, "note", r.note);
    break;
  case FactRef::Kind::Figure:
    j["text"] = r.text;
    put(j, "unit", r.unit);
    put(j, "subject", r.subject);
    if (!r.person.id.empty())
      j["statedBy"] = personJson(r.person);
    put(j, "date", r.date);
    if (!r.superseded_by.empty()) {
      j["supersededBy"] = {{"id", r.superseded_by}};
      put(j["supersededBy"], "text", r.superseded_by_text);
      put(j["supersededBy"], "statedBy", r.superseded_by_person);
      put(j["supersededBy"], "date", r.superseded_by_date);
    }
    break;
  case FactRef::Kind::Person:
    put(j, "name", r.person.name);
    put(j, "detail", r.person.detail);
    if (!r.person.aliases.empty())
      j["aliases"] = r.person.aliases;
    break;
  case FactRef::Kind::Event:
    put(j, "name", r.event.name);
    put(j, "date", r.event.date);
    put(j, "description", r.event.description);
    break;
  }
  if (!r.source.id.empty())
    j["source"] = sourceJson(r.source);
  put(j, "context", r.context);
  return j;
}

json summaryJson(const SeverityCounts &c, const std::map<std::string, std::size_t> &statuses) {
  json by_status = json::object();
  for (const auto &[status, n] : statuses)
    by_status[status] = n;
  return {
      {"findings", c[0] + c[1] + c[2] + c[3]},
      {"bySeverity", {{"error", c[0]}, {"warning", c[1]}, {"information", c[2]}, {"hint", c[3]}}},
      {"byStatus", by_status}};
}

} // namespace

json findingJson(const analyzers::Finding &f, const protocol::LineIndex &lines,
                 const facts::FactBase &base) {
  FindingView view = describeFinding(f, base);
  json j{{"rule", f.rule},
         {"status", statusName(f.status)},
         {"title", view.title},
         {"severity", f.severity ? json(severityName(*f.severity)) : json(nullptr)},
         {"message", f.message},
         {"range", rangeJson(lines, f.span)}};
  put(j, "claim", f.claim);
  if (!f.attributed_to.empty()) {
    j["attributedTo"] = {{"id", f.attributed_to}};
    put(j["attributedTo"], "name", view.attributed_to);
  }
  json records = json::array();
  for (const RecordView &r : view.records)
    records.push_back(recordJson(r));
  j["records"] = records;
  if (!f.diff.empty()) {
    json diff = json::array();
    for (const auto &piece : f.diff)
      diff.push_back({{"kind", piece.kind == analyzers::DiffPiece::Kind::Same        ? "same"
                               : piece.kind == analyzers::DiffPiece::Kind::DraftOnly ? "draft"
                                                                                     : "record"},
                      {"text", piece.text}});
    j["diff"] = diff;
  }
  json fixes = json::array();
  for (const auto &fix : f.fixes) {
    if (!insertable(fix)) // a fix that would write a control character into the draft
      continue;
    json edits = json::array();
    for (const auto &e : fix.edits)
      edits.push_back({{"range", rangeJson(lines, e.span)}, {"newText", e.text}});
    fixes.push_back({{"title", fix.title}, {"edits", edits}});
  }
  j["fixes"] = fixes;
  return j;
}

void writeJsonReport(std::ostream &out, const CheckReport &report) {
  json files = json::array();
  for (const auto &file : report.files) {
    protocol::LineIndex lines(file.text);
    json findings = json::array();
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      json j = findingJson(file.findings[i], lines, *report.base);
      if (const ReviewDecision *d = file.reviewOf(i)) // reviewed: apart from the open findings
        j["review"] = reviewJson(*d);
      findings.push_back(std::move(j));
    }
    SeverityCounts severities{};
    std::map<std::string, std::size_t> statuses;
    tally(file, severities, statuses);
    json summary = summaryJson(severities, statuses);
    std::size_t reviewed = 0;
    for (std::size_t i = 0; i < file.findings.size(); ++i)
      reviewed += file.reviewOf(i) ? 1 : 0;
    summary["reviewed"] = reviewed;
    files.push_back({{"path", file.path}, {"summary", summary}, {"findings", findings}});
  }
  json summary{{"files", report.files.size()}};
  summary.update(summaryJson(countBySeverity(report.files), countByStatus(report.files)));
  summary["reviewed"] = countReviewed(report.files);
  json doc{{"factline", 1},
           {"tool", {{"name", "factline"}, {"version", FACTLINE_VERSION}}},
           {"factBases", {{"bundled", true}, {"files", report.fact_files}}},
           {"summary", summary},
           {"files", files}};
  // JSON escapes C0 controls itself; the others a terminal or an editor may act on are escaped too.
  out << jsonWithEscapedControls(doc.dump(2, ' ', false, json::error_handler_t::replace)) << "\n";
}

} // namespace factline::server
