#!/usr/bin/env bash
# `npm test`: typecheck, lint, build, then the unit/integration tests (Vitest) and the browser end-to-end
# suite (Playwright + Chromium), all against a real keychain; ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
results_dir=$(mktemp -d "${TMPDIR:-/tmp}/orkm-results.XXXXXX")
trap 'rm -rf "$results_dir"' EXIT

echo "== typecheck"; npx tsc --noEmit -p .
echo "== lint"; npx eslint --max-warnings 0 .
echo "== build"; npm run --silent build >/dev/null  # the app only; Playwright's global setup builds the test harness bundle

export ORKM_VITEST_JSON="$results_dir/vitest.json" ORKM_PLAYWRIGHT_JSON="$results_dir/playwright.json"
echo "== unit and integration tests, then end-to-end tests"
set +e
bash scripts/with-keyring.sh bash -c '
  npx vitest run --reporter=default --reporter=json --outputFile.json="$ORKM_VITEST_JSON"; unit=$?
  npx playwright test; e2e=$?
  [ $unit -eq 0 ] && [ $e2e -eq 0 ]'
status=$?
set -e
npx tsx scripts/summarize-tests.ts "$ORKM_VITEST_JSON" "$ORKM_PLAYWRIGHT_JSON" || status=1
exit $status
