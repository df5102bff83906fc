#!/usr/bin/env python3
"""Score Factline on annotated drafts: recall, precision and clean violations per kind.

Usage:
  eval/score.py [--factline PATH] [--thresholds FILE] [--check] [-v] DIR [DIR ...]
  (--factline: the binary to run, by default build/factline; relative to where you start it)

A case is a draft (NAME.md or NAME.txt) with a sidecar NAME.expect.json, in the format of
../shared/tools/lsp-eval:
  {"flag":  [{"text": "97 million", "nth": 1, "kind": "figure", "hover": ["87 million"]}],
   "clean": [{"text": "\u201cWe didn't do enough.\u201d", "nth": 1}]}
"text" is an exact substring of the draft, "nth" picks its occurrence (1-based, default 1).

Every draft is checked in one run of `factline check --format json` with the bundled base only.
A flagged span is caught when a Warning or Error overlaps it, and caught "as its kind" when the
overlapping finding's rule is the kind (a kind "figure" takes any figure rule). A clean span is
violated when any Warning or Error overlaps it. A Warning or Error that overlaps no flagged span
is stray and counts against precision. "hover" strings must all appear in the message or the
records of a finding that overlaps the span (what the hover shows is made from the same finding).
Information notes are counted per 10,000 words, as a writer sees them.

With --check, the totals are compared with the thresholds file (eval/thresholds.json by
default) and the exit status is 1 when any is not met. Only the Python standard library is used.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|dozen|"
                    r"per ?cent|percent)\b", re.IGNORECASE)


def find_span(text, needle, nth=1):
    start = -1
    for _ in range(nth):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"expectation text not found in draft: {needle!r} (occurrence {nth})")
    return start, start + len(needle)


def byte_span(text, span):
    a = len(text[: span[0]].encode("utf-8"))
    return a, a + len(text[span[0] : span[1]].encode("utf-8"))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def family(kind_or_rule):
    return "figures" if kind_or_rule.startswith("figure") else "quotes"


def kind_matches(kind, rule):
    if kind == "figure":
        return rule.startswith("figure")
    if kind == "quote-context":
        return rule in ("quote-wrong-occasion", "quote-context")
    return rule == kind


def load_cases(dirs):
    cases = []
    for d in dirs:
        p = Path(d)
        if not p.is_dir():
            sys.exit(f"score.py: {d}: not a folder of cases")
        for f in sorted(p.iterdir()):
            if f.suffix in (".md", ".txt") and f.with_suffix(".expect.json").exists():
                cases.append(f)
    if not cases:
        sys.exit("score.py: no cases found")
    return cases


def run_check(factline, cases):
    cmd = [factline, "check", "--format", "json", "--no-workspace-facts", "--fail-on", "none"]
    cmd += [str(c.resolve()) for c in cases]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd="/")
    if out.returncode != 0:
        sys.exit(f"score.py: {' '.join(cmd[:2])} exited {out.returncode}: {out.stderr.strip()}")
    report = json.loads(out.stdout)
    return {str(Path(f["path"]).resolve()): f["findings"] for f in report["files"]}


def score(cases, findings_by_path, verbose):
    kinds = {}  # kind -> [flagged, caught, caught as kind, hovers, hovers ok]
    fam = {f: {"clean": 0, "violated": 0, "serious": 0, "stray": 0, "words": 0, "notes": 0}
           for f in ("quotes", "figures")}
    words = notes = 0
    for path in cases:
        text = path.read_text(encoding="utf-8")
        exp = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))
        found = findings_by_path.get(str(path.resolve()), [])
        serious, info = [], []
        for f in found:
            sev = f.get("severity")
            r = f["range"]
            span = (r["start"]["offset"], r["end"]["offset"])
            if sev in ("error", "warning"):
                serious.append((span, f))
            elif sev in ("information", "hint"):
                info.append((span, f))
        words += len(text.split())
        notes += len(info)
        lines = [f"## {path.name}"]
        flagged = []
        for e in exp.get("flag", []):
            span = byte_span(text, find_span(text, e["text"], e.get("nth", 1)))
            flagged.append(span)
            k = e.get("kind", "?")
            row = kinds.setdefault(k, [0, 0, 0, 0, 0])
            row[0] += 1
            hits = [f for s, f in serious if overlaps(s, span)]
            right = [f for f in hits if kind_matches(k, f["rule"])]
            row[1] += bool(hits)
            row[2] += bool(right)
            hover_note = ""
            if e.get("hover"):
                row[3] += 1
                shown = " ".join(f["message"] + json.dumps(f.get("records", []), ensure_ascii=False)
                                 for s, f in serious + info if overlaps(s, span)).lower()
                ok = all(h.lower() in shown for h in e["hover"])
                row[4] += ok
                hover_note = "" if ok else f"  record missing {e['hover']}"
            state = "CAUGHT" if right else ("CAUGHT-AS-OTHER" if hits else "MISSED")
            msg = f"  -> {hits[0]['message'][:100]!r}" if hits else ""
            lines.append(f"  {state} [{k}] {e['text'][:70]!r}{hover_note}{msg}")
        for c in exp.get("clean", []):
            span = byte_span(text, find_span(text, c["text"], c.get("nth", 1)))
            bad = [f for s, f in serious if overlaps(s, span)]
            # A clean span belongs to the family of the finding that violates it; else to
            # figures when it holds a number, to quotes when it does not.
            fm = family(bad[0]["rule"]) if bad else ("figures" if NUMBER.search(c["text"])
                                                     else "quotes")
            fam[fm]["clean"] += 1
            if bad:
                fam[fm]["violated"] += 1
                lines.append(f"  FALSE-ALARM on clean {c['text'][:60]!r} -> {bad[0]['message'][:100]!r}")
        for s, f in serious:
            fm = family(f["rule"])
            fam[fm]["serious"] += 1
            if not any(overlaps(s, x) for x in flagged):
                fam[fm]["stray"] += 1
                lines.append(f"  STRAY [{f['rule']}] {f['claim'][:60]!r} -> {f['message'][:100]!r}")
        if verbose:
            print("\n".join(lines))
    return kinds, fam, words, notes


def summarise(kinds, fam, words, notes, ncases):
    totals = {}
    print(f"cases={ncases} words={words}")
    print(f"{'kind':24} {'caught':>10} {'as kind':>10} {'records':>9}")
    for k, (n, caught, right, hv, hv_ok) in sorted(kinds.items()):
        print(f"{k:24} {caught:>4}/{n:<5} {right:>4}/{n:<5} {hv_ok:>3}/{hv:<4}")
    for name in ("quotes", "figures"):
        rows = [v for k, v in kinds.items() if family(k) == name]
        flagged = sum(r[0] for r in rows)
        caught = sum(r[1] for r in rows)
        f = fam[name]
        recall = caught / flagged if flagged else 1.0
        precision = (f["serious"] - f["stray"]) / f["serious"] if f["serious"] else 1.0
        totals[name] = {"recall": recall, "precision": precision, "clean_violations": f["violated"],
                        "stray": f["stray"], "flagged": flagged, "caught": caught,
                        "clean": f["clean"]}
        print(f"{name}: recall={recall:.2f} ({caught}/{flagged}) precision={precision:.2f} "
              f"stray={f['stray']} clean_violations={f['violated']}/{f['clean']}")
    per10k = notes * 10000 / words if words else 0.0
    totals["information_per_10k_words"] = per10k
    print(f"information notes: {notes} ({per10k:.1f} per 10,000 words)")
    return totals


def check(totals, thresholds):
    failed = []
    for name in ("quotes", "figures"):
        t, got = thresholds.get(name, {}), totals[name]
        if got["recall"] < t.get("min_recall", 0.0):
            failed.append(f"{name} recall {got['recall']:.2f} < {t['min_recall']}")
        if got["precision"] < t.get("min_precision", 0.0):
            failed.append(f"{name} precision {got['precision']:.2f} < {t['min_precision']}")
        if got["clean_violations"] > t.get("max_clean_violations", 10**9):
            failed.append(f"{name} clean violations {got['clean_violations']} > "
                          f"{t['max_clean_violations']}")
    for line in failed:
        print("BELOW THRESHOLD: " + line)
    return not failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--factline", default=str(HERE.parent / "build" / "factline"),
                    help="the factline binary (default: build/factline), e.g. build-e/factline")
    ap.add_argument("--thresholds", default=str(HERE / "thresholds.json"))
    ap.add_argument("--check", action="store_true", help="exit 1 below the thresholds")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    cases = load_cases(args.dirs)
    # The check runs from "/": a relative path names a binary from where score.py was started.
    found = run_check(str(Path(args.factline).resolve()), cases)
    kinds, fam, words, notes = score(cases, found, args.verbose)
    totals = summarise(kinds, fam, words, notes, len(cases))
    if args.check:
        thresholds = json.loads(Path(args.thresholds).read_text(encoding="utf-8"))
        sys.exit(0 if check(totals, thresholds) else 1)


if __name__ == "__main__":
    main()
