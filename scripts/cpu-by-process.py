#!/usr/bin/env python3
"""CPU-seconds (user+sys) of every process under a command, grouped by kind.

    python3 scripts/cpu-by-process.py npx vitest run --project browser

`/usr/bin/time` counts only the children each parent waited for: Chromium's renderers, reaped by a
zygote that is gone first, are missed (on the full suite of 2026-12-02 it reported 546 s where this
saw 703 s). This reads /proc twice a second and keeps the last figure seen for each process of the
tree, so a process that lives less than half a second is counted short, never twice.
"""
import collections
import json
import os
import re
import subprocess
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')


def processes():
    found = {}
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open(f'/proc/{name}/stat') as f:
                stat = f.read()
            fields = stat[stat.rindex(')') + 2:].split()
            found[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / HZ)
        except (OSError, ValueError):
            pass
    return found


def kind(command):
    if 'chrom' in command:
        match = re.search(r'--type=(\S+)', command)
        return 'chromium ' + (match.group(1) if match else 'browser')
    if 'build/index.js' in command:
        return 'app server (build/index.js)'
    if 'scripts/start.js' in command:
        return 'npm start (scripts/start.js)'
    if 'tsx' in command:
        return 'tsx (the CLI)'
    if 'vitest' in command:
        return 'vitest (main and workers)'
    return command.split(' ')[0].rsplit('/', 1)[-1] or '?'


def main():
    child = subprocess.Popen(sys.argv[1:])
    seen = {}
    while child.poll() is None:
        table = processes()
        children = collections.defaultdict(list)
        for pid, (ppid, _) in table.items():
            children[ppid].append(pid)
        stack = [child.pid]
        while stack:
            pid = stack.pop()
            stack.extend(children[pid])
            if pid not in table:
                continue
            # Read again each time: a process just forked still shows its parent's command line.
            try:
                with open(f'/proc/{pid}/cmdline', 'rb') as f:
                    command = f.read().replace(b'\0', b' ').decode(errors='replace')
            except OSError:
                command = seen.get(pid, ['?'])[0]
            seen[pid] = [command or seen.get(pid, ['?'])[0], table[pid][1]]
        time.sleep(0.5)
    totals = collections.Counter()
    counts = collections.Counter()
    for command, cpu in seen.values():
        totals[kind(command)] += cpu
        counts[kind(command)] += 1
    print(f'\nCPU-seconds by process kind (total {sum(totals.values()):.1f}):', file=sys.stderr)
    for name, cpu in totals.most_common():
        print(f'{cpu:8.1f}  {counts[name]:4d}  {name}', file=sys.stderr)
    if os.environ.get('CPU_BY_PROCESS_JSON'):
        with open(os.environ['CPU_BY_PROCESS_JSON'], 'w') as f:
            json.dump(seen, f)
    sys.exit(child.returncode)


if __name__ == '__main__':
    main()
