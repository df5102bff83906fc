// Document: a draft's text with its Markdown structure resolved into prose, blocks and sentences.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"

namespace factline::analyzers {

enum class DraftFormat { Markdown, PlainText };

enum class BlockKind { Paragraph, Heading, BlockQuote, ListItem };

// A run of prose lines: a paragraph, a heading, a list item, or one paragraph of a block quote.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  Span span;            // first non-blank byte to the end of the last line (newline excluded)
  int quote_group = -1; // block quotes: paragraphs of the same "> ..." run share a group number
};

struct Sentence {
  Span span;
  std::size_t block = 0; // index into blocks()
};

// Immutable after construction; cheap to share between threads.
class Document {
public:
  Document(std::string text, DraftFormat format);

  const std::string &text() const { return text_; }
  DraftFormat format() const { return format_; }

  // The text with everything that is not prose blanked to spaces: YAML front matter, fenced and
  // indented code, inline code, HTML comments and tags, link destinations and URLs, and Markdown
  // markers (heading hashes, "> " block quote markers, list markers, thematic breaks). Same length
  // as text() with newlines kept, so every offset means the same in both.
  const std::string &prose() const { return prose_; }
  std::string_view prose(Span s) const {
    return std::string_view(prose_).substr(s.begin, s.end - s.begin);
  }

  const std::vector<Block> &blocks() const { return blocks_; }
  const std::vector<Sentence> &sentences() const { return sentences_; }

  // Index of the block / sentence holding `offset`, or -1.
  int blockAt(std::size_t offset) const;
  int sentenceAt(std::size_t offset) const;

  // True when the writer turned checking off for this span with <!-- factline-disable-next-line -->
  // or <!-- factline-disable --> ... <!-- factline-enable -->.
  bool suppressed(Span span) const;

  // 0-based line of a byte offset, and the byte offset where a line starts.
  std::size_t lineOf(std::size_t offset) const;
  std::size_t lineStart(std::size_t line) const;
  std::size_t lineCount() const { return line_starts_.size(); }

private:
  std::string text_;
  DraftFormat format_;
  std::string prose_;
  std::vector<std::size_t> line_starts_;
  std::vector<Block> blocks_;
  std::vector<Sentence> sentences_;
  std::vector<Span> suppressed_;
};

} // namespace factline::analyzers
