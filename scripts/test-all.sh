#!/usr/bin/env bash
# `npm test`: the whole suite, as CI runs it. Types, lint, unit + DB tests on PGlite, the DB
# tests again on a throwaway PostgreSQL cluster, then the browser tests in Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TZ=UTC
mkdir -p .tmp/results
rm -f .tmp/results/*.json
status=0
step() { echo; echo "=== $1"; }

step "system packages"
bash scripts/ensure-system-deps.sh || exit 1

step "typecheck"
npx tsc --noEmit || status=1

step "lint"
npx biome check . || status=1

step "unit and DB tests (PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/results/vitest-pglite.json || status=1

step "DB tests (PostgreSQL)"
if url=$(bash scripts/pg-cluster.sh start); then
  TRYGG_TEST_ENGINE=postgres TRYGG_TEST_PG_URL="$url" npx vitest run --project db \
    --reporter=default --reporter=json --outputFile.json=.tmp/results/vitest-postgres.json || status=1
  bash scripts/pg-cluster.sh stop
else
  echo "Could not start PostgreSQL"; status=1
fi

step "browser tests (Playwright + axe, Chromium)"
npx vite build --logLevel warn || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/results/playwright.json npx playwright test --reporter=list,json || status=1

step "summary"
node scripts/summarize-results.mjs .tmp/results || status=1
exit $status
