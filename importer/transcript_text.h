// The small readers the transcript forms share: labels at the start of a line, times, words.
// Internal to importer/.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "importer/transcript.h"

namespace factline::importer::detail {

struct LabelAt {
  std::string label;        // without its colon or full stop, trimmed
  std::string time;         // "hh:mm:ss" when the label carries one
  std::size_t words_at = 0; // where the spoken words start in the line
  bool single_word = false; // one word and no title: trusted only if it recurs
};

// "ZUCKERBERG:", "SEN. CHUCK GRASSLEY (R-IOWA):", "Mark Zuckerberg:", "Speaker 1 (00:03:12):",
// "[00:03:12] NAME:", "Name: (03:12)".
std::optional<LabelAt> colonLabel(std::string_view line);
// "MR. ZUCKERBERG.", "Chairman Walden.", "The CHAIRMAN.", "Senator Thune." (the Congressional
// Record's style): a title, then at most three capitalised words, the last ending in a full stop.
std::optional<LabelAt> titleDotLabel(std::string_view line);
// "Mark Zuckerberg  00:03:12" alone on its line (a service export: the words follow).
std::optional<LabelAt> timedLineLabel(std::string_view line);
// "**Zuckerberg:** ..." or "**Zuckerberg**: ...".
std::optional<LabelAt> boldLabel(std::string_view line);

std::string_view trim(std::string_view s);
bool isBlank(std::string_view line);

} // namespace factline::importer::detail
