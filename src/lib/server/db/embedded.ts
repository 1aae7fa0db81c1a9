import type { PostgresPool } from 'kysely';
import { DataDirInUse, lockDataDir } from './data-dir-lock';
import { operatorSocketPool } from './operator-socket';
import { pglitePool } from './pglite-pool';
import { startPgliteThread } from './pglite-thread';

/**
 * How a process reaches the embedded database in a data directory:
 * - 'own': it must open the files itself (the server). It takes the directory's lock, waiting
 *   out one left by a process that died; a server already running there is an error.
 * - 'share': a command. If a server runs there, through the server (db/operator-socket.ts);
 *   otherwise it takes the lock and opens the files itself, as the server would.
 * `memory://` databases belong to their process alone and need neither.
 */
export type EmbeddedMode = 'own' | 'share';

export class ServerRunning extends Error {
	constructor(dataDir: string, pid: number) {
		super(
			`A MAT Locator server (process ${pid}) is already serving the embedded database in ` +
				`${dataDir}. Stop it first, or set DATA_DIR to another directory.`
		);
		this.name = 'ServerRunning';
	}
}

/** A pool that opens the database on first use (as pg's does), so connect() stays synchronous. */
export function openEmbedded(dataDir: string, mode: EmbeddedMode): PostgresPool {
	let opening: Promise<PostgresPool> | undefined;
	const opened = () => (opening ??= open(dataDir, mode));
	return {
		connect: async () => (await opened()).connect(),
		async end() {
			if (opening) await (await opening.catch(() => null))?.end();
		}
	};
}

async function open(dataDir: string, mode: EmbeddedMode): Promise<PostgresPool> {
	const thread = () => pglitePool(() => startPgliteThread(dataDir));
	if (dataDir.startsWith('memory://')) return thread();
	if (mode === 'share') {
		const server = await operatorSocketPool(dataDir);
		if (server) return server;
	}
	let unlock: () => Promise<void>;
	try {
		unlock = await lockDataDir(dataDir);
	} catch (error) {
		if (!(error instanceof DataDirInUse)) throw error;
		// Held: by a server (that may have just begun to answer), or by a process that died.
		const server = await operatorSocketPool(dataDir);
		if (server && mode === 'share') return server;
		if (server) {
			await server.end();
			throw new ServerRunning(dataDir, server.serverPid);
		}
		if (mode === 'share') throw error;
		console.warn(`Waiting for the lock on ${dataDir}, left by a process that stopped…`);
		unlock = await lockDataDir(dataDir, { waitForStale: true });
	}
	const pool = thread();
	return {
		connect: () => pool.connect(),
		async end() {
			await pool.end();
			await unlock();
		}
	};
}
