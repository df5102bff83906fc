// factline-synth: writes a synthetic fact base or draft for benchmarks (deterministic by seed).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "bench/synth.h"
#include "facts/loader.h"

int main(int argc, char **argv) {
  CLI::App app{"Generate synthetic fact bases and drafts for Factline benchmarks"};
  app.require_subcommand(1);
  std::size_t quotes = 1000, figures = 1000, words = 10000;
  std::uint64_t seed = 1;
  std::string output;
  bool bundled = false;
  auto *facts_cmd = app.add_subcommand("facts", "A fact base file (facts/FORMAT.md)");
  facts_cmd->add_option("--quotes", quotes, "How many quotes");
  facts_cmd->add_option("--figures", figures, "How many figures");
  auto *draft_cmd = app.add_subcommand("draft", "A Markdown draft quoting a fact base");
  draft_cmd->add_option("--words", words, "About how many words");
  draft_cmd->add_flag("--bundled", bundled, "Quote the bundled base (default: a 1,000-quote synthetic one)");
  for (auto *c : {facts_cmd, draft_cmd}) {
    c->add_option("--seed", seed, "Seed for the generator");
    c->add_option("--output,-o", output, "Write here instead of stdout");
  }
  CLI11_PARSE(app, argc, argv);

  std::string text;
  if (*facts_cmd) {
    text = factline::bench::toFactBaseJson(factline::bench::synthFactBase(quotes, figures, seed));
  } else {
    auto base = bundled ? factline::facts::bundledFactBase()
                        : factline::bench::synthFactBase(1000, 1000, seed);
    text = factline::bench::synthDraft(base, words, seed);
  }
  if (output.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "factline-synth: cannot write " << output << "\n";
    return 2;
  }
  return 0;
}
