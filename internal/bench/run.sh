#!/usr/bin/env bash
# run.sh: oneway's performance harness (docs/performance.md).
#
# Measures, in one run and interleaved (one round runs every command once
# on every module, then the next round starts), the wall time and peak
# RSS (/usr/bin/time -v) of
#
#   floor        internal/bench/loadfloor ./...   (go/packages LoadSyntax, nothing else)
#   audit-cold   oneway audit -no-cache ./...      (no cache: dependencies' facts computed)
#   audit-first  oneway audit ./... on an empty cache (the first audit of a machine or of a CI
#                job that keeps no cache: facts computed and written, keys hashed)
#   audit        oneway audit ./...                (facts of dependencies cached, report not)
#   reaudit      oneway audit ./...                (unchanged code: the report from the cache)
#   floor-edit   floor after an edit of the code    (see below)
#   audit-edit   audit after the same kind of edit  (facts cached; ratios against floor-edit)
#   vet          go vet ./...
#   vet-oneway   go vet -vettool=oneway ./...
#   before       $ONEWAY_BENCH_BEFORE audit ./... (another oneway binary, if set:
#                the one to compare with, e.g. built by compare.sh -keep)
#
# on synthetic modules of 100, 500 and 2000 packages (internal/bench/gen)
# and on every module directory given as an argument, and prints medians
# and ratios. go vet caches its results by the tool's identity and flags;
# each vet run gets a flag value (plain vet: -printf.funcs=, oneway: a
# policy file named by ONEWAY_POLICY) never used before, so it analyses
# every package again while the build cache (export data) stays warm —
# what the load floor and oneway use too. The -edit commands first give
# the package of the module that most of its packages import a new
# exported function (a file zz_oneway_bench_edit.go, removed at the end):
# the go command rebuilds that package and its importers for the export
# data that go/packages asks of every package it loads. The file is
# removed after the run, so the other commands see the code as built.
#
#   internal/bench/run.sh [-runs N] [-sizes "100 500 2000"] [-out DIR] [MODULE_DIR...]
#
# Environment: ONEWAY_BENCH_TOOLS="floor audit ..." selects commands;
# ONEWAY_BENCH_BEFORE=/path/to/oneway adds "before".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=5
sizes="100 500 2000"
out=${TMPDIR:-/tmp}/oneway-bench
while [ $# -gt 0 ]; do
  case $1 in
    -runs) runs=$2; shift 2 ;;
    -sizes) sizes=$2; shift 2 ;;
    -out) out=$2; shift 2 ;;
    -h|-help|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
tools=${ONEWAY_BENCH_TOOLS:-"floor audit-cold audit-first audit reaudit floor-edit audit-edit vet vet-oneway"}
if [ -n "${ONEWAY_BENCH_BEFORE:-}" ] && [[ " $tools " != *" before "* ]]; then tools="$tools before"; fi

if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "run.sh: needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq time >/dev/null
  else
    exit 2
  fi
fi

mkdir -p "$out/bin" "$out/results"
out=$(cd "$out" && pwd)
echo "building into $out/bin"
(cd "$root" && go build -o "$out/bin/oneway" ./cmd/oneway &&
  go build -o "$out/bin/loadfloor" ./internal/bench/loadfloor &&
  go build -o "$out/bin/gen" ./internal/bench/gen)

mods=()
for n in $sizes; do
  d=$out/synth$n
  if [ ! -f "$d/go.mod" ]; then
    rm -rf "$d"
    "$out/bin/gen" -n "$n" -o "$d"
  fi
  mods+=("$d")
done
for d in "$@"; do mods+=("$(cd "$d" && pwd)"); done

export ONEWAY_CACHE=$out/cache
policy=$root/policy/default.yml

# measure NAME MODULE CMD...: one timed run, appended to results/NAME@MODULE.
measure() {
  local name=$1 mod=$2; shift 2
  local log=$out/results/last.txt
  local code=0
  (cd "$mod" && /usr/bin/time -v "$@" >/dev/null 2>"$log") || code=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  if [ -z "$wall" ] || { [ "$code" != 0 ] && [ "$code" != 1 ]; }; then
    echo "run.sh: $name in $mod failed (exit $code):" >&2
    tail -5 "$log" >&2
    return
  fi
  echo "$wall $rss" >>"$out/results/$name@$(basename "$mod")"
}

# edit MODULE: a new exported function in the module's most imported
# package (found once per module).
edited=()
edit() {
  local mod=$1 f=$out/edit-$(basename "$1")
  if [ ! -f "$f" ]; then
    (cd "$mod" && go list -f '{{range .Imports}}{{.}}{{"\n"}}{{end}}' ./... |
      sort | uniq -c | sort -rn | awk '{print $2}' | while read -r p; do
        go list -f '{{if .Module}}{{if .Module.Main}}{{.Dir}} {{.Name}}{{end}}{{end}}' "$p" 2>/dev/null
      done | head -1) >"$f" || true # head ends the loop early
  fi
  local dir name
  read -r dir name <"$f"
  [ -n "$dir" ] || return 0
  edited+=("$dir/zz_oneway_bench_edit.go")
  printf 'package %s\n\n// OnewayBenchEdit%s is new.\nfunc OnewayBenchEdit%s() {}\n' "$name" "$$$(date +%s%N)" "$$$(date +%s%N)" >"$dir/zz_oneway_bench_edit.go"
}
cleanup() { for f in "${edited[@]}"; do rm -f "$f"; done; }
trap cleanup EXIT

run_tool() {
  local t=$1 mod=$2 r=$3
  case $t in
    floor) measure floor "$mod" "$out/bin/loadfloor" ./... ;;
    audit-cold) measure audit-cold "$mod" "$out/bin/oneway" audit -q -no-cache -format json ./... ;;
    audit-first)
      rm -rf "$out/cache-first"
      measure audit-first "$mod" env ONEWAY_CACHE="$out/cache-first" "$out/bin/oneway" audit -q -format json ./... ;;
    audit)
      rm -rf "$ONEWAY_CACHE/results"
      measure audit "$mod" "$out/bin/oneway" audit -q -format json ./... ;;
    reaudit) measure reaudit "$mod" "$out/bin/oneway" audit -q -format json ./... ;;
    floor-edit) edit "$mod"; measure floor-edit "$mod" "$out/bin/loadfloor" ./...; cleanup ;;
    audit-edit) edit "$mod"; measure audit-edit "$mod" "$out/bin/oneway" audit -q -format json ./...; cleanup ;;
    before)
      rm -rf "$ONEWAY_CACHE/results" # as for audit: its dependencies' facts cached, its report not
      measure before "$mod" "$ONEWAY_BENCH_BEFORE" audit -q -format json ./... ;;
    vet) measure vet "$mod" go vet -printf.funcs="onewaybench$$x$r" ./... ;;
    vet-oneway)
      local p=$out/results/policy-$$-$r.yml
      { cat "$policy"; echo "# run $$ $r"; } >"$p"
      measure vet-oneway "$mod" env ONEWAY_POLICY="$p" go vet -vettool="$out/bin/oneway" ./... ;;
  esac
}

rm -f "$out"/results/*@*
echo "warming up (build cache, export data, oneway's cache)"
for mod in "${mods[@]}"; do
  (cd "$mod" && go build ./... >/dev/null 2>&1 || true)
  for t in $tools; do run_tool "$t" "$mod" 0 >/dev/null 2>&1 || true; done
done
rm -f "$out"/results/*@*

for r in $(seq 1 "$runs"); do
  echo "round $r/$runs"
  for mod in "${mods[@]}"; do
    for t in $tools; do run_tool "$t" "$mod" "$r"; done
  done
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
stat() { # stat NAME MODULE COLUMN → median
  local f=$out/results/$1@$2
  [ -f "$f" ] || { echo nan; return; }
  awk -v c="$3" '{print $c}' "$f" | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b == "nan" || a == "nan" || b == 0) print "-"; else printf "%.2f", a/b}'; }

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $runs interleaved runs; ratios against the load floor (vet-oneway: against vet, audit-edit: against floor-edit)"
printf '\n%-14s %-11s %9s %9s %7s %7s\n' module command wall_s rss_MB x_wall x_rss
for mod in "${mods[@]}"; do
  m=$(basename "$mod")
  fw=$(stat floor "$m" 1); fr=$(stat floor "$m" 2)
  vw=$(stat vet "$m" 1); vr=$(stat vet "$m" 2)
  ew=$(stat floor-edit "$m" 1); er=$(stat floor-edit "$m" 2)
  for t in $tools; do
    w=$(stat "$t" "$m" 1); r=$(stat "$t" "$m" 2)
    [ "$w" = nan ] && continue
    bw=$fw; br=$fr
    if [ "$t" = vet-oneway ]; then bw=$vw; br=$vr; fi
    if [ "$t" = audit-edit ]; then bw=$ew; br=$er; fi
    printf '%-14s %-11s %9.2f %9.0f %7s %7s\n' "$m" "$t" "$w" "$(awk -v r="$r" 'BEGIN {print r/1024}')" "$(ratio "$w" "$bw")" "$(ratio "$r" "$br")"
  done
done
set -- $sizes
first=$1; last=${*: -1}
if [ "$first" != "$last" ]; then
  echo
  echo "growth synth$first → synth$last ($((last / first))× the packages)"
  for t in $tools; do
    a=$(stat "$t" "synth$first" 1); b=$(stat "$t" "synth$last" 1)
    ar=$(stat "$t" "synth$first" 2); br=$(stat "$t" "synth$last" 2)
    printf '  %-11s wall %6s×  rss %6s×\n' "$t" "$(ratio "$b" "$a")" "$(ratio "$br" "$ar")"
  done
fi
echo
echo "raw results: $out/results"
