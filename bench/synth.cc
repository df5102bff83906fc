// Synthetic fact bases and drafts: a seeded PRNG, a syllable-built Zipf vocabulary, no I/O.
#include "bench/synth.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

namespace factline::bench {
namespace {

using Rng = std::mt19937_64;

// Pronounceable words built from syllables, ranked so that early words are the common ones.
std::vector<std::string> makeVocabulary(std::size_t size, Rng &rng) {
  static const char *kCommon[] = {"the", "we", "to", "and", "of", "a", "that", "is", "in", "it",
                                  "for", "people", "our", "not", "have", "be", "make", "sure",
                                  "with", "this", "are", "on", "data", "what", "they", "do"};
  static const char *kOnsets[] = {"b", "br", "c", "ch", "d", "f", "g", "h", "j", "k", "l", "m",
                                  "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "w"};
  static const char *kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
  static const char *kCodas[] = {"", "n", "r", "s", "t", "l", "nd", "st", "ck"};
  std::vector<std::string> words(std::begin(kCommon), std::end(kCommon));
  while (words.size() < size) {
    std::string w;
    int syllables = 1 + static_cast<int>(rng() % 3);
    for (int s = 0; s < syllables; ++s) {
      w += kOnsets[rng() % std::size(kOnsets)];
      w += kVowels[rng() % std::size(kVowels)];
      w += kCodas[rng() % std::size(kCodas)];
    }
    words.push_back(std::move(w));
  }
  return words;
}

// Zipf sampling over ranks 0..n-1 (s = 1), by inverse transform on a precomputed CDF.
class Zipf {
public:
  explicit Zipf(std::size_t n) : cdf_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
      cdf_[i] = (sum += 1.0 / static_cast<double>(i + 1));
    for (double &c : cdf_)
      c /= sum;
  }
  std::size_t operator()(Rng &rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

private:
  std::vector<double> cdf_;
};

std::string sentence(const std::vector<std::string> &vocab, const Zipf &zipf, Rng &rng,
                     std::size_t words) {
  std::string s;
  for (std::size_t i = 0; i < words; ++i) {
    if (i)
      s += (rng() % 12 == 0) ? ", " : " ";
    std::string w = vocab[zipf(rng)];
    if (i == 0)
      w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    s += w;
  }
  return s + ".";
}

std::string capitalised(std::string w) {
  w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return w;
}

std::string numberWords(double value) {
  char buf[64];
  if (value >= 1e9)
    std::snprintf(buf, sizeof buf, "%g billion", value / 1e9);
  else if (value >= 1e6)
    std::snprintf(buf, sizeof buf, "%g million", value / 1e6);
  else
    std::snprintf(buf, sizeof buf, "%.0f", value);
  return buf;
}

} // namespace

facts::FactBase synthFactBase(std::size_t quotes, std::size_t figures, std::uint64_t seed) {
  Rng rng(seed);
  auto vocab = makeVocabulary(60000, rng);
  Zipf zipf(vocab.size());
  facts::FactBase base;
  const std::size_t people = quotes / 40 + 2;
  for (std::size_t i = 0; i < people; ++i) {
    facts::Person p;
    p.id = "synth-person-" + std::to_string(i);
    std::string first = capitalised(vocab[100 + rng() % 5000]);
    std::string last = capitalised(vocab[100 + rng() % 50000]) + std::to_string(i);
    p.name = first + " " + last;
    p.aliases = {last, "Mr " + last};
    p.role = "synthetic speaker";
    p.pronoun = (i % 2) ? "he" : "she";
    base.people.push_back(std::move(p));
  }
  base.events.push_back({"synth-event", "synthetic hearing", "2018-04-10", {"the hearing"}, ""});
  base.sources.push_back({"synth-source", "Synthetic source", "Factline bench", "2018-04-11", ""});
  std::uniform_int_distribution<std::size_t> qlen(8, 60);
  for (std::size_t i = 0; i < quotes; ++i) {
    facts::Quote q;
    q.id = base.keep("synth-q-" + std::to_string(i));
    std::size_t len = qlen(rng);
    std::string text;
    while (len > 0) {
      std::size_t n = std::min<std::size_t>(len, 6 + rng() % 14);
      if (!text.empty())
        text += ' ';
      text += sentence(vocab, zipf, rng, n);
      len -= n;
    }
    q.text = base.keep(text);
    q.speaker = base.keep(base.people[rng() % people].id);
    q.event = "synth-event";
    q.date = "2018-04-10";
    q.source = "synth-source";
    base.quotes.push_back(std::move(q));
  }
  static const char *kUnits[] = {"users", "accounts", "apps", "senators", "businesses",
                                 "developers", "advertisers", "hours", "countries", "employees"};
  for (std::size_t i = 0; i < figures; ++i) {
    facts::Figure f;
    f.id = base.keep("synth-f-" + std::to_string(i));
    f.kind = facts::FigureKind::Count;
    f.value = std::floor(std::pow(10.0, 1 + std::uniform_real_distribution<double>(0, 8)(rng)));
    f.unit = base.keep(kUnits[rng() % std::size(kUnits)]);
    f.units = {f.unit};
    f.text = base.keep(numberWords(f.value));
    f.subject = base.keep(f.unit + " counted in synthetic record " + std::to_string(i));
    f.keywords = {base.keep(vocab[200 + rng() % 50000]), base.keep(vocab[200 + rng() % 50000])};
    f.date = "2018-04-10";
    f.source = "synth-source";
    base.figures.push_back(std::move(f));
  }
  base.reindex();
  return base;
}

std::string toFactBaseJson(const facts::FactBase &base) {
  using nlohmann::ordered_json;
  ordered_json root;
  root["factline"] = 1;
  root["name"] = "Synthetic fact base";
  auto &people = root["people"] = ordered_json::array();
  for (const auto &p : base.people)
    people.push_back({{"id", p.id},
                      {"kind", p.kind == facts::EntityKind::Person ? "person" : "organisation"},
                      {"name", p.name},
                      {"aliases", p.aliases},
                      {"role", p.role},
                      {"pronoun", p.pronoun}});
  auto &events = root["events"] = ordered_json::array();
  for (const auto &e : base.events)
    events.push_back({{"id", e.id}, {"name", e.name}, {"date", e.date}, {"aliases", e.aliases}});
  auto &sources = root["sources"] = ordered_json::array();
  for (const auto &s : base.sources)
    sources.push_back(
        {{"id", s.id}, {"title", s.title}, {"publisher", s.publisher}, {"date", s.date}});
  auto &quotes = root["quotes"] = ordered_json::array();
  for (const auto &q : base.quotes)
    quotes.push_back({{"id", q.id},
                      {"speaker", q.speaker},
                      {"event", q.event},
                      {"date", q.date},
                      {"source", q.source},
                      {"text", q.text}});
  auto &figures = root["figures"] = ordered_json::array();
  for (const auto &f : base.figures)
    figures.push_back({{"id", f.id},
                       {"kind", "count"},
                       {"value", f.value},
                       {"text", f.text},
                       {"unit", f.unit},
                       {"units", f.units},
                       {"subject", f.subject},
                       {"keywords", f.keywords},
                       {"date", f.date},
                       {"source", f.source}});
  return root.dump(1);
}

std::string synthDraft(const facts::FactBase &base, std::size_t words, std::uint64_t seed) {
  Rng rng(seed);
  auto vocab = makeVocabulary(20000, rng);
  Zipf zipf(vocab.size());
  std::string out = "---\ntitle: \"Synthetic draft\"\n---\n\n# Synthetic draft\n\n";
  std::size_t written = 0;
  auto speakerName = [&](std::string_view id) {
    const facts::Person *p = base.person(id);
    return p ? p->name : std::string("Someone");
  };
  for (std::size_t para = 0; written < words; ++para) {
    std::string p;
    std::size_t n = 40 + rng() % 80;
    for (std::size_t w = 0; w < n;) {
      std::size_t len = 8 + rng() % 16;
      if (!p.empty())
        p += ' ';
      p += sentence(vocab, zipf, rng, len);
      w += len;
    }
    written += n;
    int kind = static_cast<int>(rng() % 6);
    if (!base.quotes.empty() && kind <= 2) {
      const facts::Quote &q = base.quotes[rng() % base.quotes.size()];
      std::string text = q.text.str();
      std::size_t space = text.find(' ', text.size() / 2);
      if (kind == 1 && space != std::string::npos)
        text.insert(space, " really"); // altered
      std::string speaker = speakerName(q.speaker);
      if (kind == 2 && base.people.size() > 1)
        speaker = base.people[rng() % base.people.size()].name; // possibly misattributed
      p += " \xE2\x80\x9C" + text + "\xE2\x80\x9D " + speaker + " said.";
      written += 30;
    } else if (!base.figures.empty() && kind == 3) {
      const facts::Figure &f = base.figures[rng() % base.figures.size()];
      double v = (rng() % 3 == 0) ? f.value * 1.3 : f.value; // some wrong
      std::string kw = f.keywords.empty() ? std::string("counted") : f.keywords.front().str();
      p += " The " + kw + " record shows " + numberWords(v) + " " + f.unit + " in all.";
      written += 8;
    } else if (kind == 4) {
      p += " It happened in 2014 and again on 10 April 2018, the first time in years.";
      written += 14;
    }
    out += p + "\n\n";
  }
  return out;
}

} // namespace factline::bench
