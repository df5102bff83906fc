// Content-Length framing: header parsing, resynchronisation after errors, over-limit skipping.
#include "protocol/framing.h"

#include <algorithm>
#include <cctype>

namespace factline::protocol {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

// Offset of "content-length:" (any case) in `s` at or after `from`, or npos.
std::size_t findContentLength(std::string_view s, std::size_t from) {
  static constexpr std::string_view key = "content-length:";
  for (std::size_t i = from; i + key.size() <= s.size(); ++i)
    if (equalsIgnoreCase(s.substr(i, key.size()), key))
      return i;
  return std::string_view::npos;
}

// RFC 7230 token characters, which a header field name is made of.
bool isTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A decimal length without sign, spaces or overflow.
std::optional<std::size_t> parseLength(std::string_view v) {
  if (v.empty() || v.size() > 19)
    return std::nullopt;
  std::size_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9')
      return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

FrameResult error(FramingError::Kind kind, std::string message) {
  return unexpected(FramingError{kind, std::move(message)});
}

} // namespace

void MessageReader::feed(std::string_view bytes) {
  if (state_ == State::Skip)
    bytes = skip(bytes);
  compact();
  buffer_.append(bytes);
}

// Discards the refused body's bytes, returning what comes after it. A client may have lied about
// the length (or a header may be corrupt): a header that starts inside the skipped bytes right
// after a '}' or a newline, where a body ends and no JSON string can hold a raw newline, ends the
// skip there, so one bad header cannot swallow the rest of the session. The last few skipped
// bytes are kept so that such a header split across reads is still found. Nothing the size of
// the skipped bytes is allocated or copied: that is the point of refusing them.
std::string_view MessageReader::skip(std::string_view bytes) {
  constexpr std::size_t kKeep = 15; // one less than "content-length:"
  const std::size_t n = std::min(remaining_, bytes.size());
  const std::string_view body = bytes.substr(0, n);
  auto resumeAt = [&](char before) { return before == '}' || before == '\n'; };
  auto resume = [&] {
    state_ = State::Header;
    remaining_ = 0;
    skip_tail_.clear();
    return bytes.substr(n); // the caller appends it after what is put in buffer_ here
  };
  // A header that begins in the kept tail and runs on into these bytes.
  std::string seam = skip_tail_;
  seam.append(body.substr(0, std::min(body.size(), kKeep)));
  for (std::size_t at = findContentLength(seam, 0); at < skip_tail_.size();
       at = findContentLength(seam, at + 1)) {
    if (resumeAt(at == 0 ? skip_before_ : seam[at - 1])) {
      buffer_.append(std::string_view(skip_tail_).substr(at));
      buffer_.append(body);
      return resume();
    }
  }
  const char before_body = skip_tail_.empty() ? skip_before_ : skip_tail_.back();
  for (std::size_t at = findContentLength(body, 0); at != std::string_view::npos;
       at = findContentLength(body, at + 1)) {
    if (resumeAt(at == 0 ? before_body : body[at - 1])) {
      buffer_.append(body.substr(at));
      return resume();
    }
  }
  remaining_ -= n;
  if (body.size() >= kKeep) {
    skip_before_ = body.size() > kKeep ? body[body.size() - kKeep - 1] : before_body;
    skip_tail_.assign(body.substr(body.size() - kKeep));
  } else {
    std::string joined = skip_tail_ + std::string(body);
    if (joined.size() > kKeep) {
      skip_before_ = joined[joined.size() - kKeep - 1];
      joined.erase(0, joined.size() - kKeep);
    }
    skip_tail_ = std::move(joined);
  }
  if (remaining_ == 0) {
    state_ = State::Header;
    skip_tail_.clear();
  }
  return bytes.substr(n);
}

void MessageReader::compact() {
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ > 4096 && pos_ > buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

std::optional<FrameResult> MessageReader::next() {
  if (state_ == State::Skip)
    return std::nullopt; // feed() discards the rest of a refused body as it arrives
  if (state_ == State::Header) {
    auto header = readHeader();
    if (state_ != State::Body)
      return header;
  }
  if (buffer_.size() - pos_ < remaining_)
    return std::nullopt;
  std::string body = buffer_.substr(pos_, remaining_);
  pos_ += remaining_;
  state_ = State::Header;
  compact();
  return FrameResult(std::move(body));
}

// Reads one header block. On success switches to State::Body and returns nullopt; returns an error
// for a bad block (consumed, so the next call starts after it), or nullopt when more bytes are
// needed.
std::optional<FrameResult> MessageReader::readHeader() {
  std::string_view buf(buffer_);
  // Blank lines between messages are tolerated, as some clients write a trailing newline.
  while (pos_ < buf.size() && (buf[pos_] == '\r' || buf[pos_] == '\n'))
    ++pos_;
  std::optional<std::size_t> length;
  bool bad_length = false;
  std::size_t cursor = pos_;
  while (true) {
    std::size_t nl = buf.find('\n', cursor);
    if (nl == std::string_view::npos) {
      if (buf.size() - pos_ <= kMaxHeader)
        return std::nullopt;
      // No header is this long: drop the bytes up to the next plausible header.
      std::size_t next = findContentLength(buf, pos_ + 1);
      pos_ = next == std::string_view::npos ? buf.size() : next;
      compact();
      return error(FramingError::Kind::MalformedHeader, "header longer than 16 KiB, skipped");
    }
    std::string_view line = buf.substr(cursor, nl - cursor);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (line.empty()) { // end of the header block
      pos_ = nl + 1;
      if (bad_length)
        return error(FramingError::Kind::InvalidContentLength,
                     "Content-Length is not a non-negative decimal number");
      if (!length)
        return error(FramingError::Kind::MissingContentLength, "header has no Content-Length");
      if (*length > max_body_) {
        // Refused without reading it into memory: the body is discarded as it arrives, starting
        // with what is already buffered.
        std::string rest = buffer_.substr(pos_);
        buffer_.clear();
        pos_ = 0;
        remaining_ = *length;
        state_ = State::Skip;
        skip_tail_.clear();
        skip_before_ = '\n';
        std::string_view after = skip(rest);
        buffer_.append(after);
        return error(FramingError::Kind::TooLarge, "Content-Length " + std::to_string(*length) +
                                                       " is over the limit of " +
                                                       std::to_string(max_body_) + " bytes");
      }
      remaining_ = *length;
      state_ = State::Body;
      compact();
      return std::nullopt;
    }
    std::size_t colon = line.find(':');
    bool well_formed = colon != std::string_view::npos && colon > 0 &&
                       std::all_of(line.begin(), line.begin() + colon, isTokenChar);
    if (!well_formed) {
      // Garbage where a header should be (a body sent without a header, say). If a real header
      // starts later on this line, resume there; otherwise skip the line.
      std::size_t next = findContentLength(line, 1);
      pos_ = next == std::string_view::npos ? nl + 1 : cursor + next;
      compact();
      return error(FramingError::Kind::MalformedHeader,
                   "expected a header field, got \"" + std::string(line.substr(0, 40)) + "\"");
    }
    std::string_view name = line.substr(0, colon);
    if (equalsIgnoreCase(name, "content-length")) {
      auto n = parseLength(trim(line.substr(colon + 1)));
      if (!n || (length && *length != *n))
        bad_length = true;
      else
        length = n;
    }
    cursor = nl + 1;
  }
}

std::optional<FramingError> MessageReader::finish() {
  std::string_view rest = std::string_view(buffer_).substr(pos_);
  bool only_blank = std::all_of(rest.begin(), rest.end(), [](char c) {
    return c == '\r' || c == '\n' || c == ' ' || c == '\t';
  });
  if (state_ == State::Header && only_blank)
    return std::nullopt;
  std::string where = state_ == State::Header ? "a header" : "a message body";
  buffer_.clear();
  pos_ = 0;
  state_ = State::Header;
  return FramingError{FramingError::Kind::Truncated, "input ended inside " + where};
}

std::string frameMessage(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

} // namespace factline::protocol
