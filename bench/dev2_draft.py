#!/usr/bin/env python3
"""Writes the drafts of an eval case folder one after another until they pass WORDS words.

Usage: bench/dev2_draft.py CASES_DIR WORDS OUT
The keystroke benchmarks' drafts (issue 24): ../shared/eval/dev2 concatenated, in name order,
separated by a blank line, to past 10,000 and 200,000 words: realistic drafts with many findings.
"""
import sys
from pathlib import Path

cases, words, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
drafts = sorted(p for p in cases.iterdir() if p.suffix in (".md", ".txt"))
if not drafts:
    sys.exit(f"{cases}: no .md or .txt drafts")
parts, count = [], 0
while count <= words:
    for p in drafts:
        text = p.read_text(encoding="utf-8")
        parts.append(text)
        count += len(text.split())
        if count > words:
            break
out.write_text("\n\n".join(parts), encoding="utf-8")
print(f"{out}: {count} words from {len(parts)} drafts of {cases}")
