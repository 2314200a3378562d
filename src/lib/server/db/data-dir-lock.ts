import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
	constructor(dataDir: string, pid: number) {
		super(
			`The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
				'Embedded PostgreSQL can be opened by one process only: stop that process (the server or a CLI command) first.'
		);
		this.name = 'DataDirLockedError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the data folder for this process: a lock file holding our pid, created exclusively. A lock
 * left by a process that no longer runs (a crash, kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
	const file = path.join(dataDir, 'sandbox-readiness.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
				} catch {
					// already gone
				}
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(fs.readFileSync(file, 'utf8'));
			if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
				throw new DataDirLockedError(dataDir, pid);
			fs.rmSync(file, { force: true });
		}
	}
	throw new Error(`could not lock ${dataDir}`);
}
