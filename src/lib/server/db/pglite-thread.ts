import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a statement returns, as PGlite reports it. */
export interface ThreadResult {
	rows: unknown[];
	affectedRows?: number;
	command?: string;
}

/** The embedded database on its own thread (pglite-worker.js): statements in, results out. */
export interface PgliteThread {
	/** `params` null: the simple protocol (several statements, no parameters). */
	run(text: string, params: unknown[] | null): Promise<ThreadResult>;
	close(): Promise<void>;
	/** Settles when the thread has ended, for whatever reason. */
	readonly exited: Promise<void>;
}

const WORKER = new URL('./pglite-worker.js', import.meta.url);

/** An error as PGlite raised it on the thread, with its SQLSTATE and details. */
function rebuild(fields: Record<string, unknown>): Error {
	return Object.assign(new Error(String(fields.message)), fields);
}

// SQLSTATE 57P01 (admin_shutdown): db/outage.ts answers it 503.
const gone = () =>
	Object.assign(new Error('the embedded database stopped'), { code: '57P01' }) as Error;

/** Starts the thread, which opens (or creates) the database in `dataDir`. */
export function startPgliteThread(dataDir: string): PgliteThread {
	if (!existsSync(fileURLToPath(WORKER))) {
		// A bundled app (build/) has no copy of the worker: `npm start` opens the database and
		// hands it to the app (db/host.ts).
		throw new Error(
			'The embedded database is opened by `npm start`; run the app with it, or set DATABASE_URL'
		);
	}
	const worker = new Worker(WORKER, { workerData: { dataDir } });
	const pending = new Map<number, { resolve(r: ThreadResult): void; reject(e: Error): void }>();
	let next = 0;
	let ended = false;
	const exited = new Promise<void>((resolve) => {
		const end = () => {
			ended = true;
			for (const call of pending.values()) call.reject(gone());
			pending.clear();
			resolve();
		};
		worker.once('exit', end);
		// An uncaught error in the thread (its WebAssembly aborting) ends it; calls fail as 503s.
		worker.once('error', () => void worker.terminate());
	});
	worker.on('message', (message: { id: number; result?: ThreadResult; error?: object }) => {
		const call = pending.get(message.id);
		if (!call) return;
		pending.delete(message.id);
		if (message.error) call.reject(rebuild(message.error as Record<string, unknown>));
		else call.resolve(message.result as ThreadResult);
	});

	function send(message: object): Promise<ThreadResult> {
		if (ended) return Promise.reject(gone());
		const id = next++;
		return new Promise<ThreadResult>((resolve, reject) => {
			pending.set(id, { resolve, reject });
			worker.postMessage({ id, ...message });
		});
	}

	return {
		run: (text, params) => send({ text, params }),
		async close() {
			if (ended) return;
			// PGlite writes out what it holds and closes its files; then the thread may go.
			await send({ close: true }).catch(() => {});
			await worker.terminate();
			await exited;
		},
		exited
	};
}
