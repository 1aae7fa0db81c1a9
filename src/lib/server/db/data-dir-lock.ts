import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

// The embedded database's files must be opened by one process at a time: PGlite does not check,
// and a second opener (a command run while the server serves) corrupted it. The owner holds a
// lock in the data directory (proper-lockfile: an atomic mkdir, kept fresh every UPDATE_MS); a
// lock not refreshed for STALE_MS belongs to a process that died, and the next opener takes it.
const STALE_MS = 20_000;
const UPDATE_MS = 5_000;

export class DataDirInUse extends Error {
	constructor(readonly dataDir: string) {
		super(
			`The embedded database in ${dataDir} is in use by another process (a running ` +
				'`npm start`, or another command). Stop that process first. If none is running, ' +
				`it stopped uncleanly: its lock frees itself within ${STALE_MS / 1000} seconds.`
		);
		this.name = 'DataDirInUse';
	}
}

/**
 * Takes the data directory's lock, or fails with DataDirInUse. `waitForStale`: wait until a lock
 * left by a process that died has gone stale, rather than failing at once (for `npm start`).
 * Resolves to the function that gives the lock back.
 */
export async function lockDataDir(
	dataDir: string,
	{ waitForStale = false }: { waitForStale?: boolean } = {}
): Promise<() => Promise<void>> {
	const dir = path.resolve(dataDir);
	// Only the owner of the files needs them: they hold what people reported.
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	try {
		return await lockfile.lock(dir, {
			lockfilePath: path.join(dir, 'mat-locator.lock'),
			realpath: false,
			stale: STALE_MS,
			update: UPDATE_MS,
			retries: waitForStale ? { retries: 12, minTimeout: 2_000, maxTimeout: 2_000 } : 0,
			// Someone else took the lock (this process stalled for STALE_MS): two processes must
			// never write the files at once, so this one stops here, as if it had crashed.
			onCompromised: (error) => {
				console.error(`Lost the lock on ${dir} (${error.message}); stopping.`);
				process.exit(1);
			}
		});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUse(dir);
		throw error;
	}
}
