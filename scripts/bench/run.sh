#!/usr/bin/env bash
# Times release builds of generated sites: scripts/bench/run.sh [N...]   (default: 1000 10000)
# Each site is generated once into .bench/N, then built four times: once into an empty output
# folder, then three rebuilds over the previous output (the usual case), with peak memory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)
runs=4 # the first from an empty output folder, the rest rebuilds over the previous output

bash scripts/setup.sh --bench
bash scripts/release.sh
bin=$PWD/.build/release/sitegen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

results=()
for n in "${sizes[@]}"; do
  site=.bench/$n
  [[ -d $site ]] || python3 scripts/bench/generate-site.py "$n" "$site"
  # Measure the current templates, not the ones copied when the site was generated.
  rm -rf "$site/Templates" && cp -R Templates "$site/Templates"
  walls=() rss=0
  rm -rf "$site/public" "$site/.public.sitegen-spare"
  for run in $(seq "$runs"); do
    if ! /usr/bin/time -v -o "$tmp/time" "$bin" build --source "$site" --output "$site/public" >"$tmp/out" 2>&1; then
      cat "$tmp/out" >&2
      echo "bench: sitegen build failed for $site" >&2
      exit 1
    fi
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23" -> seconds
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
                for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$tmp/time")")
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
    ((kb > rss)) && rss=$kb
    echo "bench: N=$n run $run: ${walls[-1]} s, $((kb / 1024)) MB: $(tail -n 1 "$tmp/out")"
  done
  pages=$(find "$site/public" -type f -name '*.html' | wc -l)
  first=${walls[0]}
  read -r min median < <(printf '%s\n' "${walls[@]:1}" | sort -n | awk '{ v[NR] = $1 } END { print v[1], v[int((NR + 1) / 2)] }')
  results+=("$(printf '%8s %8s %10s %12s %14s %14s' "$n" "$pages" "$first" "$min" "$median" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')")")
done

echo
printf '%8s %8s %10s %12s %14s %14s\n' N pages "first (s)" "rebuild min" "rebuild median" "peak RSS (MB)"
printf '%s\n' "${results[@]}"
