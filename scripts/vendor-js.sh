#!/usr/bin/env bash
# Refresh the vendored browser files from the npm registry:
#   ./scripts/vendor-js.sh 1.0.15 3.2.2   (@jupyter-widgets/html-manager, mathjax)
set -euo pipefail
cd "$(dirname "$0")/.."
widgets=${1:?usage: scripts/vendor-js.sh HTML_MANAGER_VERSION MATHJAX_VERSION}
mathjax=${2:?usage: scripts/vendor-js.sh HTML_MANAGER_VERSION MATHJAX_VERSION}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@jupyter-widgets/html-manager@$widgets" >/dev/null && tar xzf ./*.tgz && mv package widgets)
(cd "$tmp" && npm pack --silent "mathjax@$mathjax" >/dev/null && tar xzf mathjax-*.tgz && mv package mathjax)
rm -f vendor/widgets/*.js vendor/widgets/*.woff2 vendor/widgets/*.txt
cp "$tmp/widgets/dist/embed.js" "$tmp/widgets/dist/embed.js.LICENSE.txt" "$tmp"/widgets/dist/*.woff2 vendor/widgets/
# MathJax: the TeX input + HTML output component and the fonts it loads next to itself
rm -rf vendor/mathjax && mkdir -p vendor/mathjax/output/chtml/fonts
cp "$tmp/mathjax/es5/tex-chtml.js" "$tmp/mathjax/LICENSE" vendor/mathjax/
cp -r "$tmp/mathjax/es5/output/chtml/fonts/woff-v2" vendor/mathjax/output/chtml/fonts/
echo "vendor/ oppdatert: @jupyter-widgets/html-manager $widgets, mathjax $mathjax; oppdater vendor/README.md."
