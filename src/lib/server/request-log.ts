// One line per request: the route pattern (/facilities/[id], not the id), the status and the
// time taken. Never the query string, the path's values or anything from the request body: a
// search for addiction care, and where it was made from, is sensitive health information.

export interface RequestLogLine {
	method: string;
	/** SvelteKit's route id, or null when no route matched. */
	route: string | null;
	status: number;
	ms: number;
}

export function formatRequestLog({ method, route, status, ms }: RequestLogLine): string {
	return `${method} ${route ?? '(no route)'} ${status} ${ms.toFixed(1)}ms`;
}

// Lines are written in batches: stdout to a file or a pipe is a synchronous write per call, and
// under load one write per request cost ~8% of the server's time (scripts/bench/README.md,
// "npm run bench:load"). A line waits at most FLUSH_MS, and whatever waits is written on exit.
const FLUSH_MS = 100;
let pending: string[] = [];

function flush(): void {
	if (pending.length === 0) return;
	const text = `${pending.join('\n')}\n`;
	pending = [];
	process.stdout.write(text);
}

/** Logs one request's line (see formatRequestLog), batched with the others of FLUSH_MS. */
export function logRequest(line: RequestLogLine): void {
	pending.push(formatRequestLog(line));
	if (pending.length === 1) setTimeout(flush, FLUSH_MS).unref();
}

process.on('exit', flush);

/**
 * An error for the log without the values that may be in its message (Postgres quotes the input
 * it could not parse, and that input can be what someone searched for).
 */
export function redactError(error: unknown): string {
	if (!(error instanceof Error)) return 'non-Error thrown';
	const code = (error as { code?: unknown }).code;
	const message = error.message.replace(/"[^"]*"|'[^']*'/g, '"…"').replace(/-?\d+\.\d+/g, '…');
	return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${message}`;
}
