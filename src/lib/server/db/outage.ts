/**
 * Tells "the database is unreachable right now" apart from every other failure. Those errors are
 * temporary by nature (a restart, a failover, a full connection table), so callers answer 503
 * with Retry-After instead of 500, and the pg pool reconnects on its own once the server is back.
 */

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** What a person (or a client) is told, without the error text: that can carry connection details. */
export const OUTAGE_MESSAGE =
	'The program directory is unavailable for a moment. Please try again in a few seconds.';

/** Refused by the load shedding in db/fair-gate.ts: too many requests at once. */
export class DatabaseBusy extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DatabaseBusy';
	}
}

// Socket-level failures, from net/dns, on connect or mid-query.
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);

// SQLSTATEs the server sends while it cannot serve: class 08 is "connection exception".
const SQLSTATES = new Set([
	'57P01', // admin_shutdown: pg_ctl stop -m fast / smart terminated our session
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now: starting up or shutting down
	'53300', // too_many_connections
	'57014' // query_canceled: statement_timeout fired, the server is too slow to answer now
]);

// node-postgres reports these as plain Errors without a code.
const PG_MESSAGES = [
	/^Connection terminated/,
	/timeout exceeded when trying to connect/,
	/Query read timeout/,
	/is not queryable/,
	/Client was closed and is not queryable/
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (!(error instanceof Error) || depth > 4) return false;
	if (error instanceof DatabaseBusy) return true;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') {
		if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) return true;
	}
	if (PG_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
	// Connecting to "localhost" tries ::1 and 127.0.0.1 and fails with both in an AggregateError.
	if (
		error instanceof AggregateError &&
		error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))
	)
		return true;
	return isDatabaseUnavailable(error.cause, depth + 1);
}
