// DiagnosticEncoder: findings to diagnostics JSON, converting only those not met last time.
#include "server/diagnostic_encoder.h"

#include <atomic>

#include "protocol/json_rpc.h"
#include "protocol/lsp_features.h"

namespace factline::server {

namespace {

void appendSized(std::string &key, std::string_view s) {
  std::size_t n = s.size();
  key.append(reinterpret_cast<const char *>(&n), sizeof n); // so that no two keys read alike
  key.append(s);
}

// Every input of toDiagnostic but the span.
std::string keyOf(const analyzers::Finding &f) {
  std::string key;
  key.reserve(f.rule.size() + f.message.size() + 64);
  appendSized(key, f.rule);
  key.push_back(static_cast<char>(f.status));
  key.push_back(static_cast<char>(f.severity ? static_cast<int>(*f.severity) + 1 : 0));
  appendSized(key, f.message);
  for (const auto &ref : f.evidence) {
    key.push_back(static_cast<char>(ref.kind));
    appendSized(key, ref.id);
  }
  return key;
}

void appendPosition(std::string &out, const protocol::Position &p) {
  out += R"({"character":)";
  out += std::to_string(p.character);
  out += R"(,"line":)";
  out += std::to_string(p.line);
  out += '}';
}

// {"end":...,"start":...}, as protocol::toJSON(Range) writes it.
void appendRange(std::string &out, const protocol::Range &r) {
  out += R"({"end":)";
  appendPosition(out, r.end);
  out += R"(,"start":)";
  appendPosition(out, r.start);
  out += '}';
}

} // namespace

std::string DiagnosticEncoder::nextId() {
  static std::atomic<std::uint64_t> next{1};
  return std::to_string(next.fetch_add(1));
}

bool DiagnosticEncoder::encode(const std::vector<analyzers::Finding> &findings,
                               const LspView &view) {
  std::unordered_map<std::string, std::string> now; // only what this result holds is kept
  std::string items = "[";
  converted_ = 0;
  for (const auto &f : findings) {
    if (!f.severity)
      continue;
    std::string key = keyOf(f);
    auto kept = now.find(key);
    if (kept == now.end()) {
      auto old = encoded_.find(key);
      if (old != encoded_.end()) {
        kept = now.emplace(std::move(key), std::move(old->second)).first;
        encoded_.erase(old);
      } else {
        protocol::json j = protocol::toJSON(toDiagnostic(f, view));
        j.erase("range");
        std::string rest = protocol::dumpJson(j); // {"code":...}: never empty, has a message
        rest.erase(0, 1);                         // written after the range below
        kept = now.emplace(std::move(key), std::move(rest)).first;
        ++converted_;
      }
    }
    if (items.size() > 1)
      items += ',';
    items += R"({"range":)";
    appendRange(items, toRange(f.span, view));
    items += ',';
    items += kept->second;
  }
  items += ']';
  encoded_ = std::move(now);
  if (items == items_)
    return false;
  items_ = std::move(items);
  result_id_ = nextId();
  return true;
}

} // namespace factline::server
