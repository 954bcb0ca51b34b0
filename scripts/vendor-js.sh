#!/usr/bin/env bash
# Refresh the vendored browser files from the npm registry:
#   ./scripts/vendor-js.sh 3.2.2   (mathjax)
# (The widget manager is no longer needed: bookbuild/static_widgets.py draws widgets as HTML.)
set -euo pipefail
cd "$(dirname "$0")/.."
mathjax=${1:?usage: scripts/vendor-js.sh MATHJAX_VERSION}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "mathjax@$mathjax" >/dev/null && tar xzf mathjax-*.tgz && mv package mathjax)
# MathJax: the loader (startup.js) and the components _config.yml asks it to load (TeX in,
# HTML out, hidden MathML for screen readers) with their fonts. Not the combined tex-chtml.js:
# its contextual menu is 40 % of the bytes.
rm -rf vendor/mathjax && mkdir -p vendor/mathjax/input vendor/mathjax/output/chtml/fonts vendor/mathjax/a11y
es5="$tmp/mathjax/es5"
cp "$es5/startup.js" "$es5/core.js" "$tmp/mathjax/LICENSE" vendor/mathjax/
cp "$es5/input/tex.js" vendor/mathjax/input/
cp "$es5/output/chtml.js" vendor/mathjax/output/
cp "$es5/output/chtml/fonts/tex.js" vendor/mathjax/output/chtml/fonts/
cp -r "$es5/output/chtml/fonts/woff-v2" vendor/mathjax/output/chtml/fonts/
cp "$es5/a11y/assistive-mml.js" vendor/mathjax/a11y/
echo "vendor/ oppdatert: mathjax $mathjax; oppdater vendor/README.md."
