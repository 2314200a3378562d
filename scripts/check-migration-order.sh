#!/usr/bin/env bash
# Before merging a branch: every migration it adds must sort after every migration already on the
# base (default main), or a database migrated from the base would refuse it (Kysely keeps order).
# Rename the branch's migration to the time of the merge (and its key in migrations/index.ts).
set -euo pipefail
base="${1:-main}"
newest_on_base=$(git ls-tree --name-only "$base" migrations/ | grep -v index.ts | sort | tail -1)
status=0
for added in $(git diff --name-only --diff-filter=A "$base"...HEAD -- migrations/ | grep -v index.ts); do
	if [[ "$(basename "$added")" < "$(basename "$newest_on_base")" ]]; then
		echo "$added sorts before $newest_on_base, already on $base: rename it to the time of the merge" >&2
		status=1
	fi
done
exit $status
