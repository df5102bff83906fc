// Reading a transcript into turns: speaker-labelled text, service exports, Markdown, captions.
#include <algorithm>
#include <map>
#include <set>

#include "importer/speaker_label.h"
#include "importer/transcript.h"
#include "importer/transcript_text.h"

namespace factline::importer {
namespace {

using namespace detail;

struct Line {
  std::string_view text;
  std::size_t number; // 1-based
};

std::vector<Line> linesOf(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) // a byte order mark
    text.remove_prefix(3);
  std::vector<Line> out;
  std::size_t n = 1, i = 0;
  while (i <= text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view line = text.substr(i, end - i);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    out.push_back({line, n++});
    if (end == text.size())
      break;
    i = end + 1;
  }
  return out;
}

std::optional<LabelAt> labelFor(std::string_view line, TranscriptFormat format) {
  switch (format) {
  case TranscriptFormat::Markdown:
    return boldLabel(line);
  case TranscriptFormat::Service:
    if (auto l = timedLineLabel(line))
      return l;
    return colonLabel(line);
  default:
    if (auto l = colonLabel(line))
      return l;
    return titleDotLabel(line);
  }
}

// Markdown's own marks around the words: emphasis, a block quote's ">", a heading is no speech.
std::string plainMarkdown(std::string_view line) {
  std::string out;
  line = trim(line);
  while (line.starts_with(">"))
    line = trim(line.substr(1));
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '*') // emphasis, single or double
      continue;
    if (line[i] == '_' && i + 1 < line.size() && line[i + 1] == '_') {
      ++i;
      continue;
    }
    out += line[i];
  }
  return out;
}

void addWords(Turn &turn, std::string_view words, std::size_t line, bool &new_paragraph) {
  std::string clean = withoutInterjections(words);
  if (clean.empty())
    return;
  if (new_paragraph || turn.paragraphs.empty()) {
    turn.paragraphs.push_back({clean, line, ""});
    new_paragraph = false;
  } else {
    turn.paragraphs.back().text += ' ';
    turn.paragraphs.back().text += clean;
  }
}

void readLabelled(const std::vector<Line> &lines, Transcript &out) {
  // Pass one: the labels, and how often each one-word label recurs ("WASHINGTON:" once, in a
  // dateline, is no speaker; "ZUCKERBERG:" forty times is).
  std::vector<std::optional<LabelAt>> labels(lines.size());
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (out.format == TranscriptFormat::Markdown && trim(lines[i].text).starts_with("#"))
      continue;
    labels[i] = labelFor(lines[i].text, out.format);
    if (labels[i])
      ++counts[labels[i]->label];
  }
  // A one-word label that appears once is trusted after the first trusted label when written in
  // capitals (a speaker named by surname alone in the body: "OKAFOR:"), never before it (a
  // dateline: "WASHINGTON:"), nor in ordinary case ("Today: we begin" is someone's words).
  std::set<std::string> surnames;
  for (const auto &label : labels)
    if (label && !label->single_word)
      surnames.insert(parseSpeakerLabel(label->label).surname);
  bool trusted_before = false;
  std::size_t preamble_line = 0, preamble_lines = 0;
  bool new_paragraph = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line &line = lines[i];
    std::optional<LabelAt> &label = labels[i];
    const auto capitals = [](std::string_view l) {
      return std::none_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    if (label && label->single_word && counts[label->label] < 2 &&
        !(trusted_before && capitals(label->label)) &&
        !surnames.count(parseSpeakerLabel(label->label).surname))
      label.reset();
    if (label)
      trusted_before = true;
    if (label) {
      Turn turn;
      turn.label = label->label;
      turn.line = line.number;
      turn.time = label->time;
      out.turns.push_back(std::move(turn));
      new_paragraph = true;
      std::string_view words = line.text.substr(std::min(label->words_at, line.text.size()));
      addWords(out.turns.back(), out.format == TranscriptFormat::Markdown
                                     ? std::string_view(plainMarkdown(words))
                                     : words,
               line.number, new_paragraph);
      if (!out.turns.back().paragraphs.empty())
        out.turns.back().paragraphs.back().time = label->time;
      continue;
    }
    if (isBlank(line.text)) {
      new_paragraph = true;
      continue;
    }
    if (out.format == TranscriptFormat::Markdown && trim(line.text).starts_with("#")) {
      new_paragraph = true; // a heading is no one's words
      continue;
    }
    if (out.turns.empty()) {
      if (!preamble_line)
        preamble_line = line.number;
      ++preamble_lines;
      continue;
    }
    Turn &turn = out.turns.back();
    const bool starts = new_paragraph || turn.paragraphs.empty();
    if (out.format == TranscriptFormat::Markdown) {
      std::string plain = plainMarkdown(line.text);
      addWords(turn, plain, line.number, new_paragraph);
    } else {
      addWords(turn, line.text, line.number, new_paragraph);
    }
    if (starts && !turn.paragraphs.empty() && turn.paragraphs.back().line == line.number &&
        turn.paragraphs.size() == 1)
      turn.paragraphs.back().time = turn.time;
  }
  if (preamble_lines)
    out.warnings.push_back({preamble_line, std::to_string(preamble_lines) +
                                               " line(s) before the first speaker label are not "
                                               "anyone's words and are left out"});
}

// The start of a caption cue's timing line ("00:00:01.000 --> 00:00:04.000 align:start").
std::optional<std::string> cueStart(std::string_view line, std::string &bad) {
  std::size_t arrow = line.find("-->");
  std::string_view start = trim(line.substr(0, arrow));
  std::string_view rest = trim(line.substr(arrow + 3));
  std::string_view end = rest.substr(0, rest.find_first_of(" \t"));
  auto s = normalTime(start);
  auto e = normalTime(end);
  if (!s) {
    bad = std::string(start.substr(0, 40));
    return std::nullopt;
  }
  if (!e) {
    bad = std::string(end.substr(0, 40));
    return std::nullopt;
  }
  return s;
}

// Takes a cue line's markup out: "<v Name>", "</v>", "<c.yellow>", "<i>", "<00:00:01.500>",
// "{\an8}". Sets `voice` to a voice tag's name.
std::string cueWords(std::string_view line, std::string &voice) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '<') {
      std::size_t end = line.find('>', i);
      if (end != std::string_view::npos) {
        std::string_view tag = line.substr(i + 1, end - i - 1);
        if (tag.starts_with("v ") || tag.starts_with("v.")) {
          std::size_t space = tag.find(' ');
          if (space != std::string_view::npos)
            voice = std::string(trim(tag.substr(space + 1)));
        }
        i = end;
        continue;
      }
    }
    if (line[i] == '{' && i + 1 < line.size() && line[i + 1] == '\\') {
      std::size_t end = line.find('}', i);
      if (end != std::string_view::npos) {
        i = end;
        continue;
      }
    }
    out += line[i];
  }
  return out;
}

void readCaptions(const std::vector<Line> &lines, Transcript &out) {
  std::size_t i = 0;
  const bool vtt = out.format == TranscriptFormat::WebVtt;
  if (vtt) { // the header block
    while (i < lines.size() && !isBlank(lines[i].text))
      ++i;
  }
  std::string speaker;  // the current speaker's label; empty before the first
  bool unnamed = false; // a ">>" change with no name
  auto startTurn = [&](const std::string &label, std::size_t line, const std::string &time) {
    Turn turn;
    turn.label = label;
    turn.line = line;
    turn.time = time;
    out.turns.push_back(std::move(turn));
  };
  std::size_t words_before_label = 0, first_unlabelled = 0;
  while (i < lines.size()) {
    while (i < lines.size() && isBlank(lines[i].text))
      ++i;
    if (i >= lines.size())
      break;
    std::string_view first = trim(lines[i].text);
    if (vtt && (first.starts_with("NOTE") || first.starts_with("STYLE") ||
                first.starts_with("REGION"))) {
      while (i < lines.size() && !isBlank(lines[i].text))
        ++i;
      continue;
    }
    if (first.find("-->") == std::string_view::npos) // a cue identifier (SRT: its number)
      ++i;
    if (i >= lines.size() || lines[i].text.find("-->") == std::string_view::npos) {
      out.errors.push_back({lines[std::min(i, lines.size() - 1)].number,
                            std::string("expected a caption timing (\"00:00:01") +
                                (vtt ? "." : ",") + "000 --> 00:00:04" + (vtt ? "." : ",") +
                                "000\") here"});
      return;
    }
    std::string bad;
    auto time = cueStart(lines[i].text, bad);
    if (!time) {
      out.errors.push_back({lines[i].number, "unreadable caption timestamp '" + bad + "'"});
      return;
    }
    ++i;
    bool same_cue = false; // a line of this cue has been added to the current turn
    for (; i < lines.size() && !isBlank(lines[i].text); ++i) {
      std::string voice;
      std::string words = cueWords(lines[i].text, voice);
      std::string_view w = trim(words);
      std::string label;
      bool change = false;
      if (!voice.empty()) {
        label = voice;
        change = voice != speaker || unnamed;
      }
      if (w.starts_with(">>")) {
        w = trim(w.substr(2));
        change = true;
        label.clear();
      }
      if (auto l = colonLabel(w)) {
        label = l->label;
        w = trim(w.substr(l->words_at));
        change = true;
      }
      if (change) {
        unnamed = label.empty();
        speaker = label;
        startTurn(unnamed ? ">>" : label, lines[i].number, *time);
      }
      if (out.turns.empty()) {
        if (!w.empty()) {
          words_before_label += 1;
          if (!first_unlabelled)
            first_unlabelled = lines[i].number;
        }
        continue;
      }
      std::string clean = withoutInterjections(w);
      if (clean.empty())
        continue;
      Turn &turn = out.turns.back();
      if (turn.time.empty())
        turn.time = *time;
      if (!change && same_cue && !turn.paragraphs.empty()) { // the cue's next line
        turn.paragraphs.back().text += ' ';
        turn.paragraphs.back().text += clean;
        continue;
      }
      turn.paragraphs.push_back({clean, lines[i].number, *time});
      turn.paragraphs.back().runs_on = true;
      same_cue = true;
    }
  }
  if (words_before_label)
    out.warnings.push_back({first_unlabelled, std::to_string(words_before_label) +
                                                  " caption line(s) before the first speaker "
                                                  "change are not anyone's words and are left out"});
}

} // namespace

std::string_view formatName(TranscriptFormat format) {
  switch (format) {
  case TranscriptFormat::Text:
    return "text";
  case TranscriptFormat::Service:
    return "service";
  case TranscriptFormat::Markdown:
    return "markdown";
  case TranscriptFormat::WebVtt:
    return "vtt";
  case TranscriptFormat::Srt:
    return "srt";
  }
  return "text";
}

std::optional<TranscriptFormat> formatNamed(std::string_view name) {
  if (name == "text")
    return TranscriptFormat::Text;
  if (name == "service")
    return TranscriptFormat::Service;
  if (name == "markdown" || name == "md")
    return TranscriptFormat::Markdown;
  if (name == "vtt" || name == "webvtt")
    return TranscriptFormat::WebVtt;
  if (name == "srt")
    return TranscriptFormat::Srt;
  return std::nullopt;
}

TranscriptFormat detectFormat(std::string_view text) {
  std::vector<Line> lines = linesOf(text);
  std::size_t first = 0;
  while (first < lines.size() && isBlank(lines[first].text))
    ++first;
  if (first < lines.size()) {
    std::string_view head = trim(lines[first].text);
    if (head.starts_with("WEBVTT"))
      return TranscriptFormat::WebVtt;
    if (!head.empty() && std::all_of(head.begin(), head.end(), [](char c) {
          return c >= '0' && c <= '9';
        }) && first + 1 < lines.size() && lines[first + 1].text.find("-->") != std::string_view::npos)
      return TranscriptFormat::Srt;
  }
  std::size_t bold = 0, timed = 0, plain = 0;
  for (const Line &line : lines) {
    if (boldLabel(line.text))
      ++bold;
    else if (auto l = timedLineLabel(line.text))
      ++timed;
    else if (auto c = colonLabel(line.text))
      (c->time.empty() ? plain : timed)++;
    else if (titleDotLabel(line.text))
      ++plain;
  }
  if (bold > 0 && bold >= plain)
    return TranscriptFormat::Markdown;
  if (timed > 0 && timed >= plain)
    return TranscriptFormat::Service;
  return TranscriptFormat::Text;
}

Transcript readTranscript(std::string_view text, TranscriptFormat format) {
  Transcript out;
  out.format = format;
  std::vector<Line> lines = linesOf(text);
  if (format == TranscriptFormat::WebVtt || format == TranscriptFormat::Srt)
    readCaptions(lines, out);
  else
    readLabelled(lines, out);
  if (!out.errors.empty())
    return out;
  // A turn that holds no words (a label alone, or only an interjection) is no record.
  std::size_t empty = 0, empty_line = 0;
  std::erase_if(out.turns, [&](const Turn &t) {
    if (!t.paragraphs.empty())
      return false;
    if (!empty++)
      empty_line = t.line;
    return true;
  });
  if (empty)
    out.warnings.push_back({empty_line, std::to_string(empty) +
                                            " turn(s) hold no words (a label alone, or only an "
                                            "interjection) and are left out"});
  if (out.turns.empty()) {
    std::string how;
    switch (format) {
    case TranscriptFormat::WebVtt:
    case TranscriptFormat::Srt:
      how = "a <v Name> voice tag, a \"NAME:\" or a \">>\" at the start of a cue line";
      break;
    case TranscriptFormat::Markdown:
      how = "a bold label such as **Name:** at the start of a line";
      break;
    case TranscriptFormat::Service:
      how = "\"Speaker 1 (00:03:12):\" or \"Name  00:03:12\" on its own line";
      break;
    case TranscriptFormat::Text:
      how = "\"NAME:\", \"Name:\", \"SEN. NAME (R-STATE):\" or \"Mr. NAME.\" at the start of a line";
      break;
    }
    out.errors.push_back({0, "no speaker labels found as " + std::string(formatName(format)) +
                                 " (looked for " + how + "); name the form with --format"});
  }
  return out;
}

} // namespace factline::importer
