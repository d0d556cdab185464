#!/usr/bin/env bash
# The project's test command (README, .ci/run): unit tests, then checks on the example site's
# output: deterministic builds, valid HTML and CSS, no broken internal links (also under a subpath),
# and the pages as readers meet them in headless Chromium, in Danish and in English (axe-core,
# sideways overflow, other hosts, console errors, the timeline's height), with screenshots kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\ntest.sh: FAILED: %s\n' "$*" >&2; exit 1; }

step "Setup"
bash scripts/setup.sh --test --browser || die "setup"

step "Build with tests (debug)"
swift build --build-tests || die "swift build --build-tests"

step "Unit tests"
# The tests use Swift Testing only; without XCTest its empty "Executed 0 tests" summary is not printed.
swift test --disable-xctest || die "swift test"

step "Release build of sitegen"
bash scripts/release.sh || die "scripts/release.sh"
bin=$root/.build/release/sitegen

# Outputs are kept when something fails, to look at; the screenshots are always kept.
out=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-test.XXXXXX")
shots=$out/screenshots
keep_screenshots() {
  local status=$?
  if ((status == 0)); then
    find "$out" -mindepth 1 -maxdepth 1 ! -name screenshots -exec rm -rf {} +
  else
    echo "test.sh: build outputs kept in $out" >&2
  fi
  [[ -d $shots ]] && echo "test.sh: screenshots in $shots"
  return "$status"
}
trap keep_screenshots EXIT

step "Build the example site (twice, the second time from another folder)"
"$bin" build --source . --output "$out/a" || die "sitegen build"
(cd "$out" && "$bin" build --source "$root" --output "$out/b") || die "sitegen build (second run)"

step "Build the example site under a subpath"
"$bin" build --source . --output "$out/sub" --base-url https://example.org/kasakhstan/ \
  || die "sitegen build --base-url https://example.org/kasakhstan/"

step "Build the example site in English (a copy with \`language: en\`; its content stays Danish)"
mkdir "$out/site-en"
cp -R site.yaml content Templates "$out/site-en/"
sed -i 's/^language: da$/language: en/' "$out/site-en/site.yaml"
grep -q '^language: en$' "$out/site-en/site.yaml" || die "could not switch the copy to English"
# The Danish texts link Danish URL words (/tidslinje/), which an English build does not have.
"$bin" build --source "$out/site-en" --output "$out/en" --allow-broken-links || die "sitegen build (English)"

step "Self-test of check-links.py"
python3 scripts/check-links.py --self-test || die "check-links.py --self-test"

passed=0 failed=0
check() { # check NAME COMMAND...: runs every check, counting instead of stopping at the first failure
  local name=$1
  shift
  step "Check: $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "test.sh: check failed: $name" >&2
  fi
}
check "two builds are byte-identical" diff -r "$out/a" "$out/b"
check "HTML and CSS validate (Nu Html Checker)" bash scripts/validate-html.sh "$out/a"
check "GeoJSON export (RFC 7946)" python3 scripts/check-geojson.py "$out/a/kort.geojson"
check "internal links (site at /)" python3 scripts/check-links.py "$out/a"
check "internal links (site at /kasakhstan/)" python3 scripts/check-links.py "$out/sub" --base-path /kasakhstan/
check "HTML and CSS validate (English build)" bash scripts/validate-html.sh "$out/en"
check "in a browser, Danish: axe, overflow at 320/390/1280 px, other hosts, console, timeline" \
  python3 scripts/browser-check.py "$out/a" --label da --screenshots "$shots"
check "in a browser, English: axe, overflow at 320/390/1280 px, other hosts, console, timeline" \
  python3 scripts/browser-check.py "$out/en" --label en --screenshots "$shots"

echo
echo "checks: $passed passed, $failed failed"
((failed == 0)) || exit 1
