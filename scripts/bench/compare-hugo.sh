#!/usr/bin/env bash
# sitegen against Hugo on the same content: scripts/bench/compare-hugo.sh [N...] [--runs R] [--in-memory]
# (default: 1000 10000, 3 runs). For each N the site generated into .bench/N (generate-site.py)
# is built by sitegen (release) and by Hugo (Debian's `hugo`, with scripts/bench/hugo/: its own
# minimal templates that render the same pages), interleaved in one run so both see the same
# machine: each run is a fresh build of each into an empty folder, then a rebuild of each onto
# its previous output with nothing changed. Prints the medians of wall time, CPU time (user +
# system) and peak memory (/usr/bin/time), and sitegen's share of Hugo's.
# --in-memory writes both tools' output to /dev/shm: on a disk formatted ext4 without a journal
# (as some VMs are), creating files where many were deleted in the last minutes makes the kernel
# scan past each recently freed inode, which can double a run's wall time by chance.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD

sizes=() runs=3 scratch=
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --in-memory) scratch=/dev/shm; shift ;;
    *) sizes+=("$1"); shift ;;
  esac
done
((${#sizes[@]})) || sizes=(1000 10000)
command -v hugo >/dev/null || { echo "compare-hugo: needs Hugo (Debian: apt-get install hugo)" >&2; exit 1; }

bash scripts/setup.sh --bench
bash scripts/release.sh
bin=$root/.build/release/sitegen
tmp=$(mktemp -d ${scratch:+-p "$scratch"})
trap 'rm -rf "$tmp"' EXIT

# measure NAME COMMAND...: appends "wall cpu rss_mb" to $tmp/NAME
measure() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>&1; then
    cat "$tmp/out" >&2
    echo "compare-hugo: failed: $*" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$tmp/time" >>"$tmp/$name"
}

# median FILE COLUMN
median() { awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rows=()
for n in "${sizes[@]}"; do
  site=.bench/$n
  [[ -d $site ]] || python3 scripts/bench/generate-site.py "$n" "$site"
  rm -rf "$site/Templates" && cp -R Templates "$site/Templates"
  hugo_site=.bench/hugo-$n
  rm -rf "$hugo_site" && mkdir -p "$hugo_site/static"
  cp -R scripts/bench/hugo/. "$hugo_site/"
  cp Templates/static/style.css "$hugo_site/static/"
  # content/index.md is sitegen's front page; to Hugo an index.md makes the whole folder one
  # page bundle. Mount the content without it and give Hugo the same text as _index.md.
  mkdir -p "$hugo_site/home" && cp "$site/content/index.md" "$hugo_site/home/_index.md"
  printf '[[module.mounts]]\nsource = "%s"\ntarget = "content"\nexcludeFiles = ["index.md", "*.yaml"]\n[[module.mounts]]\nsource = "home"\ntarget = "content"\n' \
    "$root/$site/content" >"$hugo_site/mounts.toml"
  sg_out=$tmp/sitegen-$n/public hugo_out=$tmp/hugo-$n/public
  mkdir -p "$tmp/sitegen-$n" "$tmp/hugo-$n"
  hugo_build=(hugo --source "$hugo_site" --config hugo.toml,mounts.toml --destination "$hugo_out" --quiet)
  sg_build=("$bin" build --source "$site" --output "$sg_out")
  for run in $(seq "$runs"); do
    rm -rf "$tmp/hugo-$n" "$tmp/sitegen-$n" && mkdir -p "$tmp/hugo-$n" "$tmp/sitegen-$n"
    measure "hugo-fresh-$n" "${hugo_build[@]}"
    measure "sitegen-fresh-$n" "${sg_build[@]}"
    measure "hugo-rebuild-$n" "${hugo_build[@]}"
    measure "sitegen-rebuild-$n" "${sg_build[@]}"
    echo "compare-hugo: N=$n run $run: fresh hugo $(tail -n1 "$tmp/hugo-fresh-$n"), sitegen $(tail -n1 "$tmp/sitegen-fresh-$n");" \
         "rebuild hugo $(tail -n1 "$tmp/hugo-rebuild-$n"), sitegen $(tail -n1 "$tmp/sitegen-rebuild-$n") (wall s, CPU s, MB)"
  done
  pages=$(find "$sg_out" -name '*.html' | wc -l) hugo_pages=$(find "$hugo_out" -name '*.html' | wc -l)
  for what in "fresh build, wall:fresh:1" "fresh build, CPU:fresh:2" "rebuild, nothing changed, wall:rebuild:1" "rebuild, nothing changed, CPU:rebuild:2" "peak memory (MB):fresh:3"; do
    IFS=: read -r label kind column <<<"$what"
    h=$(median "$tmp/hugo-$kind-$n" "$column") s=$(median "$tmp/sitegen-$kind-$n" "$column")
    rows+=("$(printf '| %6s | %-28s | %9s | %9s | %6s |' "$n" "$label" "$h" "$s" "$(awk -v s="$s" -v h="$h" 'BEGIN { printf "%.2f", s / h }')")")
  done
  echo "compare-hugo: N=$n: sitegen wrote $pages HTML files, Hugo $hugo_pages"
done

echo
echo "Medians of $runs interleaved runs on $(nproc) cores, output ${scratch:+in memory, }${scratch:-on disk}; $(hugo version | cut -d' ' -f1-2); sitegen $(git rev-parse --short HEAD)"
printf '| %6s | %-28s | %9s | %9s | %6s |\n' N "" Hugo sitegen ratio
printf '|%s|%s|%s|%s|%s|\n' -------- ------------------------------ ----------- ----------- --------
printf '%s\n' "${rows[@]}"
