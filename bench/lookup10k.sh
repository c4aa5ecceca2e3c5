#!/usr/bin/env bash
# lookup10k.sh checks Lookup against a really generated catalog of 10,000
# codes: it grows catalog.yaml to 10,000 codes (gen's BenchmarkRenderGo10k),
# runs errgen on it into a copy of the module, builds coserr's tests from
# both the real and the grown codes_gen.go, and runs BenchmarkLookup
# (catalog=real, which is Lookup itself) N times in each, alternating, then
# compares them with benchstat into results/lookup10k.txt. The build of
# 10,000 sentinels takes a few seconds.
#
# Usage: N=8 ./lookup10k.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-8}
BENCHSTAT="go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git ls-files -z | xargs -0 -I{} cp --parents {} "$tmp/"
go test -count=1 -run '^$' -bench '^BenchmarkRenderGo10k$' -benchtime 1x ./gen -args -write-big-catalog "$tmp/big.yaml"
(cd "$tmp" && go run ./cmd/errgen -catalog big.yaml -out coserr/codes_gen.go -docs "$tmp/big.md")
go test -c -o "$tmp/real.test" ./coserr
(cd "$tmp" && go test -c -o "$tmp/big.test" ./coserr)

: >"$tmp/real.txt"
: >"$tmp/big.txt"
for i in $(seq "$N"); do
	echo "run $i of $N" >&2
	(cd coserr && "$tmp/real.test" -test.run '^$' -test.bench 'Lookup/catalog=real' -test.benchmem) >>"$tmp/real.txt"
	(cd coserr && "$tmp/big.test" -test.run '^$' -test.bench 'Lookup/catalog=real' -test.benchmem) >>"$tmp/big.txt"
done
$BENCHSTAT "real catalog=$tmp/real.txt" "10,000 codes=$tmp/big.txt" | tee bench/results/lookup10k.txt
