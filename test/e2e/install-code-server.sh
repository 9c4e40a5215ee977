#!/usr/bin/env bash
# Installs code-server (and the VS Code server inside it) from the npm registry alone, for the offline e2e
# launcher. Needs Debian packages build-essential, python3, libkrb5-dev and ripgrep.
#   test/e2e/install-code-server.sh [DIR]        (default: .cache/code-server in the repository)
# Writes DIR/.installed-VERSION when everything worked, so a second run returns at once.
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.100.3}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${1:-$repo_root/.cache/code-server}"
marker="$target/.installed-$version"

if [ -f "$marker" ]; then
  echo "code-server $version already installed in $target"
  exit 0
fi

for tool in rg make g++ python3; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (apt: ripgrep build-essential python3)" >&2; exit 2; }
done
[ -e /usr/include/gssapi/gssapi.h ] || [ -e /usr/include/krb5.h ] || { echo "install-code-server: Kerberos headers are missing (apt: libkrb5-dev)" >&2; exit 2; }

mkdir -p "$target"
cd "$target"
[ -f package.json ] || printf '{ "name": "code-server-cache", "private": true }\n' > package.json

# The package's own postinstall would download ripgrep from the internet, so scripts stay off and the
# steps it would take are done below by hand.
echo "install-code-server: fetching code-server@$version"
npm install --no-save --ignore-scripts --no-audit --no-fund "code-server@$version"

cs="$target/node_modules/code-server"
vs="$cs/lib/vscode"
cd "$vs"
echo "install-code-server: installing the VS Code server's dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund

# @vscode/ripgrep skips its download when bin/rg is already there: use Debian's.
if [ -d node_modules/@vscode/ripgrep ]; then
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
fi

echo "install-code-server: building native modules"
# node-pty's install step calls npx, which must not stop to ask.
npm_config_yes=true npm rebuild

# What code-server's postinstall does besides installing.
if grep -q '^  symlink_asar' "$cs/postinstall.sh" 2>/dev/null; then
  rm -rf node_modules.asar
  ln -s node_modules node_modules.asar
fi
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund)

[ -f "$vs/out/server-main.js" ] || { echo "install-code-server: $vs/out/server-main.js missing after install" >&2; exit 1; }
touch "$marker"
echo "install-code-server: code-server $version ready in $target"
