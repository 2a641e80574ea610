#!/usr/bin/env bash
# Measures ingest and the GraphQL API on synthetic corpora beside the raw
# limits (jieba's Tag, Cayley's own bulk load), and the Go benchmarks of the
# store's writes. Figures go to stdout as Markdown; see docs/performance.md.
#
#   scripts/bench.sh [WORK_DIR [SIZES]]
#
# WORK_DIR (default /tmp/fazhikg-bench) keeps the generated corpora for the
# next run; SIZES defaults to 1000,10000,50000 (50,000 reports take hours on
# two cores). Set BENCH_GO=0 to skip the Go benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/fazhikg-bench}
sizes=${2:-1000,10000,50000}
mkdir -p "$work"
go build -o "$work/fazhikg" ./cmd/fazhikg
echo "# fazhikg bench, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(go version | cut -d' ' -f3); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/fazhikg" bench --work "$work" --sizes "$sizes" --graphql
if [ "${BENCH_GO:-1}" != 0 ]; then
	echo
	echo "Go benchmarks: the store's batched writes beside BulkLoad, extraction"
	echo
	echo '```'
	go test ./graph -run '^$' -bench 'BatchedPut' -benchtime 3x
	go test ./extract -run '^$' -bench 'Pipeline' -benchtime 5x
	echo '```'
fi
