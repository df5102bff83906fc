// Content-Length framing: partial reads, several messages per chunk, bad and oversized headers.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "protocol/framing.h"

using factline::protocol::frameMessage;
using factline::protocol::FrameResult;
using factline::protocol::FramingError;
using factline::protocol::MessageReader;

namespace {

// Every result the reader produces after one feed.
std::vector<FrameResult> drain(MessageReader &reader) {
  std::vector<FrameResult> out;
  while (auto r = reader.next())
    out.push_back(std::move(*r));
  return out;
}

std::vector<FrameResult> readAll(MessageReader &reader, std::string_view bytes) {
  reader.feed(bytes);
  return drain(reader);
}

} // namespace

TEST_CASE("a framed message round-trips", "[framing]") {
  std::string body = R"({"jsonrpc":"2.0","method":"initialized","params":{}})";
  std::string bytes = frameMessage(body);
  CHECK(bytes == "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  MessageReader reader;
  auto out = readAll(reader, bytes);
  REQUIRE(out.size() == 1);
  REQUIRE(out[0].has_value());
  CHECK(*out[0] == body);
  CHECK(reader.buffered() == 0);
}

TEST_CASE("a message split over many reads - one byte at a time", "[framing]") {
  std::string body = "{\"text\":\"\xE2\x80\x9CWe didn\xE2\x80\x99t do enough\xE2\x80\x9D\"}";
  std::string bytes = frameMessage(body);
  MessageReader reader;
  std::vector<FrameResult> out;
  for (char c : bytes) {
    auto got = readAll(reader, std::string_view(&c, 1));
    for (auto &g : got)
      out.push_back(std::move(g));
  }
  REQUIRE(out.size() == 1);
  CHECK(*out[0] == body);
}

TEST_CASE("several messages in one chunk - the last one partial", "[framing]") {
  std::string bytes = frameMessage("{\"a\":1}") + frameMessage("{\"b\":2}") +
                      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                      frameMessage("{\"c\":3}");
  std::string tail = frameMessage("{\"d\":4}");
  MessageReader reader;
  auto out = readAll(reader, bytes + tail.substr(0, 10));
  REQUIRE(out.size() == 3);
  CHECK(*out[0] == "{\"a\":1}");
  CHECK(*out[1] == "{\"b\":2}");
  CHECK(*out[2] == "{\"c\":3}");
  out = readAll(reader, tail.substr(10));
  REQUIRE(out.size() == 1);
  CHECK(*out[0] == "{\"d\":4}");
}

TEST_CASE("header names are case-insensitive and a bare newline ends lines", "[framing]") {
  MessageReader reader;
  auto out = readAll(reader, "content-length:  2\n\n{}");
  REQUIRE(out.size() == 1);
  CHECK(*out[0] == "{}");
}

TEST_CASE("a header with no Content-Length is an error - then reading goes on", "[framing]") {
  MessageReader reader;
  auto out = readAll(reader, "Content-Type: text/plain\r\n\r\n" + frameMessage("{\"ok\":1}"));
  REQUIRE(out.size() == 2);
  REQUIRE_FALSE(out[0].has_value());
  CHECK(out[0].error().kind == FramingError::Kind::MissingContentLength);
  REQUIRE(out[1].has_value());
  CHECK(*out[1] == "{\"ok\":1}");
}

TEST_CASE("an invalid Content-Length is an error - then reading goes on", "[framing]") {
  for (std::string bad : {"abc", "-5", "12x", "", "99999999999999999999999"}) {
    CAPTURE(bad);
    MessageReader reader;
    auto out = readAll(reader, "Content-Length: " + bad + "\r\n\r\n" + frameMessage("{}"));
    REQUIRE(out.size() == 2);
    REQUIRE_FALSE(out[0].has_value());
    CHECK(out[0].error().kind == FramingError::Kind::InvalidContentLength);
    CHECK(*out[1] == "{}");
  }
}

TEST_CASE("two different Content-Lengths in one header are invalid", "[framing]") {
  MessageReader reader;
  auto out = readAll(reader, "Content-Length: 2\r\nContent-Length: 3\r\n\r\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0].error().kind == FramingError::Kind::InvalidContentLength);
}

TEST_CASE("a body sent without a header is skipped up to the next header", "[framing]") {
  MessageReader reader;
  auto out = readAll(reader, std::string("{\"jsonrpc\":\"2.0\"}") + frameMessage("{\"next\":1}"));
  REQUIRE(out.size() == 2);
  CHECK(out[0].error().kind == FramingError::Kind::MalformedHeader);
  REQUIRE(out[1].has_value());
  CHECK(*out[1] == "{\"next\":1}");
}

TEST_CASE("a header with no body waits - and is reported at end of input", "[framing]") {
  MessageReader reader;
  CHECK(readAll(reader, "Content-Length: 10\r\n\r\n").empty());
  auto end = reader.finish();
  REQUIRE(end.has_value());
  CHECK(end->kind == FramingError::Kind::Truncated);
  CHECK(end->message == "input ended inside a message body");
}

TEST_CASE("a half-written header is reported at end of input - blank lines are not", "[framing]") {
  MessageReader half;
  CHECK(readAll(half, "Content-Len").empty());
  REQUIRE(half.finish().has_value());
  MessageReader blank;
  CHECK(readAll(blank, frameMessage("{}") + "\r\n").size() == 1);
  CHECK_FALSE(blank.finish().has_value());
}

TEST_CASE("a Content-Length over the limit is refused without holding the body", "[framing]") {
  MessageReader reader(1024);
  std::string huge(5000, 'x');
  auto out = readAll(reader, "Content-Length: 5000\r\n\r\n" + huge.substr(0, 100));
  REQUIRE(out.size() == 1);
  CHECK(out[0].error().kind == FramingError::Kind::TooLarge);
  CHECK(reader.buffered() == 0);
  // The rest of the refused body is discarded as it arrives, then the next message is read.
  CHECK(readAll(reader, huge.substr(100, 2000)).empty());
  CHECK(reader.buffered() == 0);
  out = readAll(reader, huge.substr(2100) + frameMessage("{\"after\":true}"));
  REQUIRE(out.size() == 1);
  CHECK(*out[0] == "{\"after\":true}");
}

TEST_CASE("a body of exactly the limit is read, one byte more is refused", "[framing]") {
  MessageReader reader(16);
  const std::string at_limit = "{\"a\":\"01234567\"}"; // 16 bytes
  REQUIRE(at_limit.size() == 16);
  auto out = readAll(reader, frameMessage(at_limit));
  REQUIRE(out.size() == 1);
  REQUIRE(out[0].has_value());
  CHECK(*out[0] == at_limit);
  out = readAll(reader, frameMessage("{\"a\":\"012345678\"}")); // 17 bytes
  REQUIRE(out.size() == 1);
  CHECK(out[0].error().kind == FramingError::Kind::TooLarge);
}

TEST_CASE("the default limit refuses 64 MiB + 1 without allocating it", "[framing]") {
  MessageReader reader;
  std::size_t over = MessageReader::kDefaultMaxBody + 1;
  auto out = readAll(reader, "Content-Length: " + std::to_string(over) + "\r\n\r\n{");
  REQUIRE(out.size() == 1);
  CHECK(out[0].error().kind == FramingError::Kind::TooLarge);
  CHECK(reader.buffered() == 0);
}

TEST_CASE("an endless header line is dropped once past the header limit", "[framing]") {
  MessageReader reader;
  std::string junk(MessageReader::kMaxHeader + 10, 'j');
  auto out = readAll(reader, junk);
  REQUIRE(out.size() == 1);
  CHECK(out[0].error().kind == FramingError::Kind::MalformedHeader);
  CHECK(reader.buffered() == 0);
  out = readAll(reader, "\r\n" + frameMessage("{}"));
  REQUIRE(out.size() == 1); // the junk line ends; the blank line before the header is tolerated
  CHECK(*out[0] == "{}");
}

TEST_CASE("an empty body is a message", "[framing]") {
  MessageReader reader;
  auto out = readAll(reader, "Content-Length: 0\r\n\r\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0]->empty());
}

TEST_CASE("a header that lies about a huge length does not swallow the messages after it",
          "[framing]") {
  MessageReader reader(1024);
  std::string next = frameMessage("{\"id\":2}");
  SECTION("in the same read") {
    auto out = readAll(reader, "Content-Length: 99999999999\r\n\r\n" + next);
    REQUIRE(out.size() == 2);
    CHECK(out[0].error().kind == FramingError::Kind::TooLarge);
    CHECK(*out[1] == "{\"id\":2}");
  }
  SECTION("after a body, split across reads inside the next header") {
    auto out = readAll(reader, "Content-Length: 5000\r\n\r\n{\"a\":\"" + std::string(1500, 'x') +
                                   "\"}" + next.substr(0, 7));
    REQUIRE(out.size() == 1);
    CHECK(out[0].error().kind == FramingError::Kind::TooLarge);
    out = readAll(reader, next.substr(7));
    REQUIRE(out.size() == 1);
    CHECK(*out[0] == "{\"id\":2}");
  }
  SECTION("but not on the words inside a JSON string") {
    auto out = readAll(reader, "Content-Length: 3000\r\n\r\n{\"t\":\"see Content-Length: 5\"" +
                                   std::string(2000, ' '));
    REQUIRE(out.size() == 1);
    CHECK(out[0].error().kind == FramingError::Kind::TooLarge);
    CHECK(reader.buffered() == 0);
  }
}
