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

# The same browser tests where the engine matters (votes, publishing, search, uploads) on PostgreSQL: a database
# of their own on the TEST_DATABASE_URL server and a build made on it (playwright.config.ts). Skipped
# in one line when no PostgreSQL is reachable, as the integration suite is; CI requires it.
step "playwright on PostgreSQL"
rm -f test-summary/playwright-pg.json
if [ "${MOODWIRE_SKIP_POSTGRES:-}" != 1 ] && E2E_DATABASE_URL="$(npx tsx scripts/e2e-postgres.ts moodwire_e2e)"; then
  DATABASE_URL="$E2E_DATABASE_URL" MOODWIRE_DIST_DIR=.next-pg SITE_URL="http://127.0.0.1:${E2E_PORT:-3100}" \
    node node_modules/next/dist/bin/next build
  # Recorded as made for this SITE_URL (scripts/lib/build.ts): the cluster step below serves it too.
  printf %s "http://127.0.0.1:${E2E_PORT:-3100}" > .next-pg/moodwire-site-url
  E2E_DATABASE_URL="$E2E_DATABASE_URL" PLAYWRIGHT_JSON_OUTPUT_NAME=test-summary/playwright-pg.json \
    npx playwright test --reporter=list,json
elif [ "${MOODWIRE_REQUIRE_POSTGRES:-}" = 1 ]; then
  echo "PostgreSQL is not reachable (TEST_DATABASE_URL), and this run requires it." >&2
  exit 1
else
  echo "PostgreSQL not reachable (TEST_DATABASE_URL): the browser suite ran on SQLite only."
fi

# Three production servers behind nginx on one PostgreSQL database and one Redis (issue 18 §7,
# scripts/test-cluster.ts): votes, limits, publishing, scheduled release and a killed server. Skipped in
# one line when PostgreSQL, Redis or nginx is missing; CI requires it (.ci/run installs nginx-light).
step "cluster (three servers behind nginx)"
rm -f test-summary/playwright-cluster.json
if [ "${MOODWIRE_SKIP_POSTGRES:-}" != 1 ] && cluster_problem="$(npx tsx scripts/test-cluster.ts --check)"; then
  # nginx on the PostgreSQL browser run's port, free by now, so the servers serve that run's build
  # (same SITE_URL, same demo content) instead of building again.
  CLUSTER_PORT="${E2E_PORT:-3100}" CLUSTER_DIST_DIR=.next-pg PLAYWRIGHT_JSON_OUTPUT_NAME=test-summary/playwright-cluster.json \
    timeout 600 npx tsx scripts/test-cluster.ts --reporter=list,json
elif [ "${MOODWIRE_REQUIRE_POSTGRES:-}" = 1 ]; then
  echo "The cluster test cannot run (${cluster_problem:-skipped}), and this run requires it." >&2
  exit 1
else
  echo "Cluster test skipped: ${cluster_problem:-MOODWIRE_SKIP_POSTGRES=1}."
fi

# One closing line that any CI reader understands.
node -e '
const fs = require("fs");
const v = JSON.parse(fs.readFileSync("test-summary/vitest.json", "utf8"));
const runs = ["playwright.json", "playwright-pg.json", "playwright-cluster.json"].filter((f) => fs.existsSync("test-summary/" + f));
const p = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
for (const f of runs) {
  const s = JSON.parse(fs.readFileSync("test-summary/" + f, "utf8")).stats;
  for (const k of Object.keys(p)) p[k] += s[k];
}
const passed = v.numPassedTests + p.expected;
const failed = v.numFailedTests + p.unexpected + p.flaky;
const skipped = v.numPendingTests + v.numTodoTests + p.skipped;
console.log(`\nvitest ${v.numPassedTests}/${v.numTotalTests}, playwright ${p.expected}/${p.expected + p.unexpected + p.flaky + p.skipped}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
'
