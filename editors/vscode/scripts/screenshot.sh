#!/bin/sh
# Remakes media/screenshot.png (the marketplace README's) from a packaged extension, in a real VS
# Code (code-server) in headless Chromium: ../shared/tools/vscode-web must be set up (its setup
# script; VSCODE_WEB_DIR, default /tmp/vscode-web). The draft is examples/hearing-draft.md, copied
# to a folder of its own. Usage: editors/vscode/scripts/screenshot.sh VSIX
set -eu
vsix=$(realpath "${1:?usage: screenshot.sh VSIX}")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
dir=${VSCODE_WEB_DIR:-/tmp/vscode-web}
cs="$dir/node_modules/.bin/code-server"
[ -x "$cs" ] || { echo "no code-server in $dir: run ../shared/tools/vscode-web/setup $dir" >&2; exit 1; }
state=$(mktemp -d)
mkdir -p "$state/drafts"
cp "$repo/examples/hearing-draft.md" "$state/drafts/"
"$cs" --extensions-dir "$state/ext" --user-data-dir "$state/user" --install-extension "$vsix" >/dev/null
mkdir -p "$state/user/User"
printf '{"workbench.startupEditor": "none", "workbench.tips.enabled": false, "git.enabled": false, "editor.minimap.enabled": false, "workbench.colorTheme": "Default Light Modern"}\n' \
  >"$state/user/User/settings.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$cs" --auth none --bind-addr "127.0.0.1:$port" --extensions-dir "$state/ext" --user-data-dir "$state/user" \
  --disable-telemetry --disable-workspace-trust "$state/drafts" >"$state/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$state"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
NODE_PATH="$dir/node_modules" node "$here/screenshot.js" "http://127.0.0.1:$port/?folder=$state/drafts" \
  hearing-draft.md "$here/../media/screenshot.png"
echo "wrote $here/../media/screenshot.png"
