#!/usr/bin/env bash
# Start-up figures for BENCHMARKS.md: wall seconds from `npm start` to the ready banner (and the CPU
# seconds its processes used by then), on a new data directory, on restarts, and after a source
# changed (the build that then runs included). Usage: bash scripts/bench-start.sh [restarts]
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
data=$(mktemp -d)
log=$(mktemp)
changed=src/routes/healthz/+server.ts
backup=$(mktemp)
cp "$changed" "$backup"
trap 'cp "$backup" "$changed"; rm -rf "$data" "$log" "$backup"' EXIT

measure() {
	local started ended pid ticks=0 u s
	: >"$log"
	started=$(date +%s.%N)
	DATA_DIR=$data PORT=$port HOST=127.0.0.1 setsid npm start >>"$log" 2>&1 &
	pid=$!
	until grep -q 'is ready at' "$log"; do
		kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
		sleep 0.05
	done
	ended=$(date +%s.%N)
	for p in $(pgrep -g "$pid"); do
		read -r u s < <(awk '{print $14 + $16, $15 + $17}' "/proc/$p/stat")
		ticks=$((ticks + u + s))
	done
	printf '%-34s %6.2f s wall  %5.2f s CPU  %s\n' "$1" "$(echo "$ended - $started" | bc)" \
		"$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" \
		"$(grep -q 'building again' "$log" && echo built || echo 'no build')"
	kill -TERM -- "-$pid"
	wait "$pid" 2>/dev/null || true
	# The server closes the database after npm has gone: wait for the whole group.
	while pgrep -g "$pid" >/dev/null; do sleep 0.05; done
}

echo "$(nproc) CPUs, $(node --version); load: $(cut -d' ' -f1-3 /proc/loadavg)"
node -e "import('./scripts/build-stamp.js').then(async (m) => {
	const t = performance.now(); const h = m.hashInputs(process.cwd());
	console.log('hashing the inputs: ' + h.files + ' files, ' + (performance.now() - t).toFixed(0) + ' ms');
})"
measure 'first start, new data directory'
for i in $(seq 1 "${1:-5}"); do measure "restart $i"; done
echo "// changed for bench-start.sh" >>"$changed"
measure 'restart after a source changed'
cp "$backup" "$changed"
measure 'restart after it changed back'
measure 'restart, unchanged'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
