#!/usr/bin/env bash
# Builds the example site at the repo root into public/ with a release build of sitegen.
# Extra arguments go to `sitegen build`, e.g. --drafts or --base-url https://example.org/sub/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
bash scripts/release.sh
.build/release/sitegen build --source . --output public "$@"
