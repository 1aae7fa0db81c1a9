import { isErrorShape } from '../../src/lib/server/api-error-shape';

// What every response must carry, whatever asked for it (tests/api/headers.test.ts walks the
// routes and statuses, tests/api/hostile.test.ts sends what an attacker would): the oracle for
// both, written from the rules rather than from the server's code.

export interface Seen {
	status: number;
	/** Lower-case names. */
	headers: Record<string, string>;
	body: string;
}

// The only answers that may be kept by shared caches: they name no place, id or person.
const PUBLIC_PATHS = new Set(['/api/filters', '/api/openapi.json']);
const HASHED = '/_app/immutable/';
// The build's own directory names nothing; SvelteKit answers a miss there itself, `public,
// max-age=0, must-revalidate`.
const BUILD = '/_app/';

export function headersOf(response: Response): Record<string, string> {
	return Object.fromEntries([...response.headers].map(([name, value]) => [name, value]));
}

/** The directives of a Cache-Control value, lower-case, without values. */
export function directives(value: string | undefined): string[] {
	return (value ?? '')
		.toLowerCase()
		.split(',')
		.map((d) => d.trim())
		.filter(Boolean);
}

/** Whether a request target (as sent) or the path it resolves to is under /api. */
export function underApi(sent: string): boolean {
	const raw = sent.startsWith('/') ? sent : (/^https?:\/\/[^/]*(\/.*)?$/i.exec(sent)?.[1] ?? '');
	let resolved = '';
	try {
		resolved = new URL(raw, 'http://x').pathname;
	} catch {
		// Not a URL at all: only the raw form counts.
	}
	return [raw, resolved].some((p) => p === '/api' || /^\/api[/?#]/.test(p));
}

/** Everything wrong with one answer to `sent` (its request target), as readable lines. */
export function problems(sent: string, seen: Seen, method = 'GET'): string[] {
	const found: string[] = [];
	const h = seen.headers;
	const expect = (ok: boolean, what: string) => {
		if (!ok) found.push(`${seen.status} ${sent.slice(0, 120)}: ${what}`);
	};
	expect(seen.status < 500, 'a server error');
	expect(h['x-content-type-options'] === 'nosniff', 'no nosniff');
	expect(h['referrer-policy'] === 'no-referrer', 'no Referrer-Policy: no-referrer');
	// A script's own policy would become that of a worker started from it (the map's): scripts
	// have none, everything else one that forbids framing.
	const path = sent.split('?')[0] ?? '';
	const script = /\.m?js$/i.test(path) || /javascript/i.test(h['content-type'] ?? '');
	// A 304's headers replace the kept answer's: it carries no policy, so the page keeps its own.
	if (seen.status === 304) expect(!h['content-security-policy'], 'a 304 replaces the policy');
	else if (!script) {
		expect(/frame-ancestors 'none'/.test(h['content-security-policy'] ?? ''), 'no CSP');
	}
	expect(!('set-cookie' in h), 'sets a cookie');

	const cache = directives(h['cache-control']);
	const hashed = path.startsWith(HASHED) && !path.includes('..') && !path.includes('%');
	expect(cache.length > 0, 'no Cache-Control');
	if (hashed && (seen.status === 200 || seen.status === 304)) {
		expect(
			['public', 'max-age=31536000', 'immutable'].every((d) => cache.includes(d)),
			`a hashed file not public and immutable: ${h['cache-control']}`
		);
	} else if (!(PUBLIC_PATHS.has(path) && seen.status < 400) && !path.startsWith(BUILD)) {
		expect(
			!cache.includes('public') && (cache.includes('private') || cache.includes('no-store')),
			`may be kept by a shared cache: ${h['cache-control']}`
		);
	}

	const type = h['content-type'] ?? '';
	if (type.startsWith('text/html')) {
		const csp = h['content-security-policy'] ?? '';
		expect(/default-src 'self'/.test(csp) && !/unsafe-eval/.test(csp), `a page's CSP: ${csp}`);
	}
	if (seen.status >= 400 && seen.status !== 304) {
		expect(type !== '' || seen.body === '', 'an error body without a Content-Type');
		if (method === 'HEAD' && underApi(sent)) expect(/[/+]json\b/.test(type), 'not JSON');
	}
	if (seen.status === 405) expect(Boolean(h['allow']), '405 without Allow');
	// A HEAD answer has the headers of the GET one and no body.
	if (seen.status >= 400 && underApi(sent) && method !== 'HEAD') {
		let body: unknown;
		try {
			body = JSON.parse(seen.body);
		} catch {
			body = undefined;
		}
		expect(
			/[/+]json\b/.test(type) && isErrorShape(body),
			`an /api error not in the JSON error shape: ${type} ${seen.body.slice(0, 80)}`
		);
	}
	expect(
		!/node_modules|\n\s+at .+:\d+:\d+|\/work\/|Error: /.test(seen.body),
		'a stack trace or file path in the body'
	);
	return found;
}
