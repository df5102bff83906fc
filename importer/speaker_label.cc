// Reading titles, names, party and state out of a transcript's speaker label.
#include "importer/speaker_label.h"

#include <algorithm>
#include <array>
#include <utility>

namespace factline::importer {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

// A title word, lower-case and without its full stop, and how a writer spells it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 44> kTitles = {{
    {"sen", "Sen."},
    {"senator", "Senator"},
    {"rep", "Rep."},
    {"representative", "Representative"},
    {"congressman", "Congressman"},
    {"congresswoman", "Congresswoman"},
    {"mr", "Mr."},
    {"mrs", "Mrs."},
    {"ms", "Ms."},
    {"miss", "Miss"},
    {"dr", "Dr."},
    {"prof", "Prof."},
    {"professor", "Professor"},
    {"chairman", "Chairman"},
    {"chairwoman", "Chairwoman"},
    {"chair", "Chair"},
    {"vice", "Vice"},
    {"ranking", "Ranking"},
    {"member", "Member"},
    {"mayor", "Mayor"},
    {"deputy", "Deputy"},
    {"councilmember", "Councilmember"},
    {"councillor", "Councillor"},
    {"councilor", "Councilor"},
    {"councilman", "Councilman"},
    {"councilwoman", "Councilwoman"},
    {"commissioner", "Commissioner"},
    {"alderman", "Alderman"},
    {"judge", "Judge"},
    {"governor", "Governor"},
    {"gov", "Gov."},
    {"secretary", "Secretary"},
    {"president", "President"},
    {"hon", "Hon."},
    {"principal", "Principal"},
    {"trustee", "Trustee"},
    {"superintendent", "Superintendent"},
    {"director", "Director"},
    {"minister", "Minister"},
    {"ambassador", "Ambassador"},
    {"sheriff", "Sheriff"},
    {"chancellor", "Chancellor"},
    {"detective", "Detective"},
    {"inspector", "Inspector"},
}};

// First words of labels that name nobody in particular.
constexpr std::array<std::string_view, 24> kGeneric = {
    "speaker",   "unidentified", "unknown",  "moderator",  "operator", "interviewer",
    "host",      "audience",     "reporter", "question",   "answer",   "q",
    "a",         "participant",  "male",     "female",     "voice",    "crosstalk",
    "narrator",  "announcer",    "clerk",    "interpreter", "crowd",   "inaudible"};

std::string_view titleSpelling(std::string_view word) {
  std::string w = lower(word);
  if (!w.empty() && w.back() == '.')
    w.pop_back();
  for (const auto &[key, spelling] : kTitles)
    if (w == key)
      return spelling;
  return {};
}

// "GRASSLEY" -> "Grassley", "MCCARTHY" -> "McCarthy", "O'BRIEN" -> "O'Brien", "SMITH-JONES" ->
// "Smith-Jones"; a word already in mixed case is kept.
std::string titleCase(std::string_view word) {
  bool has_lower = std::any_of(word.begin(), word.end(), isLower);
  if (has_lower)
    return std::string(word);
  std::string out = lower(word);
  bool start = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (start && isLower(c))
      out[i] = static_cast<char>(c - 'a' + 'A');
    start = c == '-' || c == '\'' || c == ' ';
  }
  if (out.size() > 3 && out[0] == 'M' && out[1] == 'c' && isLower(out[2]))
    out[2] = static_cast<char>(out[2] - 'a' + 'A');
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
      ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != ',')
      ++j;
    if (j > i)
      out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

} // namespace

bool isTitleWord(std::string_view word) { return !titleSpelling(word).empty(); }

SpeakerLabel parseSpeakerLabel(std::string_view label) {
  SpeakerLabel out;
  label = trim(label);
  out.raw = std::string(label);
  // Party and state: "(R-IOWA)", "(D-Ill.)", or after a comma: "SEN. DICK DURBIN, D-ILL."
  std::string_view rest = label;
  if (std::size_t open = rest.find('('); open != std::string_view::npos) {
    std::size_t close = rest.find(')', open);
    out.affiliation = titleCase(trim(rest.substr(open + 1, close == std::string_view::npos
                                                                ? std::string_view::npos
                                                                : close - open - 1)));
    rest = trim(rest.substr(0, open));
  } else if (std::size_t comma = rest.find(','); comma != std::string_view::npos) {
    std::string_view after = trim(rest.substr(comma + 1));
    if (after.size() >= 3 && after[1] == '-' && (after[0] == 'R' || after[0] == 'D' ||
                                                  after[0] == 'I' || after[0] == 'r' ||
                                                  after[0] == 'd' || after[0] == 'i')) {
      out.affiliation = titleCase(after);
      rest = trim(rest.substr(0, comma));
    }
  }
  if (!out.affiliation.empty() && out.affiliation[0] >= 'a' && out.affiliation[0] <= 'z')
    out.affiliation[0] = static_cast<char>(out.affiliation[0] - 'a' + 'A');
  std::vector<std::string_view> ws = words(rest);
  std::size_t i = 0;
  if (i < ws.size() && lower(ws[i]) == "the")
    ++i;
  for (; i < ws.size(); ++i) {
    std::string_view spelling = titleSpelling(ws[i]);
    if (spelling.empty())
      break;
    out.titles.emplace_back(spelling);
  }
  std::vector<std::string> name_words;
  for (; i < ws.size(); ++i) {
    std::string_view w = ws[i];
    if (w.size() > 1 && w.back() == '.' && !(w.size() == 2 && isUpper(w[0])))
      w.remove_suffix(1); // "GRASSLEY." but not the initial "J."
    name_words.push_back(titleCase(w));
  }
  const bool letters = std::any_of(rest.begin(), rest.end(), [](char c) {
    return isUpper(c) || isLower(c) || static_cast<unsigned char>(c) >= 0x80;
  });
  if (name_words.empty() || !letters) { // a title alone, or ">>"
    out.generic = true;
    return out;
  }
  if (std::find(kGeneric.begin(), kGeneric.end(), lower(name_words.front())) != kGeneric.end() ||
      std::any_of(name_words.begin(), name_words.end(), [](const std::string &w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
      })) {
    out.generic = true;
    return out;
  }
  // "Jr." and "III" stay with the name but are not the surname.
  std::size_t last = name_words.size() - 1;
  auto suffix = [](const std::string &w) {
    std::string l = lower(w);
    return l == "jr" || l == "jr." || l == "sr" || l == "sr." || l == "ii" || l == "iii";
  };
  while (last > 0 && suffix(name_words[last]))
    --last;
  out.surname = name_words[last];
  for (std::size_t k = 0; k < name_words.size(); ++k) {
    if (k)
      out.name += ' ';
    out.name += name_words[k];
  }
  if (last > 0)
    out.given = name_words.front();
  return out;
}

std::string pronounOf(const SpeakerLabel &label) {
  for (const std::string &t : label.titles) {
    if (t == "Mr." || t == "Congressman" || t == "Councilman" || t == "Chairman" ||
        t == "Alderman")
      return "he";
    if (t == "Mrs." || t == "Ms." || t == "Miss" || t == "Congresswoman" ||
        t == "Councilwoman" || t == "Chairwoman")
      return "she";
  }
  return "";
}

std::vector<std::string> aliasesOf(const SpeakerLabel &label) {
  std::vector<std::string> out;
  auto add = [&](std::string a) {
    if (!a.empty() && a != label.name && std::find(out.begin(), out.end(), a) == out.end())
      out.push_back(std::move(a));
  };
  if (!label.given.empty())
    add(label.surname);
  for (const std::string &t : label.titles) {
    if (t == "Vice" || t == "Ranking" || t == "Member" || t == "Deputy")
      continue;
    add(t + " " + label.surname);
    // Both spellings of a shortened title: "Sen. Grassley" and "Senator Grassley".
    if (t == "Sen.")
      add("Senator " + label.surname);
    else if (t == "Senator")
      add("Sen. " + label.surname);
    else if (t == "Rep.")
      add("Representative " + label.surname);
    else if (t == "Gov.")
      add("Governor " + label.surname);
    // British usage drops the full stop: "Mr Zuckerberg".
    if (t.size() > 1 && t.back() == '.' && (t == "Mr." || t == "Mrs." || t == "Ms." || t == "Dr."))
      add(t.substr(0, t.size() - 1) + " " + label.surname);
  }
  return out;
}

std::string descriptorOf(const SpeakerLabel &label) {
  std::string out;
  for (const std::string &t : label.titles) {
    if (t == "Mr." || t == "Mrs." || t == "Ms." || t == "Miss" || t == "Dr." || t == "Hon.")
      continue;
    if (!out.empty())
      out += ' ';
    out += t == "Sen." ? "Senator" : t == "Rep." ? "Representative" : t == "Gov." ? "Governor" : t;
  }
  if (!label.affiliation.empty())
    out += (out.empty() ? "(" : " (") + label.affiliation + ")";
  return out;
}

std::string slug(std::string_view words) {
  std::string out;
  bool gap = false;
  for (unsigned char c : words) {
    bool ascii_word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      ascii_word = true;
    }
    if (ascii_word || c >= 0x80) {
      if (gap && !out.empty())
        out += '-';
      gap = false;
      out += static_cast<char>(c);
    } else if (c != '\'') {
      gap = true;
    }
  }
  return out;
}

} // namespace factline::importer
