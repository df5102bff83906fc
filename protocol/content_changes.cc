// Content changes applied one after another against the evolving text.
#include "protocol/content_changes.h"

#include <utility>

#include "protocol/line_index.h"

namespace factline::protocol {

void applyContentChanges(std::string &text,
                         const std::vector<TextDocumentContentChangeEvent> &changes,
                         PositionEncoding encoding) {
  for (const auto &change : changes) {
    if (!change.range) {
      text = change.text;
      continue;
    }
    std::size_t begin = offsetOf(text, change.range->start, encoding);
    std::size_t end = change.range->end == change.range->start
                          ? begin
                          : offsetOf(text, change.range->end, encoding);
    if (end < begin)
      std::swap(begin, end);
    text.replace(begin, end - begin, change.text);
  }
}

} // namespace factline::protocol
