#!/usr/bin/env bash
# Builds sitegen as it ships, into .build/release/sitegen: optimised, with Swift's runtime and
# Foundation linked into the binary (--static-swift-stdlib). A twentieth faster than linking
# them as shared libraries: their calls (every retain and release) are direct, and a build
# does not start by loading and binding a few dozen libraries. The binary needs only the
# system's C libraries, libcmark, and libvips when it resizes photos.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
swift build -c release --product sitegen --static-swift-stdlib "$@"
