// LineIndex: converts byte offsets in a document's text to LSP positions and back, in any encoding.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "protocol/position.h"

namespace factline::protocol {

// Built once over a text (which must outlive it), then answers conversions in time independent of
// the document's size, even for one multi-megabyte line: it keeps the start of every line and,
// every few kilobytes, how many UTF-16 and UTF-32 units came before. Immutable once built; safe to
// use from several threads.
//
// Lines end at "\n", "\r\n" or "\r", as the spec says. Bytes that are not valid UTF-8 count as one
// unit each in every encoding, so conversions never fail and never read past the text.
class LineIndex {
public:
  explicit LineIndex(std::string_view text);

  // The position of a byte offset. Offsets past the end mean the end; an offset inside a
  // multi-byte character or inside a "\r\n" means the start of that character or terminator.
  Position toPosition(std::size_t offset, PositionEncoding encoding) const;

  // The byte offset of a position, clamped as the spec says: a character past the end of its line
  // means the line's end (before its terminator), a line past the last means the end of the text.
  // A character that falls inside a multi-unit character (half a surrogate pair) means its start.
  std::size_t toOffset(Position position, PositionEncoding encoding) const;

  std::size_t lineCount() const { return line_starts_.size(); }
  std::size_t lineStart(std::size_t line) const;
  // Where a line's content ends: its terminator, or the end of the text.
  std::size_t lineEnd(std::size_t line) const;
  std::size_t lineOf(std::size_t offset) const;

private:
  struct Checkpoint {
    std::size_t offset; // a character boundary
    std::size_t utf16;  // UTF-16 units before it
    std::size_t utf32;  // code points before it
  };
  // Units of `encoding` in text_[0, offset), offset a character boundary.
  std::size_t unitsBefore(std::size_t offset, PositionEncoding encoding) const;
  std::size_t boundaryAtOrBefore(std::size_t offset) const;

  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<Checkpoint> checkpoints_; // the first at offset 0
};

// Byte length of the UTF-8 sequence starting at text[i]; 1 for a byte that does not start a
// well-formed sequence. i must be < text.size().
std::size_t utf8SequenceLength(std::string_view text, std::size_t i);

// One-off conversion of a position to an offset without building an index: a scan to the line,
// then along it. What applying an edit to a document needs.
std::size_t offsetOf(std::string_view text, Position position, PositionEncoding encoding);

} // namespace factline::protocol
