// LineIndex: line starts plus periodic unit counts, so each conversion scans at most a few KiB.
#include "protocol/line_index.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace factline::protocol {
namespace {

constexpr std::size_t kCheckpointStride = 2048;

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::size_t unitsOf(std::size_t sequence_length, PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8:
    return sequence_length;
  case PositionEncoding::Utf16:
    return sequence_length == 4 ? 2 : 1;
  case PositionEncoding::Utf32:
    break;
  }
  return 1;
}

// The byte offset `units` units after `begin`, not going past `end`; stops at the start of a
// character that would overshoot.
std::size_t advance(std::string_view text, std::size_t begin, std::size_t end, std::size_t units,
                    PositionEncoding encoding) {
  std::size_t i = begin, counted = 0;
  while (i < end && counted < units) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : utf8SequenceLength(text, i);
    std::size_t u = unitsOf(len, encoding);
    if (counted + u > units)
      break;
    counted += u;
    i += len;
  }
  return std::min(i, end);
}

// Whether the 8 bytes at text[i] are all ASCII (one unit, one character each in any encoding):
// most of a draft is, and a diagnostic's position is found by walking up to a checkpoint's stride.
bool asciiWord(std::string_view text, std::size_t i) {
  std::uint64_t w;
  std::memcpy(&w, text.data() + i, sizeof w);
  return (w & 0x8080808080808080ULL) == 0;
}

std::size_t countUnits(std::string_view text, std::size_t begin, std::size_t end,
                       PositionEncoding encoding) {
  std::size_t n = 0;
  for (std::size_t i = begin; i < end;) {
    if (i + 8 <= end && asciiWord(text, i)) {
      n += 8;
      i += 8;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : utf8SequenceLength(text, i);
    n += unitsOf(len, encoding);
    i += len;
  }
  return n;
}

} // namespace

std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  unsigned char c = b(0);
  std::size_t left = text.size() - i;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return left >= 2 && isContinuation(b(1)) ? 2 : 1;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !isContinuation(b(1)) || !isContinuation(b(2)))
      return 1;
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F))
      return 1; // overlong, or a UTF-16 surrogate encoded in UTF-8
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !isContinuation(b(1)) || !isContinuation(b(2)) || !isContinuation(b(3)))
      return 1;
    if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) > 0x8F))
      return 1; // overlong, or past U+10FFFF
    return 4;
  }
  return 1;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  checkpoints_.push_back({0, 0, 0});
  std::size_t utf16 = 0, utf32 = 0, next_checkpoint = kCheckpointStride;
  for (std::size_t i = 0; i < text.size();) {
    if (i >= next_checkpoint) {
      checkpoints_.push_back({i, utf16, utf32});
      next_checkpoint = i + kCheckpointStride;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
      ++utf16;
      ++utf32;
      ++i;
      continue;
    }
    std::size_t len = utf8SequenceLength(text, i);
    utf16 += len == 4 ? 2 : 1;
    ++utf32;
    i += len;
  }
}

std::size_t LineIndex::lineStart(std::size_t line) const {
  return line < line_starts_.size() ? line_starts_[line] : text_.size();
}

std::size_t LineIndex::lineEnd(std::size_t line) const {
  if (line + 1 >= line_starts_.size())
    return text_.size();
  std::size_t next = line_starts_[line + 1];
  std::size_t end = next - 1; // the '\n' or lone '\r'
  if (text_[end] == '\n' && end > 0 && text_[end - 1] == '\r')
    --end;
  return end;
}

std::size_t LineIndex::lineOf(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin()) - 1;
}

std::size_t LineIndex::boundaryAtOrBefore(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto cp = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                             [](std::size_t o, const Checkpoint &c) { return o < c.offset; });
  std::size_t i = std::prev(cp)->offset;
  while (i < offset) {
    if (i + 8 <= offset && asciiWord(text_, i)) {
      i += 8;
      continue;
    }
    std::size_t len = utf8SequenceLength(text_, i);
    if (i + len > offset)
      break;
    i += len;
  }
  return i;
}

std::size_t LineIndex::unitsBefore(std::size_t offset, PositionEncoding encoding) const {
  if (encoding == PositionEncoding::Utf8)
    return offset;
  auto cp =
      std::prev(std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                 [](std::size_t o, const Checkpoint &c) { return o < c.offset; }));
  std::size_t base = encoding == PositionEncoding::Utf16 ? cp->utf16 : cp->utf32;
  return base + countUnits(text_, cp->offset, offset, encoding);
}

Position LineIndex::toPosition(std::size_t offset, PositionEncoding encoding) const {
  offset = boundaryAtOrBefore(offset);
  std::size_t line = lineOf(offset);
  std::size_t start = line_starts_[line];
  offset = std::min(offset, lineEnd(line));
  std::size_t units = unitsBefore(offset, encoding) - unitsBefore(start, encoding);
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
}

std::size_t LineIndex::toOffset(Position position, PositionEncoding encoding) const {
  if (position.line >= line_starts_.size())
    return text_.size();
  std::size_t start = line_starts_[position.line];
  std::size_t end = lineEnd(position.line);
  if (encoding == PositionEncoding::Utf8) {
    std::size_t target = start + std::min<std::size_t>(position.character, end - start);
    return std::max(start, boundaryAtOrBefore(target));
  }
  // Jump to the last checkpoint on this line that is not past the target, then walk.
  std::size_t target = unitsBefore(start, encoding) + position.character;
  auto units_at = [&](const Checkpoint &c) {
    return encoding == PositionEncoding::Utf16 ? c.utf16 : c.utf32;
  };
  auto first = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), start,
                                [](std::size_t o, const Checkpoint &c) { return o < c.offset; });
  auto last = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), end,
                               [](std::size_t o, const Checkpoint &c) { return o < c.offset; });
  auto cp = std::upper_bound(first, last, target,
                             [&](std::size_t t, const Checkpoint &c) { return t < units_at(c); });
  std::size_t from = start, from_units = unitsBefore(start, encoding);
  if (cp != first) {
    from = std::prev(cp)->offset;
    from_units = units_at(*std::prev(cp));
  }
  return advance(text_, from, end, target - from_units, encoding);
}

std::size_t offsetOf(std::string_view text, Position position, PositionEncoding encoding) {
  std::size_t start = 0;
  for (std::uint32_t line = 0; line < position.line; ++line) {
    // The next terminator: the first '\n', unless a lone '\r' comes before it.
    const char *nl =
        static_cast<const char *>(std::memchr(text.data() + start, '\n', text.size() - start));
    std::size_t n = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
    const char *cr = static_cast<const char *>(std::memchr(text.data() + start, '\r', n - start));
    if (cr && static_cast<std::size_t>(cr - text.data()) + 1 != n)
      start = static_cast<std::size_t>(cr - text.data()) + 1;
    else if (nl)
      start = n + 1;
    else
      return text.size(); // past the last line: the end of the text
  }
  std::size_t end = start;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r')
    ++end;
  return advance(text, start, end, position.character, encoding);
}

} // namespace factline::protocol
