#!/usr/bin/env bash
# npm test: type check, lint, vitest, production build, Playwright — the whole promise in one command.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# vitest runs the integration suite on SQLite and, when reachable at TEST_DATABASE_URL, on PostgreSQL
# (vitest.config.mts). The build and the browser suite run on SQLite: DATABASE_URL must not leak in.
unset DATABASE_URL

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "browser"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing: installing Debian's chromium package…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing at $CHROMIUM. Install Debian's package as root: apt-get install -y chromium" >&2
    echo "(or set CHROMIUM_PATH to a Chromium or Chrome binary), then run npm test again." >&2
    exit 1
  fi
fi
"$CHROMIUM" --version

step "type check"
node node_modules/next/dist/bin/next typegen >/dev/null
npx tsc --noEmit

step "lint"
npm run --silent lint

step "vitest"
mkdir -p test-summary
npx vitest run --reporter=default --reporter=json --outputFile.json=test-summary/vitest.json

step "production build (on a fresh seeded test database)"
export E2E_DATABASE_PATH="$PWD/data/test/e2e.db"
rm -rf "$(dirname "$E2E_DATABASE_PATH")"
DATABASE_PATH="$E2E_DATABASE_PATH" npx tsx scripts/db-seed.ts
# Prerendered pages carry absolute links: build with the SITE_URL the Playwright server runs with.
DATABASE_PATH="$E2E_DATABASE_PATH" SITE_URL="http://127.0.0.1:${E2E_PORT:-3100}" node node_modules/next/dist/bin/next build

step "playwright"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-summary/playwright.json npx playwright test --reporter=list,json

# One closing line that any CI reader understands.
node -e '
const fs = require("fs");
const v = JSON.parse(fs.readFileSync("test-summary/vitest.json", "utf8"));
const p = JSON.parse(fs.readFileSync("test-summary/playwright.json", "utf8")).stats;
const passed = v.numPassedTests + p.expected;
const failed = v.numFailedTests + p.unexpected + p.flaky;
const skipped = v.numPendingTests + v.numTodoTests + p.skipped;
console.log(`\nvitest ${v.numPassedTests}/${v.numTotalTests}, playwright ${p.expected}/${p.expected + p.unexpected + p.flaky + p.skipped}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
'
