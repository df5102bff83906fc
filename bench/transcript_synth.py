#!/usr/bin/env python3
"""Writes a synthetic speaker-labelled hearing transcript of about N words (fictional speakers,
made-up sentences with a number now and then) for `make bench`: factline facts import's speed.
Usage: transcript_synth.py WORDS OUT [SEED]"""
import random
import sys

words, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
speakers = ["SEN. ALMA QUIST (D-OREGON)", "SEN. BRUNO HALE (R-TEXAS)", "QUIST", "HALE",
            "MS. DANA WREN", "WREN", "(UNKNOWN)"]
vocabulary = ("we the company data users people platform policy review said would never always "
              "committee question answer account settings advertisers developers apps year "
              "security team system change report public record hearing senator issue trust "
              "information access share rules privacy").split()
units = ["users", "people", "apps", "accounts", "percent", "million users", "hours", "engineers"]
lines, count, turn = [], 0, 0
while count < words:
    label = speakers[0 if turn == 0 else rng.randrange(len(speakers) - 1)]
    if turn > 0 and rng.random() < 0.01:
        label = speakers[-1]
    turn += 1
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            n = rng.randint(6, 18)
            ws = [rng.choice(vocabulary) for _ in range(n)]
            if rng.random() < 0.2:
                ws.insert(rng.randrange(len(ws)), f"{rng.randint(2, 900)} {rng.choice(units)}")
            if rng.random() < 0.05:
                ws.append("(LAUGHTER)")
            sentences.append(" ".join(ws).capitalize() + ".")
            count += len(ws)
        paragraphs.append(" ".join(sentences))
    lines.append(f"{label}: " + "\n\n".join(paragraphs) + "\n")
with open(out, "w") as f:
    f.write("\n".join(lines))
