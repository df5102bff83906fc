#!/usr/bin/env python3
"""Every Catch2 test case has exactly one ctest entry, and every entry runs exactly one test case.

catch_discover_tests registers one ctest entry per name the executable lists, and runs each with
the name as a Catch2 test spec. A name can go wrong on the way: split at ";" into specs matching
nothing, a "*" or an unescaped character making it match others too, or a listing that fails (a
TEST_CASE defined twice) leaving the executable with no entries at all, silently. This asks ctest
for its entries and each executable which test cases every entry's spec selects.
Usage: registration_check.py CTEST BUILD_DIR TEST_EXECUTABLE...
"""
import collections
import concurrent.futures
import json
import os
import subprocess
import sys


def listed(command):
    """The test case names a Catch2 command line selects (stdout lines), or an error string."""
    run = subprocess.run(command + ["--list-test-names-only"], capture_output=True, text=True,
                         timeout=120)
    if run.stderr.strip():
        return None, run.stderr.strip()
    return [line for line in run.stdout.splitlines() if line], None


def main():
    ctest, build_dir, executables = sys.argv[1], sys.argv[2], sys.argv[3:]
    executables = [os.path.realpath(e) for e in executables]
    shown = subprocess.run([ctest, "-N", "--show-only=json-v1"], cwd=build_dir,
                           capture_output=True, text=True, check=True)
    entries = collections.defaultdict(list)  # executable -> [(ctest name, spec arguments)]
    for test in json.loads(shown.stdout)["tests"]:
        command = test.get("command") or []
        if command and os.path.realpath(command[0]) in executables:
            # The spec and extra arguments, without the empty ones catch_discover_tests adds.
            args = [a for a in command[1:] if a]
            entries[os.path.realpath(command[0])].append((test["name"], args))

    problems = []
    total = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for exe in executables:
            names, error = listed([exe])
            if error:
                problems.append(f"{exe}: listing its test cases failed: {error}")
                continue
            duplicates = [n for n, c in collections.Counter(names).items() if c > 1]
            problems += [f"{exe}: test case {n!r} is defined twice" for n in duplicates]
            runs = collections.Counter()
            jobs = {pool.submit(listed, [exe] + args):
                    name for name, args in entries[exe]}
            for job in concurrent.futures.as_completed(jobs):
                selected, error = job.result()
                if error or len(selected) != 1:
                    problems.append(f"ctest entry {jobs[job]!r} selects "
                                    f"{error or (selected or 'no test case')}: it must run exactly one")
                runs.update(selected or [])
            for name in names:
                if runs[name] != 1:
                    problems.append(f"{os.path.basename(exe)}: test case {name!r} is run by "
                                    f"{runs[name]} ctest entries, not one")
            total += len(names)
    for p in problems:
        print("FAILED " + p)
    print(f"{total} test cases in {len(executables)} executables, "
          f"{sum(len(v) for v in entries.values())} ctest entries: "
          f"{'each registered exactly once' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
