// Fuzz target: bytes from a client, through the framing reader and JSON-RPC parsing into a whole
// LspServer (the standard analyzers, the bundled base). Properties: the reader holds no more than
// its limits allow, framing does not depend on how the bytes were split into reads, and every
// byte the server writes is a well-formed JSON-RPC 2.0 message.
#include <cstdint>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <spdlog/spdlog.h>

#include "protocol/framing.h"
#include "protocol/json_rpc.h"
#include "server/lsp_server.h"
#include "tests/fuzz/fuzz_check.h"

using namespace factline;

namespace {

constexpr std::size_t kMaxBody = 4096; // small, so that over-limit bodies are common

// A body, or (ok false) the kind of framing error.
struct Frame {
  bool ok;
  std::string body;
  bool operator==(const Frame &) const = default;
};

// The frames of `bytes` read in chunks of `chunk` bytes (0: all at once).
std::vector<Frame> frames(std::string_view bytes, std::size_t chunk) {
  protocol::MessageReader reader(kMaxBody);
  std::vector<Frame> out;
  if (chunk == 0)
    chunk = bytes.size() + 1;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    std::string_view piece = bytes.substr(at, chunk);
    reader.feed(piece);
    while (auto frame = reader.next())
      out.push_back(*frame ? Frame{true, **frame}
                           : Frame{false, std::to_string(static_cast<int>(frame->error().kind))});
    // What is held is bounded by the limits, not by the input.
    FUZZ_CHECK(reader.buffered() <= kMaxBody + protocol::MessageReader::kMaxHeader + 2 * chunk);
  }
  if (auto e = reader.finish())
    out.push_back(Frame{false, std::to_string(static_cast<int>(e->kind))});
  return out;
}

void checkWellFormed(const std::string &body) {
  protocol::json msg = protocol::json::parse(body); // throws, and so crashes, if not JSON
  FUZZ_CHECK(msg.is_object());
  FUZZ_CHECK(msg.value("jsonrpc", "") == "2.0");
  FUZZ_CHECK(msg.contains("method") || msg.contains("id"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static bool quiet = (spdlog::set_level(spdlog::level::off), true);
  (void)quiet;
  if (size > 256 * 1024)
    return 0;
  fuzz::ByteReader in(data, size);
  std::size_t chunk = in.byte() % 32 + 1;
  std::string_view bytes = in.rest();

  std::vector<Frame> whole = frames(bytes, 0);
  FUZZ_CHECK(frames(bytes, chunk) == whole);

  boost::asio::io_context io;
  std::vector<std::string> written;
  server::ServerOptions options;
  options.fixed_debounce_ms = 0;
  {
    server::LspServer server(
        io.get_executor(), io.get_executor(), io.get_executor(),
        [&](std::string body) { written.push_back(std::move(body)); }, options);
    auto settle = [&] {
      io.restart();
      io.poll();
    };
    for (const Frame &frame : whole) {
      if (server.finished())
        break;
      if (frame.ok)
        server.receive(frame.body);
      else
        server.receiveFramingError({protocol::FramingError::Kind::MalformedHeader, "fuzz"});
      settle();
    }
    server.endOfInput();
    settle();
  }
  for (const std::string &body : written)
    checkWellFormed(body);
  return 0;
}
