// Review decisions: the file's reader and writer, the keys of findings, and their matching.
#include "server/review_decisions.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <tuple>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "facts/json_reader.h"
#include "facts/normalize.h"
#include "server/record_view.h"
#include "server/small_file.h"
#include "server/workspace_json.h"
#include "server/settings.h"

namespace factline::server {

namespace {
constexpr std::size_t kMaxReviewBytes = std::size_t{16} << 20; // 16 MB: years of decisions
constexpr std::string_view kHashPrefix = "fnv1a64:";
} // namespace

std::string reviewsFilePath(const std::string &root) {
  return (std::filesystem::path(root) / ".factline" / kReviewsFileName).string();
}

std::string claimHash(std::string_view claim) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  bool first = true;
  for (const auto &token : facts::tokenize(claim)) {
    if (token.kind == facts::TokenKind::Gap)
      continue;
    if (!first) {
      h ^= static_cast<unsigned char>(' ');
      h *= 0x100000001b3ULL;
    }
    first = false;
    for (unsigned char c : token.norm) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string(kHashPrefix) + hex;
}

bool validClaimHash(std::string_view h) {
  if (h.size() != kHashPrefix.size() + 16 || h.substr(0, kHashPrefix.size()) != kHashPrefix)
    return false;
  return std::all_of(h.begin() + static_cast<std::ptrdiff_t>(kHashPrefix.size()), h.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string recordOf(const analyzers::Finding &finding) {
  for (const auto &ref : finding.evidence)
    if (ref.kind == analyzers::FactRef::Kind::Quote || ref.kind == analyzers::FactRef::Kind::Figure)
      return ref.id;
  return finding.evidence.empty() ? std::string() : finding.evidence.front().id;
}

std::vector<ReviewKey> reviewKeys(const std::string &draft,
                                  const std::vector<analyzers::Finding> &findings) {
  // Occurrences count in the draft's order, whatever order the findings come in.
  std::vector<std::size_t> order(findings.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return findings[a].span.begin < findings[b].span.begin;
  });
  std::vector<ReviewKey> keys(findings.size());
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
  for (std::size_t i : order) {
    const auto &f = findings[i];
    ReviewKey &k = keys[i];
    k.draft = draft;
    k.rule = f.rule;
    k.claim = claimHash(f.claim);
    k.record = recordOf(f);
    k.occurrence = ++seen[{k.rule, k.claim, k.record}];
  }
  return keys;
}

const std::vector<ReviewReason> &reviewReasons() {
  static const std::vector<ReviewReason> reasons{
      {"record-incomplete", "the record is incomplete"},
      {"transcription-differs", "the outlet's transcription differs"},
      {"other-moment", "the quote is from another moment"},
      {"other", "another reason"},
  };
  return reasons;
}

std::string_view verdictName(Verdict verdict) {
  return verdict == Verdict::Fixed ? "fixed" : "overruled";
}

std::string describeDecision(const ReviewDecision &d) {
  std::string out(verdictName(d.verdict));
  for (const auto &r : reviewReasons())
    if (d.reason == r.code && d.reason != "other")
      out += std::string(": ") + r.label;
  std::string who = escapeControls(d.by);
  std::string when = d.at.size() >= 10 ? formatDate(d.at.substr(0, 10)) : std::string();
  if (!who.empty() || !when.empty())
    out += " (" + who + (!who.empty() && !when.empty() ? ", " : "") + when + ")";
  if (!d.why.empty())
    out += ": " + escapeControls(d.why);
  return out;
}

namespace {

// Reads the file with a JsonReader, so that each problem has its line and column.
class ReviewReader : WorkspaceJsonReader<ReviewBook> {
public:
  ReviewReader(ReviewBook &out, std::string_view text) : WorkspaceJsonReader(out, text) {}

  void run() {
    if (reader_.peek() != facts::JsonKind::Object) {
      if (!reader_.failed())
        error(reader_.offset(), "$",
              "expected an object with \"decisions\", found " +
                  std::string(facts::describeJsonKind(reader_.peek())));
      return syntax();
    }
    reader_.beginObject();
    std::string_view key_view;
    std::size_t key_at = 0;
    while (reader_.nextMember(key_view, key_at)) {
      const std::string key(key_view);
      const std::size_t at = reader_.offset();
      if (key == "$schema") {
        if (reader_.peek() != facts::JsonKind::String)
          error(at, "$.$schema", "expected the schema's URL or path");
        reader_.skipValue();
      } else if (key == "decisions") {
        readDecisions(at);
      } else {
        std::string near = nearestName(key, {"$schema", "decisions"});
        warning(key_at, "$." + escapeControls(key),
                "unknown key, ignored" + (near.empty() ? "" : " (did you mean " + near + "?)"));
        reader_.skipValue();
      }
      if (reader_.failed())
        break;
    }
    if (!reader_.failed())
      reader_.finish();
    syntax();
  }

private:
  void readDecisions(std::size_t at) {
    if (reader_.peek() != facts::JsonKind::Array) {
      error(at, "$.decisions", "expected an array of decisions");
      reader_.skipValue();
      return;
    }
    reader_.beginArray();
    for (std::size_t i = 0; reader_.nextElement(); ++i) {
      const std::size_t element_at = reader_.offset();
      const std::string field = "$.decisions[" + std::to_string(i) + "]";
      if (reader_.peek() != facts::JsonKind::Object) {
        error(element_at, field, "expected an object: a decision");
        reader_.skipValue();
      } else {
        readDecision(field, element_at);
      }
      if (reader_.failed())
        return;
    }
  }

  // A string member; false (with an error) when it is not one.
  bool string(const std::string &field, std::string &out) {
    const std::size_t at = reader_.offset();
    if (reader_.peek() == facts::JsonKind::String && reader_.readString(out) &&
        out.find('\0') == std::string::npos)
      return true;
    error(at, field, "expected a string");
    if (!reader_.failed() && reader_.offset() == at)
      reader_.skipValue();
    return false;
  }

  void readDecision(const std::string &field, std::size_t object_at) {
    ReviewDecision d;
    bool ok = true, has_draft = false, has_rule = false, has_claim = false, has_verdict = false;
    std::size_t reason_at = object_at;
    reader_.beginObject();
    std::string_view key_view;
    std::size_t key_at = 0;
    while (reader_.nextMember(key_view, key_at)) {
      const std::string key(key_view);
      const std::string f = field + "." + escapeControls(key);
      const std::size_t at = reader_.offset();
      if (key == "draft" || key == "rule") {
        std::string &to = key == "draft" ? d.key.draft : d.key.rule;
        (key == "draft" ? has_draft : has_rule) = true;
        if (!string(f, to)) {
          ok = false;
        } else if (to.empty()) {
          error(at, f,
                key == "draft" ? "expected the draft's path in the workspace"
                               : "expected a rule name");
          ok = false;
        }
      } else if (key == "claim") {
        has_claim = true;
        if (string(f, d.key.claim)) {
          if (!validClaimHash(d.key.claim)) {
            error(at, f, "expected \"fnv1a64:\" and 16 hex digits, as factline writes it");
            ok = false;
          }
        } else {
          ok = false;
        }
      } else if (key == "record") {
        ok = string(f, d.key.record) && ok;
      } else if (key == "occurrence") {
        double n = 0;
        if (reader_.peek() == facts::JsonKind::Number && reader_.readNumber(n) && n >= 1 &&
            n <= 1e9 && n == static_cast<double>(static_cast<std::size_t>(n))) {
          d.key.occurrence = static_cast<std::size_t>(n);
        } else {
          error(at, f, "expected a whole number >= 1: which occurrence of the claim");
          ok = false;
          if (!reader_.failed() && reader_.offset() == at)
            reader_.skipValue();
        }
      } else if (key == "decision") {
        std::string v;
        has_verdict = true; // given: a wrong value is its own error, not a missing field
        if (string(f, v) && (v == "fixed" || v == "overruled")) {
          d.verdict = v == "fixed" ? Verdict::Fixed : Verdict::Overruled;
        } else {
          error(at, f, "expected \"fixed\" or \"overruled\"");
          ok = false;
        }
      } else if (key == "reason") {
        reason_at = at;
        if (string(f, d.reason)) {
          std::vector<std::string> codes;
          for (const auto &r : reviewReasons())
            codes.push_back(r.code);
          if (std::find(codes.begin(), codes.end(), d.reason) == codes.end()) {
            std::string near = nearestName(d.reason, codes);
            std::string all;
            for (const auto &c : codes)
              all += (all.empty() ? "" : ", ") + c;
            error(at, f,
                  "expected one of " + all +
                      (near.empty() ? std::string() : " (did you mean " + near + "?)"));
            ok = false;
          }
        } else {
          ok = false;
        }
      } else if (key == "why" || key == "by" || key == "at") {
        ok = string(f, key == "why" ? d.why : key == "by" ? d.by : d.at) && ok;
      } else {
        std::string near = nearestName(key, {"draft", "rule", "claim", "record", "occurrence",
                                             "decision", "reason", "why", "by", "at"});
        warning(key_at, f,
                "unknown key, ignored" + (near.empty() ? "" : " (did you mean " + near + "?)"));
        reader_.skipValue();
      }
      if (reader_.failed())
        return;
    }
    if (!has_draft || !has_rule || !has_claim || !has_verdict) {
      error(object_at, field,
            std::string("a decision needs ") +
                (!has_draft   ? "\"draft\" (the draft's path in the workspace)"
                 : !has_rule  ? "\"rule\""
                 : !has_claim ? "\"claim\" (the hash of the claim's words)"
                              : "\"decision\" (\"fixed\" or \"overruled\")"));
      return;
    }
    if (d.reason == "other" && d.why.empty()) {
      error(reason_at, field + ".why", "reason \"other\" needs the reason in \"why\"");
      return;
    }
    if (ok)
      out_.decisions.push_back(std::move(d));
  }

};

} // namespace

ReviewBook parseReviews(std::string_view text, const std::string &path) {
  ReviewBook book;
  book.path = path;
  book.found = true;
  ReviewReader(book, text).run();
  if (!book.errors.empty())
    book.decisions.clear();
  return book;
}

ReviewBook readReviewFile(const std::string &path, std::string *text_out) {
  std::string text, why;
  bool found = false;
  if (!readSmallFile(path, kMaxReviewBytes,
                     "is larger than 16 MB, more than a file of decisions can be", text, why,
                     found)) {
    ReviewBook book;
    book.path = path;
    book.found = found;
    if (found) {
      facts::LoadError e;
      e.file = path;
      e.message = why;
      book.errors.push_back(std::move(e));
    }
    return book;
  }
  ReviewBook book = parseReviews(text, path);
  if (text_out)
    *text_out = std::move(text);
  return book;
}

std::vector<const ReviewDecision *> matchReviews(const std::string &draft,
                                                 const std::vector<analyzers::Finding> &findings,
                                                 const ReviewBook &book) {
  std::vector<const ReviewDecision *> out(findings.size(), nullptr);
  if (book.decisions.empty())
    return out;
  const std::vector<ReviewKey> keys = reviewKeys(draft, findings);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!findings[i].severity)
      continue;
    for (const auto &d : book.decisions) // the last decision on a key wins
      if (d.key == keys[i])
        out[i] = &d;
  }
  return out;
}

std::string withDecision(const ReviewBook &book, const ReviewDecision &decision) {
  nlohmann::ordered_json decisions = nlohmann::ordered_json::array();
  auto add = [&](const ReviewDecision &d) {
    nlohmann::ordered_json j{
        {"draft", d.key.draft},           {"rule", d.key.rule},
        {"claim", d.key.claim},           {"record", d.key.record},
        {"occurrence", d.key.occurrence}, {"decision", verdictName(d.verdict)}};
    if (!d.reason.empty())
      j["reason"] = d.reason;
    if (!d.why.empty())
      j["why"] = d.why;
    if (!d.by.empty())
      j["by"] = d.by;
    if (!d.at.empty())
      j["at"] = d.at;
    decisions.push_back(std::move(j));
  };
  for (const auto &d : book.decisions)
    if (!(d.key == decision.key))
      add(d);
  add(decision);
  nlohmann::ordered_json file{{"$schema", "https://factline.invalid/schema/reviews-1.schema.json"},
                              {"decisions", std::move(decisions)}};
  // Invalid UTF-8 in a name is replaced rather than thrown on: the file stays readable.
  return file.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::size_t markReviewed(std::vector<analyzers::Finding> &findings,
                         const std::vector<const ReviewDecision *> &decisions) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < findings.size() && i < decisions.size(); ++i) {
    if (!decisions[i] || !findings[i].severity)
      continue;
    findings[i].severity = analyzers::Severity::Hint;
    findings[i].message =
        "Reviewed, " + describeDecision(*decisions[i]) + ". " + findings[i].message;
    ++n;
  }
  return n;
}

std::string utcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

} // namespace factline::server
