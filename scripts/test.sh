#!/usr/bin/env bash
# Every test, as CI runs them: types, lint, build, then vitest's projects (vitest.config.ts: unit;
# documents; integration on embedded PGlite and on the PostgreSQL server at 127.0.0.1:5432; the browser).
# Lint runs beside the type check and the build (each mostly one core); vitest runs its files in
# parallel. Arguments go to vitest (for example: --project unit).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# The type check and the build one after the other: both regenerate .svelte-kit and the compiled
# messages, which the other reads. Lint reads neither.
step() {
	local name=$1
	shift
	local started=$SECONDS
	if "$@" >"$logs/$name.log" 2>&1; then
		echo "✓ $name ($((SECONDS - started)) s)"
	else
		echo "✗ $name ($((SECONDS - started)) s):"
		cat "$logs/$name.log"
		return 1
	fi
}
step lint npm run lint &
lint=$!
status=0
{ step check npm run check && step build npm run build; } || status=1
wait "$lint" || status=1
[ "$status" = 0 ] || exit 1

started=$SECONDS
npx vitest run "$@"
echo "✓ vitest ($((SECONDS - started)) s)"
