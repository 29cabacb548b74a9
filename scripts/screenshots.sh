#!/usr/bin/env bash
# `npm run screenshots`: refreshes the README's pictures on purpose (never run by `npm test`, whose specs write
# their screenshots to the ignored test-output/ folder).
# 1. The dashboard and connect pictures, from the e2e specs with their screenshot folder pointed at docs/.
# 2. The "Using it" pictures, from the demo's headless tour. Both drive the real services against the local
#    OpenRouter stand-in.
set -euo pipefail
cd "$(dirname "$0")/.."
ORKM_SCREENSHOT_DIR=docs/screenshots npx playwright test --project=browser connect.spec.ts dashboard.spec.ts account.spec.ts
DISPLAY= WAYLAND_DISPLAY= npx tsx scripts/demo.ts --tour --out docs/screenshots/using
