#!/usr/bin/env bash
# compare.sh: check that a change to the audit engine leaves the audit's
# results unchanged, byte for byte.
#
# It builds oneway twice from the working tree: "before" with
# internal/audit as it is at a git revision (default HEAD), "after" as it
# is now, so that other uncommitted changes (analyzers, reports) are in
# both. Then it runs `oneway audit -format json` with each on every
# module directory given (default: testdata/demo and /tmp/real/*), three
# times for "after" — with an empty cache (dependencies' facts computed),
# with the dependencies' facts cached but no report, and with the report
# cached — and compares the reports and exit codes with "before".
#
#   internal/bench/compare.sh [-rev REV] [-paths 'DIR_OR_FILE ...'] [-keep DIR] [DIR...]
#
# -keep DIR copies the two binaries to DIR/oneway-before and
# DIR/oneway-after (run.sh measures "before" with ONEWAY_BENCH_BEFORE).
#
# Exit status 1 if any report differs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rev=HEAD
keep=""
# The files the performance work changed (docs/performance.md).
paths="internal/audit internal/cli/audit.go analyzers/api/internal/routes/frameworks.go analyzers/data/internal/queries/migrations.go analyzers/api/unversioned.go"
while [ $# -gt 0 ]; do
  case $1 in
    -rev) rev=$2; shift 2 ;;
    -paths) paths=$2; shift 2 ;;
    -keep) keep=$2; shift 2 ;;
    *) break ;;
  esac
done
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  dirs=("$root/testdata/demo")
  for d in /tmp/real/*/; do [ -f "$d/go.mod" ] && dirs+=("${d%/}"); done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tree"
(cd "$root" && tar --exclude=.git -cf - .) | tar -xf - -C "$work/tree"
for p in $paths; do
  if [ -d "$root/$p" ]; then
    find "$work/tree/$p" -maxdepth 1 -name '*.go' -delete
    for f in $(git -C "$root" ls-tree --name-only "$rev" "$p/" | grep '\.go$'); do
      git -C "$root" show "$rev:$f" >"$work/tree/$f"
    done
  else
    git -C "$root" show "$rev:$p" >"$work/tree/$p"
  fi
done
(cd "$work/tree" && go build -o "$work/before" ./cmd/oneway)
(cd "$root" && go build -o "$work/after" ./cmd/oneway)
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$work/before" "$keep/oneway-before"
  cp "$work/after" "$keep/oneway-after"
fi

status=0
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  export ONEWAY_CACHE="$work/cache"
  rm -rf "$work/cache"
  for run in before after after-facts after-warm; do
    bin=$work/${run%-*}
    if [ "$run" = after-facts ]; then rm -rf "$work/cache/results"; fi
    code=0
    (cd "$d" && "$bin" audit -format json -o "$work/$name-$run.json" ./... 2>"$work/$name-$run.err") || code=$?
    echo "$code" >"$work/$name-$run.code"
  done
  for run in after after-facts after-warm; do
    if cmp -s "$work/$name-before.json" "$work/$name-$run.json" &&
      cmp -s "$work/$name-before.err" "$work/$name-$run.err" &&
      cmp -s "$work/$name-before.code" "$work/$name-$run.code"; then
      echo "same   $name ($run): $(wc -c <"$work/$name-$run.json") bytes of JSON, exit $(cat "$work/$name-$run.code")"
    else
      echo "DIFFER $name ($run)"
      diff "$work/$name-before.json" "$work/$name-$run.json" | head -20 || true
      diff "$work/$name-before.err" "$work/$name-$run.err" | head -10 || true
      status=1
    fi
  done
done
exit $status
