// wordRoot: Snowball's English stemmer (libstemmer), one instance a thread.
#include "facts/word_root.h"

#include <libstemmer.h>

#include <memory>

namespace factline::facts {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer *s) const { sb_stemmer_delete(s); }
};

// Snowball's stemmers keep state between calls: one a thread, made on first use.
sb_stemmer *threadStemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  return stemmer.get();
}

} // namespace

std::string wordRoot(std::string_view folded) {
  std::string_view w = folded;
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("\u2019s")))
    w.remove_suffix(w.ends_with("'s") ? 2 : 4);
  else if (w.size() > 2 && w.ends_with("s'"))
    w.remove_suffix(1);
  bool letters = !w.empty();
  for (const char c : w)
    letters = letters && ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80 ||
                          c == '-' || c == '\'');
  sb_stemmer *stemmer = letters ? threadStemmer() : nullptr;
  if (!stemmer)
    return std::string(w);
  const sb_symbol *out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol *>(w.data()),
                      static_cast<int>(w.size()));
  if (!out) // out of memory: the word as it is still links its own form
    return std::string(w);
  return std::string(reinterpret_cast<const char *>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

} // namespace factline::facts
