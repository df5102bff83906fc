#!/bin/sh
# The VS Code package as a person makes it: editors/vscode/package-vsix.sh (what `make vsix` runs)
# on a terminal (under script(1), so that any question vsce asked would wait there; stdin is
# closed, so it fails at once instead), then the package unpacked and checked: what the extension
# needs, the rule pages and LICENSE, the linux-x64 target, and the bundled server, which must need
# no library but the C library, the C++ runtime and the loader, and must run with only those.
# Usage: vsce-package.sh SOURCE_DIR BINARY WORK_DIR
set -eu
src=${1:?usage: vsce-package.sh SOURCE_DIR BINARY WORK_DIR}
binary=${2:?usage}
work=${3:?usage}
rm -rf "$work"
mkdir -p "$work"
vsix="$work/factline-linux-x64.vsix"
transcript="$work/terminal.txt"
# script -e: its exit status is the command's; -q: no "Script started" lines; -c: the command.
status=0
script -qec "sh '$src/editors/vscode/package-vsix.sh' '$binary' '$vsix'" "$transcript" </dev/null \
  >/dev/null 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qi -E 'do you want to continue|\[y/N\]' "$transcript"; then
  cat "$transcript"
  echo "FAIL: packaging on a terminal stopped or asked a question (exit $status)"
  exit 1
fi
echo "ok   packaged on a terminal without a question: $(grep -o 'Packaged:.*' "$transcript" | tail -1)"
mkdir -p "$work/unpacked"
python3 - "$vsix" "$work/unpacked" "$src" <<'PY'
import json, os, re, stat, sys, zipfile
vsix, dest, src = sys.argv[1:4]
z = zipfile.ZipFile(vsix)
names = set(z.namelist())
rules = sorted(n for n in os.listdir(os.path.join(src, "docs", "rules")) if n.endswith(".md"))
need = ["extension/package.json", "extension/out/extension.js", "extension/out/statusBar.js",
        "extension/readme.md", "extension/LICENSE.txt", "extension/server/factline",
        "extension/schemas/factbase.schema.json", "extension/schemas/config.schema.json",
        "extension/node_modules/vscode-languageclient/package.json",
        "extension/node_modules/vscode-languageserver-protocol/package.json"] + \
       ["extension/docs/rules/" + r for r in rules]
# vsce renames LICENSE to LICENSE.txt; accept either.
missing = [n for n in need if n not in names and not (n.endswith("LICENSE.txt") and "extension/LICENSE" in names)]
leaked = sorted(n for n in names if n.startswith("extension/src/") or "/node_modules/typescript/" in n
                or "/node_modules/@vscode/vsce/" in n)
manifest = json.loads(z.read("extension/package.json"))
vsixmanifest = z.read("extension.vsixmanifest").decode()
failures = []
if missing: failures.append(f"missing from the package: {missing}")
if leaked: failures.append(f"should not be packaged: {leaked[:10]}")
if manifest.get("license") != "MIT": failures.append(f"license {manifest.get('license')!r}")
if 'TargetPlatform="linux-x64"' not in vsixmanifest: failures.append("no linux-x64 target in the manifest")
urls = sorted(v["url"] for v in manifest["contributes"]["jsonValidation"])
if urls != ["./schemas/config.schema.json", "./schemas/factbase.schema.json"]: failures.append(f"jsonValidation {urls}")
for n in need:
    if n.endswith(".schema.json") and n in names: json.loads(z.read(n))
z.extractall(dest)
server = os.path.join(dest, "extension", "server", "factline")
info = z.getinfo("extension/server/factline")
mode = info.external_attr >> 16
print(f"{len(names)} files in the package; server/factline mode {oct(mode)} in the zip")
# VS Code keeps a zip entry's mode; the extension sets the bit itself if a package lost it.
os.chmod(server, 0o755)
for f in failures: print("FAIL", f)
sys.exit(1 if failures else 0)
PY
echo "ok   the package holds the extension, its rule pages, LICENSE and the server"
server="$work/unpacked/extension/server/factline"
ldd "$server" | tee "$work/ldd.txt"
others=$(awk '{print $1}' "$work/ldd.txt" |
  grep -v -E '^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|/lib64/ld-linux-x86-64\.so\.2)$' || true)
if [ -n "$others" ]; then
  echo "FAIL: the bundled server needs more than libc, libm, libstdc++, libgcc_s and the loader:" $others
  exit 1
fi
echo "ok   ldd: only the C library, the C++ runtime and the loader"
glibc=$(objdump -T "$server" | grep -o 'GLIBC_[0-9.]*' | sort -t. -k1,1 -k2,2n -u | tail -1)
echo "     newest glibc symbol version it needs: $glibc"
# A machine with nothing else: the loader told to forget its cache (which is how it finds
# /lib/x86_64-linux-gnu) and given a folder with only the libraries allowed.
mkdir -p "$work/sysroot"
for lib in libc.so.6 libm.so.6 libstdc++.so.6 libgcc_s.so.1; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] && cp -L "$path" "$work/sysroot/"
done
run() { env -i /lib64/ld-linux-x86-64.so.2 --inhibit-cache --library-path "$work/sysroot" "$server" "$@"; }
version=$(run --version)
echo "ok   runs with only those libraries: $version"
status=0
run check --no-color --no-config --no-workspace-facts "$src/examples/hearing-draft.md" >"$work/check.txt" 2>&1 || status=$?
if [ "$status" -ne 1 ] || ! grep -q 'figure-wrong' "$work/check.txt"; then
  cat "$work/check.txt"
  echo "FAIL: the bundled server's check of examples/hearing-draft.md (exit $status, expected 1 with findings)"
  exit 1
fi
echo "ok   its check finds what it should in examples/hearing-draft.md"
# Served from the package, a diagnostic's code links to the page shipped beside it.
python3 - "$server" "$work/unpacked/extension" "$src/examples/hearing-draft.md" <<'PY'
import json, os, subprocess, sys, urllib.parse
server, ext, draft = sys.argv[1:4]
p = subprocess.Popen([server, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body); p.stdin.flush()
def read():
    length = 0
    while True:
        line = p.stdout.readline()
        if not line: raise SystemExit("FAIL: the server closed its output")
        if line in (b"\r\n", b"\n"): break
        if line.lower().startswith(b"content-length:"): length = int(line.split(b":")[1])
    return json.loads(p.stdout.read(length))
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": None}})
while read().get("id") != 1: pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
uri = "file://" + urllib.parse.quote(os.path.abspath(draft))
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "markdown", "version": 1, "text": open(draft, encoding="utf-8").read()}}})
while True:
    m = read()
    if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and m["params"]["diagnostics"]:
        break
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}); send({"jsonrpc": "2.0", "method": "exit"})
p.wait(timeout=10)
bad = []
for d in m["params"]["diagnostics"]:
    href = d.get("codeDescription", {}).get("href", "")
    path = urllib.parse.unquote(urllib.parse.urlparse(href).path)
    if not (href.startswith("file://") and path == os.path.realpath(os.path.join(ext, "docs", "rules", d["code"] + ".md"))
            and os.path.isfile(path)):
        bad.append((d["code"], href))
if bad:
    raise SystemExit(f"FAIL: codeDescription not the shipped page: {bad}")
print(f"ok   every diagnostic ({len(m['params']['diagnostics'])}) links to its page in the package")
PY
echo "vsix: $(du -k "$vsix" | cut -f1) KiB, server $(du -k "$server" | cut -f1) KiB"
