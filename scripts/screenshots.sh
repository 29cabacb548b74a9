#!/usr/bin/env bash
# `npm run screenshots`: refreshes the README's "Using it" pictures from the demo's headless tour (never run by
# `npm test`). The tour drives the real services against the local OpenRouter stand-in.
set -euo pipefail
cd "$(dirname "$0")/.."
DISPLAY= WAYLAND_DISPLAY= npx tsx scripts/demo.ts --tour --out docs/screenshots/using
