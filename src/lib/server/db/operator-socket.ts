import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { connect as connectSocket, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

// Only one process may open the embedded database's files (db/data-dir-lock.ts). While `npm
// start` serves, the operator's commands (npm run db:import, corrections:export, db:migrate …)
// reach the database through it instead: over a Unix socket in DATA_DIR that only the owner of
// the files may open (mode 0600, as the files themselves), each command's sessions become
// sessions of the server's own pool. A command that ends or dies mid-transaction has it rolled
// back, so an import still completes or changes nothing.

/** The socket's path; a Unix socket path may be about 100 bytes long at most. */
export function operatorSocketPath(dataDir: string): string {
	return path.join(path.resolve(dataDir), 'operator.sock');
}
const MAX_SOCKET_PATH = 100;

type Ask =
	| { id: number; op: 'hello' }
	| { id: number; op: 'connect' }
	| { id: number; op: 'query'; session: number; text: string; params: unknown[] }
	| { id: number; op: 'release'; session: number };

type Answer = { id: number; result?: unknown; error?: Record<string, unknown> };

/** Length-prefixed V8 serialization: dates, arrays and numbers arrive as they left. */
function frames(socket: Socket, onMessage: (message: unknown) => void): void {
	let buffered = Buffer.alloc(0);
	socket.on('data', (chunk) => {
		buffered = Buffer.concat([buffered, chunk]);
		while (buffered.length >= 4) {
			const length = buffered.readUInt32BE(0);
			if (buffered.length < 4 + length) break;
			const body = buffered.subarray(4, 4 + length);
			buffered = buffered.subarray(4 + length);
			onMessage(deserialize(body));
		}
	});
}

function send(socket: Socket, message: unknown): void {
	const body = serialize(message);
	const head = Buffer.alloc(4);
	head.writeUInt32BE(body.length);
	socket.write(Buffer.concat([head, body]));
}

function describe(error: unknown): Record<string, unknown> {
	const fields = { ...(error as Record<string, unknown>) };
	return { ...fields, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Serves the operator socket from the pool of the process that owns the database. Call only
 * while holding the data directory's lock: a socket file left by a process that died is removed.
 */
export async function serveOperatorSocket(
	dataDir: string,
	pool: PostgresPool
): Promise<{ close(): Promise<void> } | null> {
	const file = operatorSocketPath(dataDir);
	if (file.length > MAX_SOCKET_PATH) {
		console.warn(
			`The path ${file} is too long for a Unix socket: commands such as npm run db:import ` +
				'cannot reach the embedded database while the server runs. Use a shorter DATA_DIR.'
		);
		return null;
	}
	if (existsSync(file)) unlinkSync(file);
	const server: Server = createServer((socket) => serveConnection(socket, pool));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(file, () => resolve());
	});
	chmodSync(file, 0o600);
	return {
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				if (existsSync(file)) unlinkSync(file);
			})
	};
}

function serveConnection(socket: Socket, pool: PostgresPool): void {
	const sessions = new Map<number, PostgresPoolClient>();
	let next = 0;
	socket.on('error', () => socket.destroy());
	socket.on('close', () => {
		// A command gone mid-transaction must not leave it open, nor the session taken.
		for (const client of sessions.values()) {
			void Promise.resolve(client.query('rollback', []))
				.catch(() => {})
				.finally(() => client.release());
		}
		sessions.clear();
	});
	frames(socket, (message) => {
		const ask = message as Ask;
		void answer(ask).then(
			(result) => send(socket, { id: ask.id, result } satisfies Answer),
			(error: unknown) => send(socket, { id: ask.id, error: describe(error) } satisfies Answer)
		);
	});

	async function answer(ask: Ask): Promise<unknown> {
		switch (ask.op) {
			case 'hello':
				return { pid: process.pid };
			case 'connect': {
				const client = await pool.connect();
				if (socket.destroyed) {
					client.release();
					throw new Error('the command has gone');
				}
				const session = next++;
				sessions.set(session, client);
				return session;
			}
			case 'query': {
				const client = sessions.get(ask.session);
				if (!client) throw new Error('no such session');
				const { rows, command, rowCount } = await client.query(ask.text, ask.params);
				return { rows, command, rowCount };
			}
			case 'release':
				sessions.get(ask.session)?.release();
				sessions.delete(ask.session);
				return null;
		}
	}
}

/**
 * The server's database as a pool for this process, or null when no server answers on the
 * socket (none runs; or it is still starting).
 */
export async function operatorSocketPool(
	dataDir: string
): Promise<(PostgresPool & { serverPid: number }) | null> {
	const file = operatorSocketPath(dataDir);
	if (!existsSync(file)) return null;
	const socket = connectSocket(file);
	const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
	let next = 0;
	const lost = () =>
		Object.assign(new Error('the server closed the connection'), { code: '57P01' });
	const opened = await new Promise<boolean>((resolve) => {
		socket.once('connect', () => resolve(true));
		socket.once('error', () => resolve(false));
	});
	if (!opened) {
		socket.destroy();
		return null;
	}
	socket.on('error', () => socket.destroy());
	socket.on('close', () => {
		for (const call of pending.values()) call.reject(lost());
		pending.clear();
	});
	frames(socket, (message) => {
		const { id, result, error } = message as Answer;
		const call = pending.get(id);
		pending.delete(id);
		if (error) call?.reject(Object.assign(new Error(String(error.message)), error));
		else call?.resolve(result);
	});
	const ask = (message: Record<string, unknown> & { op: Ask['op'] }) =>
		new Promise<unknown>((resolve, reject) => {
			if (socket.destroyed) return reject(lost());
			const id = next++;
			pending.set(id, { resolve, reject });
			send(socket, { ...message, id });
		});
	const { pid } = (await ask({ op: 'hello' })) as { pid: number };
	return {
		serverPid: pid,
		async connect() {
			const session = (await ask({ op: 'connect' })) as number;
			let released = false;
			return {
				query: ((text: string, params: readonly unknown[]) =>
					ask({ op: 'query', session, text, params: [...params] })) as PostgresPoolClient['query'],
				release() {
					if (released) return;
					released = true;
					void ask({ op: 'release', session }).catch(() => {});
				}
			};
		},
		async end() {
			socket.end();
			await new Promise((resolve) => socket.once('close', resolve));
		}
	};
}
