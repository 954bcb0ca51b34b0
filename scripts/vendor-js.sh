#!/usr/bin/env bash
# Refresh vendor/widgets/ from the npm registry: ./scripts/vendor-js.sh 1.0.15
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: scripts/vendor-js.sh HTML_MANAGER_VERSION}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@jupyter-widgets/html-manager@$version" >/dev/null && tar xzf ./*.tgz)
rm -f vendor/widgets/*.js vendor/widgets/*.woff2 vendor/widgets/*.txt
cp "$tmp/package/dist/embed.js" "$tmp/package/dist/embed.js.LICENSE.txt" "$tmp"/package/dist/*.woff2 vendor/widgets/
echo "vendor/widgets/ oppdatert til @jupyter-widgets/html-manager $version; oppdater vendor/README.md."
