// Review decisions in LSP terms: code actions, the command's arguments, the question, the edit.
#include "server/review_lsp.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

#include "protocol/line_index.h"
#include "server/record_view.h"

namespace factline::server {

using protocol::json;

namespace {

bool touches(const analyzers::Span &finding, const analyzers::Span &selection) {
  if (selection.begin == selection.end) // a cursor
    return finding.begin <= selection.begin && selection.begin <= finding.end;
  return finding.overlaps(selection);
}

// A choice's title, and the decision it stands for.
struct Choice {
  std::string title;
  Verdict verdict;
  const char *reason;
};

std::vector<Choice> choices() {
  std::vector<Choice> out{{"Fixed", Verdict::Fixed, ""}};
  for (const auto &r : reviewReasons())
    if (std::string_view(r.code) != "other") // free text needs an input box: editors intercept
      out.push_back({std::string("Overruled: ") + r.label, Verdict::Overruled, r.code});
  return out;
}

} // namespace

std::vector<protocol::CodeAction> toReviewActions(const std::vector<analyzers::Finding> &findings,
                                                  const std::vector<ReviewKey> &keys,
                                                  const std::vector<bool> &reviewed,
                                                  analyzers::Span selection, const LspView &view) {
  std::vector<protocol::CodeAction> out;
  for (std::size_t i = 0; i < findings.size() && i < keys.size(); ++i) {
    const auto &f = findings[i];
    if (!f.severity || f.rule == "analysis-incomplete" || !touches(f.span, selection))
      continue;
    const bool again = i < reviewed.size() && reviewed[i];
    protocol::CodeAction action;
    action.title = again ? "Review again\u2026" : "Mark as reviewed\u2026";
    action.diagnostics.push_back(toDiagnostic(f, view));
    const ReviewKey &k = keys[i];
    json argument{{"draft", k.draft},           {"rule", k.rule},
                  {"claim", k.claim},           {"record", k.record},
                  {"occurrence", k.occurrence}, {"message", escapeControls(f.message)}};
    action.command = json{{"title", action.title},
                          {"command", kMarkReviewedCommand},
                          {"arguments", json::array({argument})}};
    out.push_back(std::move(action));
  }
  return out;
}

protocol::Expected<MarkReviewed, std::string> readMarkReviewed(const json &arguments) {
  const std::string where = std::string(kMarkReviewedCommand) + ": ";
  if (!arguments.is_array() || arguments.size() != 1 || !arguments[0].is_object())
    return protocol::unexpected(where + "expected one argument, an object naming the finding");
  const json &a = arguments[0];
  MarkReviewed out;
  auto text = [&](const char *field, std::string &to, bool required) -> std::string {
    auto it = a.find(field);
    if (it == a.end() || it->is_null())
      return required ? where + "arguments[0]." + field + " is missing" : std::string();
    if (!it->is_string() || it->get<std::string>().find('\0') != std::string::npos)
      return where + "arguments[0]." + field + ": expected a string";
    to = it->get<std::string>();
    if (required && to.empty())
      return where + "arguments[0]." + field + ": expected a non-empty string";
    return {};
  };
  std::string decision;
  ReviewDecision d;
  for (const std::string &e :
       {text("draft", out.key.draft, true), text("rule", out.key.rule, true),
        text("claim", out.key.claim, true), text("record", out.key.record, false),
        text("message", out.message, false), text("decision", decision, false),
        text("reason", d.reason, false), text("why", d.why, false), text("by", d.by, false)})
    if (!e.empty())
      return protocol::unexpected(e);
  if (!validClaimHash(out.key.claim))
    return protocol::unexpected(where + "arguments[0].claim: expected \"fnv1a64:\" and 16 hex "
                                        "digits, as the code action gives it");
  auto occurrence = a.find("occurrence");
  if (occurrence != a.end() && !occurrence->is_null()) {
    if (!occurrence->is_number_unsigned() || occurrence->get<std::uint64_t>() < 1)
      return protocol::unexpected(where + "arguments[0].occurrence: expected a whole number >= 1");
    out.key.occurrence = occurrence->get<std::size_t>();
  }
  if (!decision.empty()) {
    if (decision != "fixed" && decision != "overruled")
      return protocol::unexpected(where + "arguments[0].decision: expected \"fixed\" or "
                                          "\"overruled\"");
    d.verdict = decision == "fixed" ? Verdict::Fixed : Verdict::Overruled;
    bool known = d.reason.empty();
    for (const auto &r : reviewReasons())
      known = known || d.reason == r.code;
    if (!known)
      return protocol::unexpected(where + "arguments[0].reason: expected record-incomplete, "
                                          "transcription-differs, other-moment or other");
    if (d.reason == "other" && d.why.empty())
      return protocol::unexpected(where + "arguments[0].why: reason \"other\" needs the reason");
    d.key = out.key;
    out.decision = std::move(d);
  }
  return out;
}

json reviewQuestion(const MarkReviewed &request) {
  json actions = json::array();
  for (const auto &c : choices())
    actions.push_back(json{{"title", c.title}});
  std::string message = "Factline: mark as reviewed";
  if (!request.message.empty())
    message += ": " + escapeControls(request.message);
  return json{{"type", 3 /* Info */}, {"message", message}, {"actions", actions}};
}

std::optional<ReviewDecision> decisionForChoice(const json &answer) {
  if (!answer.is_object() || !answer.contains("title") || !answer["title"].is_string())
    return std::nullopt;
  const std::string title = answer["title"].get<std::string>();
  for (const auto &c : choices())
    if (c.title == title) {
      ReviewDecision d;
      d.verdict = c.verdict;
      d.reason = c.reason;
      return d;
    }
  return std::nullopt;
}

json reviewFileEdit(const std::string &uri, const std::optional<std::string> &current,
                    const std::string &text, protocol::PositionEncoding encoding, bool create_files,
                    bool document_changes) {
  protocol::Range whole;
  if (current) {
    protocol::LineIndex lines(*current);
    whole.end = lines.toPosition(current->size(), encoding);
  }
  json edit{{"range", protocol::toJSON(whole)}, {"newText", text}};
  json workspace_edit;
  if (!current && create_files && document_changes)
    workspace_edit =
        json{{"documentChanges",
              json::array({json{{"kind", "create"},
                                {"uri", uri},
                                {"options", {{"overwrite", false}, {"ignoreIfExists", true}}}},
                           json{{"textDocument", {{"uri", uri}, {"version", nullptr}}},
                                {"edits", json::array({edit})}}})}};
  else
    workspace_edit = json{{"changes", {{uri, json::array({edit})}}}};
  return json{{"label", "Factline: mark as reviewed"}, {"edit", workspace_edit}};
}

std::string reviewerName(const json &editor_section, const json &init_section) {
  for (const json *section : {&editor_section, &init_section})
    if (section->is_object())
      if (auto it = section->find("reviewer");
          it != section->end() && it->is_string() && !it->get<std::string>().empty())
        return it->get<std::string>();
  if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) {
    std::string gecos = pw->pw_gecos ? pw->pw_gecos : "";
    gecos = gecos.substr(0, gecos.find(','));
    return gecos.empty() ? pw->pw_name : gecos;
  }
  if (const char *user = std::getenv("USER"); user && *user)
    return user;
  return {};
}

} // namespace factline::server
