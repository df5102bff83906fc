#!/usr/bin/env python3
"""List what Factline says on a folder of published articles, for judging by hand.

Usage:
  eval/real_scan.py [--factline PATH] [--notes] FOLDER

The articles themselves stay out of git (they are copyrighted): eval/real-sources.tsv lists
their addresses, eval/real-verdicts.tsv the verdict on every warning. Prints one line per
Warning or Error ("id:line:col rule [claim] message"), with --notes also each "not on record"
note and whom it names, then the rates per 10,000 words. Only the Python standard library.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--factline", default=str(HERE.parent / "build" / "factline"))
    ap.add_argument("--notes", action="store_true", help="list the 'not on record' notes too")
    args = ap.parse_args()
    files = sorted(p for p in Path(args.folder).iterdir() if p.suffix in (".txt", ".md"))
    if not files:
        sys.exit(f"real_scan.py: no .txt or .md files in {args.folder}")
    out = subprocess.run([args.factline, "check", "--format", "json", "--no-workspace-facts",
                          "--fail-on", "none"] + [str(f.resolve()) for f in files],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"real_scan.py: factline check exited {out.returncode}: {out.stderr.strip()}")
    report = json.loads(out.stdout)
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    warnings = notes = 0
    for f in report["files"]:
        name = Path(f["path"]).stem
        for x in f["findings"]:
            r = x["range"]["start"]
            where = f"{name}:{r['line']}:{r['column']}"
            claim = x.get("claim", "").replace("\n", " ")[:70]
            if x.get("severity") in ("error", "warning"):
                warnings += 1
                print(f"{where} {x['rule']} [{claim}] {x['message'][:200]}")
            elif x["rule"] == "quote-unverified" and x["message"].startswith("Not on record: "):
                notes += 1
                if args.notes:
                    print(f"{where} NOTE [{claim}] {x['message'][:120]}")
    print(f"files={len(files)} words={words} warnings={warnings} "
          f"per_10k_words={warnings * 10000 / words:.1f} not_on_record_notes={notes} "
          f"per_10k_words={notes * 10000 / words:.1f}")


if __name__ == "__main__":
    main()
