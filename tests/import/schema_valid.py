#!/usr/bin/env python3
"""Every form of transcript imports into a base the JSON Schema accepts (facts/schema/
factbase.schema.json), checked with a real validator (python3-jsonschema, Draft 2020-12), before
and after `facts review` confirms a figure. Usage: schema_valid.py FACTLINE SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

factline, source = sys.argv[1], sys.argv[2]
try:
    import jsonschema
except ImportError:
    os.execvp("sh", ["sh", os.path.join(source, "tests", "skip_missing_tool.sh"),
                     "python3-jsonschema is not installed (the JSON Schema validator)"])

with open(os.path.join(source, "facts", "schema", "factbase.schema.json")) as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema)
data = os.path.join(source, "tests", "import", "data")
failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for name in sorted(os.listdir(data)):
        out = os.path.join(tmp, name + ".json")
        run = subprocess.run([factline, "facts", "import", os.path.join(data, name), "-o", out,
                              "--event", "ev-" + name.replace(".", "-"), "--event-name", name,
                              "--date", "2025-01-01", "--source-url", "https://example.org/t",
                              "--speaker", "Speaker 1=-",
                              "--speaker", "THE CLERK=-"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{name}: import failed ({run.returncode}):\n{run.stderr}")
            failed += 1
            continue
        for step in ("imported", "reviewed"):
            with open(out) as f:
                base = json.load(f)
            errors = sorted(validator.iter_errors(base), key=lambda e: list(e.path))
            for e in errors:
                print(f"{name} ({step}): {'/'.join(map(str, e.path))}: {e.message}")
            failed += bool(errors)
            if step == "imported":
                if not base.get("quotes"):
                    print(f"{name}: no quotes imported")
                    failed += 1
                if base.get("figures"):
                    subprocess.run([factline, "facts", "review", out, "--confirm", "all"],
                                   check=True, capture_output=True)
        print(f"{name}: {len(base.get('quotes', []))} quotes, "
              f"{len(base.get('figures', []))} figures: valid against the schema")
    # The validator is not a rubber stamp: a broken field is refused.
    broken = {"factline": 1, "quotes": [{"id": "q", "text": "t", "speaker": "s", "turn": 0,
                                         "time": "3:12"}]}
    if not list(validator.iter_errors(broken)):
        print("the schema accepted turn 0 and time 3:12")
        failed += 1
sys.exit(1 if failed else 0)
