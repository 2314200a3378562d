#!/usr/bin/env bash
# Every test, in the order CI runs them: types, lint, build, then vitest's projects
# (unit; integration on embedded PGlite and on the PostgreSQL server at 127.0.0.1:5432; the browser).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh
npm run check
npm run lint
npm run build
npx vitest run "$@"
