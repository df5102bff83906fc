// Content-Length framing of LSP messages: an incremental reader and the writer's header.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/expected.h"

namespace factline::protocol {

struct FramingError {
  enum class Kind {
    MissingContentLength, // a header block ended without a Content-Length field
    InvalidContentLength, // Content-Length is not a non-negative decimal number
    MalformedHeader,      // bytes that are not a header where one must start
    TooLarge,             // Content-Length over the reader's limit: the body is skipped unread
    Truncated,            // input ended inside a header or body
  };
  Kind kind = Kind::MalformedHeader;
  std::string message;
};

// A message body, or why the bytes could not be read as one.
using FrameResult = Expected<std::string, FramingError>;

// Turns a byte stream into message bodies. Bytes arrive in chunks of any size (a message split
// over many reads, many messages in one read); feed() them, then drain next() until it returns
// nullopt. After a framing error the reader resynchronises on the next header, so one bad message
// never takes the stream down. Not thread-safe: one reader per stream, used from one thread.
class MessageReader {
public:
  static constexpr std::size_t kDefaultMaxBody = 64u << 20; // 64 MiB
  static constexpr std::size_t kMaxHeader = 16u << 10;      // no real header comes near this

  explicit MessageReader(std::size_t max_body = kDefaultMaxBody) : max_body_(max_body) {}

  void feed(std::string_view bytes);
  // The next complete body or framing error, or nullopt when more bytes are needed.
  std::optional<FrameResult> next();
  // At end of input: the error for a message cut short, if the stream stopped inside one.
  std::optional<FramingError> finish();

  // Bytes held for an unfinished message (for tests of the no-allocation promise).
  std::size_t buffered() const { return buffer_.size() - pos_; }

private:
  std::optional<FrameResult> readHeader();
  std::string_view skip(std::string_view bytes);
  void compact();

  enum class State { Header, Body, Skip };
  std::size_t max_body_;
  std::string buffer_;
  std::size_t pos_ = 0; // start of the unconsumed bytes in buffer_
  State state_ = State::Header;
  std::size_t remaining_ = 0; // Body: the body's length; Skip: bytes still to discard
  std::string skip_tail_;     // Skip: the last skipped bytes, where a header may have begun
  char skip_before_ = '\n';   // Skip: the byte before skip_tail_
};

// The bytes to write for one message: the header, then the body.
std::string frameMessage(std::string_view body);

} // namespace factline::protocol
