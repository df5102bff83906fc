// The SARIF 2.1.0 report of `factline check`, for code-scanning views and review tools.
#include <filesystem>
#include <map>

#include "analyzers/rule_catalog.h"
#include "protocol/uri.h"
#include "server/check_report.h"
#include "server/record_view.h"
#include "server/settings.h"

namespace factline::server {

using json = nlohmann::ordered_json;

namespace {

const char *sarifLevel(analyzers::Severity s) {
  switch (s) {
  case analyzers::Severity::Error:
    return "error";
  case analyzers::Severity::Warning:
    return "warning";
  case analyzers::Severity::Information:
  case analyzers::Severity::Hint:
    break;
  }
  return "note";
}

// A draft's location: relative paths against %SRCROOT% (the directory `check` ran in, declared in
// originalUriBaseIds), absolute ones as file: URIs.
json artifactLocation(const std::string &path) {
  std::filesystem::path p(path);
  if (p.is_absolute())
    return {{"uri", protocol::pathToUri(p.lexically_normal().generic_string())}};
  // pathToUri escapes a path; drop its "file://" and the leading slash we gave it.
  // (Appended rather than "/" + ...: GCC 12 warns falsely of an overlap in that operator+.)
  std::string rooted = "/";
  rooted += p.lexically_normal().generic_string();
  std::string escaped = protocol::pathToUri(rooted);
  return {{"uri", escaped.substr(std::string("file:///").size())}, {"uriBaseId", "%SRCROOT%"}};
}

// Region in SARIF's default column kind, UTF-16 code units, 1-based; end column exclusive.
json region(const protocol::LineIndex &lines, analyzers::Span span) {
  auto start = lines.toPosition(span.begin, protocol::PositionEncoding::Utf16);
  auto end = lines.toPosition(span.end, protocol::PositionEncoding::Utf16);
  return {{"startLine", start.line + 1}, {"startColumn", start.character + 1},
          {"endLine", end.line + 1},     {"endColumn", end.character + 1},
          {"byteOffset", span.begin},    {"byteLength", span.end - span.begin}};
}

// FNV-1a: a fingerprint stable across runs and machines, so a finding that only moves lines is
// recognised as the same one by code-scanning views.
std::string fingerprint(const analyzers::Finding &f) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s)
      h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  };
  mix(f.rule);
  mix(f.claim.empty() ? f.message : f.claim);
  for (const auto &ref : f.evidence)
    mix(ref.id);
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

json ruleJson(const analyzers::RuleInfo &r) {
  json j{{"id", r.id},
         {"name", r.name},
         {"shortDescription", {{"text", r.summary}}},
         {"fullDescription", {{"text", r.summary}}},
         {"defaultConfiguration", {{"level", r.severity ? sarifLevel(*r.severity) : "none"}}}};
  if (!r.help.empty())
    j["help"] = {{"text", r.help}};
  return j;
}

} // namespace

void writeSarifReport(std::ostream &out, const CheckReport &report) {
  json rules = json::array();
  std::map<std::string, std::size_t> rule_index;
  auto indexOf = [&](const std::string &id) {
    auto [it, added] = rule_index.emplace(id, rules.size());
    if (added) {
      const analyzers::RuleInfo *info = analyzers::findRule(id);
      rules.push_back(info ? ruleJson(*info)
                           : json{{"id", id}, {"shortDescription", {{"text", id}}}});
    }
    return it->second;
  };
  for (const auto &r : analyzers::ruleCatalog())
    if (r.severity)
      indexOf(std::string(r.id));

  json artifacts = json::array();
  json results = json::array();
  for (std::size_t a = 0; a < report.files.size(); ++a) {
    const CheckedFile &file = report.files[a];
    json location = artifactLocation(file.path);
    std::filesystem::path p(file.path);
    std::string ext = p.extension().string();
    artifacts.push_back(
        {{"location", location},
         {"length", file.text.size()},
         {"mimeType", ext == ".md" || ext == ".markdown" ? "text/markdown" : "text/plain"}});
    location["index"] = a;
    protocol::LineIndex lines(file.text);
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      const analyzers::Finding &f = file.findings[i];
      if (!f.severity)
        continue;
      json reg = region(lines, f.span);
      reg["snippet"] = {{"text", file.text.substr(f.span.begin, f.span.end - f.span.begin)}};
      json result{
          {"ruleId", f.rule},
          {"ruleIndex", indexOf(f.rule)},
          {"level", sarifLevel(*f.severity)},
          {"kind", "fail"},
          {"message", {{"text", f.message}}},
          {"locations", json::array({{{"physicalLocation",
                                       {{"artifactLocation", location}, {"region", reg}}}}})},
          {"partialFingerprints", {{"factlineFinding/v1", fingerprint(f)}}},
          {"properties", findingJson(f, lines, *report.base)}};
      json fixes = json::array();
      for (const auto &fix : f.fixes) {
        if (!insertable(fix)) // a fix that would write a control character into the draft
          continue;
        json replacements = json::array();
        for (const auto &e : fix.edits)
          replacements.push_back(
              {{"deletedRegion", region(lines, e.span)}, {"insertedContent", {{"text", e.text}}}});
        fixes.push_back({{"description", {{"text", fix.title}}},
                         {"artifactChanges", json::array({{{"artifactLocation", location},
                                                           {"replacements", replacements}}})}});
      }
      if (!fixes.empty())
        result["fixes"] = fixes;
      // A reviewed finding is suppressed "external": the decision lives in .factline/reviews.json.
      if (const ReviewDecision *d = file.reviewOf(i)) {
        json suppression{{"kind", "external"},
                         {"status", "accepted"},
                         {"justification", describeDecision(*d)},
                         {"properties", reviewJson(*d)}};
        if (report.reviews)
          suppression["location"] = {
              {"physicalLocation", {{"artifactLocation", artifactLocation(report.reviews->path)}}}};
        result["suppressions"] = json::array({suppression});
        result["properties"]["review"] = reviewJson(*d);
      } else {
        result["suppressions"] = json::array(); // SARIF: [] says "checked, none applies"
      }
      results.push_back(std::move(result));
    }
  }

  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).generic_string();
  json run{{"tool",
            {{"driver",
              {{"name", "factline"},
               {"version", FACTLINE_VERSION},
               {"semanticVersion", FACTLINE_VERSION},
               {"rules", rules}}}}},
           {"columnKind", "utf16CodeUnits"},
           {"artifacts", artifacts},
           {"results", results}};
  if (!ec)
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", protocol::pathToUri(cwd + "/")}}}};
  json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", json::array({run})}};
  // JSON escapes C0 controls itself; the others a terminal or a viewer may act on are escaped too.
  out << jsonWithEscapedControls(doc.dump(2, ' ', false, json::error_handler_t::replace)) << "\n";
}

} // namespace factline::server
