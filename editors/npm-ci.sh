#!/bin/sh
# Runs `npm ci` in a folder when its node_modules is missing or was installed from another package-lock.json.
# Used by `make vsix` and the editor tests; fails with the fix when npm is not installed.
set -eu
dir=${1:?usage: editors/npm-ci.sh FOLDER}
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the VS Code extension and the editor tests need Node.js and npm." >&2
  echo "Install them with: sh scripts/install-deps   (or: apt-get install nodejs npm)" >&2
  exit 1
fi
stamp="$dir/node_modules/.factline-package-lock.json"
if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
  echo "npm dependencies in $dir are up to date"
  exit 0
fi
echo "npm ci in $dir"
(cd "$dir" && npm ci --no-audit --no-fund)
cp "$dir/package-lock.json" "$stamp"
