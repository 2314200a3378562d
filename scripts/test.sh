#!/usr/bin/env bash
# Every test, in the order CI runs them: types, lint, build, then unit and integration tests
# (integration on embedded PGlite and on the PostgreSQL server at 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."

npm run check
npm run lint
npm run build
npx vitest run "$@"
