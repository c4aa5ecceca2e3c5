#!/usr/bin/env bash
# compare.sh measures for README.md: it runs every benchmark of this
# module N times, alternating a build against the coserr of the working
# tree ("after") with a build against the coserr of commit BEFORE
# ("before"), so that both meet the same machine load, and writes
#
#   results/after.txt, results/before.txt   raw go test -bench output
#   results/side-by-side.txt                benchstat -col /impl (after)
#   results/before-after.txt                benchstat, coserr before vs after
#   results/table.md                        benchtable (medians and ratios)
#
# Usage: N=10 BEFORE=0ebfdeb BENCHTIME=1s ./compare.sh
set -euo pipefail
cd "$(dirname "$0")"
N=${N:-10}
BEFORE=${BEFORE:-0ebfdeb}
BENCHTIME=${BENCHTIME:-1s}
BENCHSTAT="go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C .. archive "$BEFORE" | tar -x -C "$tmp"
rm -rf "$tmp/bench"
mkdir -p "$tmp/bench"
cp go.mod go.sum ./*.go "$tmp/bench/"
cp -r testdata "$tmp/bench/"
(cd "$tmp/bench" && go test -c -o "$tmp/before.test" .)
go test -c -o "$tmp/after.test" .

mkdir -p results
: >results/before.txt
: >results/after.txt
for i in $(seq "$N"); do
	echo "run $i of $N" >&2
	"$tmp/before.test" -test.run '^$' -test.bench . -test.benchmem -test.benchtime "$BENCHTIME" >>results/before.txt
	"$tmp/after.test" -test.run '^$' -test.bench . -test.benchmem -test.benchtime "$BENCHTIME" >>results/after.txt
done
$BENCHSTAT -col /impl results/after.txt >results/side-by-side.txt
$BENCHSTAT -filter '/impl:coserr' results/before.txt results/after.txt >results/before-after.txt
go run ./cmd/benchtable results/after.txt >results/table.md
cat results/table.md
