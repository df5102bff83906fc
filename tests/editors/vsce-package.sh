#!/bin/sh
# Packages the VS Code extension with vsce into OUT.vsix and checks the package holds what the extension needs at run time.
set -eu
ext=${1:?usage: vsce-package.sh EXTENSION_DIR OUT.vsix}
out=${2:?usage: vsce-package.sh EXTENSION_DIR OUT.vsix}
rm -f "$out"
(cd "$ext" && npx --no-install vsce package --allow-missing-repository --out "$out")
python3 - "$out" <<'PY'
import json, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = ["extension/package.json", "extension/out/extension.js", "extension/readme.md",
        "extension/schemas/factbase.schema.json", "extension/schemas/config.schema.json",
        "extension/node_modules/vscode-languageclient/package.json",
        "extension/node_modules/vscode-languageserver-protocol/package.json"]
missing = [n for n in need if n not in names]
leaked = sorted(n for n in names if n.startswith("extension/src/") or "/node_modules/typescript/" in n
                or "/node_modules/@vscode/vsce/" in n)
with zipfile.ZipFile(sys.argv[1]) as z:
    manifest = json.loads(z.read("extension/package.json"))
    schemas = [json.loads(z.read(n)) for n in need if n.endswith(".schema.json") and n in names]
urls = sorted(v["url"] for v in manifest["contributes"]["jsonValidation"])
ok = (not missing and not leaked and all(isinstance(s, dict) for s in schemas)
      and urls == ["./schemas/config.schema.json", "./schemas/factbase.schema.json"])
print(f"{len(names)} files in {sys.argv[1]}")
if missing: print("missing:", missing)
if leaked: print("should not be packaged:", leaked[:10])
sys.exit(0 if ok else 1)
PY
