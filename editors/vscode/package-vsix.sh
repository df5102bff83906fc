#!/bin/sh
# Packages the VS Code extension for Linux x64 with BINARY bundled (stripped) as server/factline:
# what `make vsix` runs. Never asks anything: stdin is closed and every question vsce could ask
# (a missing LICENSE or repository) is answered in the package.
# Usage: editors/vscode/package-vsix.sh BINARY [OUT.vsix]
set -eu
binary=${1:?usage: package-vsix.sh BINARY [OUT.vsix]}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-}
# The bundled server must run on any Linux x64 with glibc: only the C library, the C++ runtime and
# the loader (FACTLINE_STATIC_DEPS, on by default, links everything else in).
others=$(ldd "$binary" | awk '{print $1}' |
  grep -v -E '^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|/lib64/ld-linux-x86-64\.so\.2|ld-linux-x86-64\.so\.2)$' || true)
if [ -n "$others" ]; then
  echo "package-vsix: $binary needs libraries a user's machine may not have:" $others >&2
  echo "build it with -DFACTLINE_STATIC_DEPS=ON (the default) and package again" >&2
  exit 1
fi
sh "$here/../npm-ci.sh" "$here"
mkdir -p "$here/server"
strip --strip-debug -o "$here/server/factline" "$binary"
chmod 755 "$here/server/factline"
cd "$here"
if [ -n "$out" ]; then
  case $out in /*) ;; *) out="$OLDPWD/$out" ;; esac
  rm -f "$out"
  npx --no-install vsce package --allow-missing-repository --no-rewrite-relative-links \
    --target linux-x64 --out "$out" </dev/null
else
  npx --no-install vsce package --allow-missing-repository --no-rewrite-relative-links \
    --target linux-x64 </dev/null
fi
