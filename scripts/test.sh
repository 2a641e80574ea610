#!/usr/bin/env bash
# The project's checks, the same locally and in CI: formatting, vet, and
# every test. Tests that need the real reports read ../shared/seeds and
# skip when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 -timeout 60m "$@" ./...

echo "== the tests changed no tracked file"
if git rev-parse --git-dir >/dev/null 2>&1 && ! git diff --quiet; then
  git diff --stat; exit 1
fi
echo "ok"
