// Annotated test text: "[[...]]" marks expected byte ranges inline, clangd Annotations style.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.h"

namespace factline::tests {

// "He said “[[We didn't do enough]]”" gives the text without the markers and one range covering
// "We didn't do enough". Ranges are listed in the order they open; they may nest.
class Annotations {
public:
  explicit Annotations(std::string_view marked) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < marked.size();) {
      if (marked.substr(i, 2) == "[[") {
        open.push_back(ranges_.size());
        ranges_.push_back({text_.size(), text_.size()});
        i += 2;
      } else if (marked.substr(i, 2) == "]]" && !open.empty()) {
        ranges_[open.back()].end = text_.size();
        open.pop_back();
        i += 2;
      } else {
        text_ += marked[i++];
      }
    }
    if (!open.empty())
      throw std::invalid_argument("unbalanced [[ ]] in test text");
  }

  const std::string &text() const { return text_; }
  const std::vector<analyzers::Span> &ranges() const { return ranges_; }
  analyzers::Span range(std::size_t i = 0) const { return ranges_.at(i); }
  std::string_view of(analyzers::Span s) const {
    return std::string_view(text_).substr(s.begin, s.end - s.begin);
  }

private:
  std::string text_;
  std::vector<analyzers::Span> ranges_;
};

} // namespace factline::tests
