import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FILTER_GROUPS } from '../../src/lib/filters';
import { url } from './http';

// Property-based fuzzing of every route that takes input: thousands of random and hostile query
// strings and path segments (SQL, huge numbers, NaN, unicode, lone surrogates, broken escapes,
// repeated parameters, 10 KB values). Whatever arrives, the server never answers 5xx: the JSON
// API answers 200 for valid input and otherwise a JSON 400/404 with a message; pages answer
// 200/303/400/404. FUZZ_SEED=<n> replays a run; the seed is printed either way.

const seed = Number(process.env.FUZZ_SEED ?? Date.UTC(2026, 10, 22) / 1000);
console.log(`fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it)`);

const KEYS = [
	'near',
	'lat',
	'lng',
	'radius',
	'limit',
	'offset',
	'page',
	'id',
	...FILTER_GROUPS.map((g) => g.key)
];
const OPTIONS = FILTER_GROUPS.flatMap((g) => g.options.map((o) => o.value));
const HOSTILE = [
	"'; drop table facility; --",
	"' or '1'='1",
	'1 union select null, version() --',
	"1'); select pg_sleep(30); --",
	'$1',
	'\\',
	'%',
	'%zz',
	'%E0%A4%A',
	'%00',
	'\u0000',
	'\ud800',
	'\udfff\ud800',
	'😀'.repeat(50),
	'ﷺ'.repeat(20),
	'\u202e10001',
	'NaN',
	'-NaN',
	'Infinity',
	'-Infinity',
	'1e308',
	'-1e309',
	'9'.repeat(400),
	'0x1F',
	'1_000',
	'0b1',
	'+25',
	'25.0000000000000001',
	'-0',
	'null',
	'undefined',
	'[]',
	'{}',
	'__proto__',
	'constructor',
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'Boston, MA',
	'10001',
	'40.7128, -74.0060',
	'90, 180',
	'-91, 0'
];

const char = fc.constantFrom('A', 'é', '😀', '%', "'", ',', '0', ' ');
const value = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
	{ weight: 3, arbitrary: fc.constantFrom(...OPTIONS, '5', '10', '25', '50', '100', '250') },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
	{ weight: 2, arbitrary: fc.double().map(String) },
	{ weight: 1, arbitrary: fc.bigInt().map(String) },
	{
		weight: 1,
		arbitrary: fc.tuple(char, fc.integer({ min: 1, max: 10_240 })).map(([c, n]) => c.repeat(n))
	}
);
const key = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...KEYS) },
	{ weight: 1, arbitrary: fc.constantFrom(...KEYS).map((k) => k.toUpperCase()) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.constantFrom(...HOSTILE) }
);
const pair = fc.tuple(key, value);
// A parameter repeated 2–20 times with different values, among others.
const repeated = fc
	.tuple(key, fc.array(value, { minLength: 2, maxLength: 20 }))
	.map(([k, vs]) => vs.map((v) => [k, v] as [string, string]));
// Escapes that URLSearchParams would never produce, appended as they are.
const raw = fc.constantFrom('', '', '', '&', '&&=&', '%', '%zz', '%E0%A4%A', '=', 'near', 'a=%00');

const query = fc
	.tuple(fc.array(pair, { maxLength: 8 }), fc.option(repeated, { nil: [] }), raw)
	.map(([pairs, more, tail]) => {
		const text = new URLSearchParams([...pairs, ...more]).toString();
		return text && tail ? `${text}&${tail}` : text || tail;
	});
// A path segment: lone surrogates become U+FFFD (encodeURIComponent refuses them), and raw
// escapes of invalid UTF-8 are sent as they are. (Dot segments are not: fetch resolves them.)
const encode = (text: string) => encodeURIComponent(Buffer.from(text).toString());
const segment = fc.oneof(
	fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 12, maxLength: 12 }),
	fc.constantFrom(...HOSTILE).map(encode),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).map(encode),
	fc.constantFrom('%ED%A0%80', '%C0%AF', '%FF', '%', '%zz', '%2F', '%00', '%5C')
);

const JSON_TYPE = /^application\/(geo\+)?json/;

interface Answer {
	status: number;
	type: string;
	text: string;
}

async function fetchPath(pathAndQuery: string): Promise<Answer> {
	const response = await fetch(url(pathAndQuery), {
		redirect: 'manual',
		signal: AbortSignal.timeout(15_000)
	});
	const text = await response.text();
	return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

// Node's limit on the request line and headers: beyond it the server (scripts/start.ts) answers
// 431 before the app sees the request, in the same JSON shape.
const MAX_HEADER_BYTES = 16 * 1024;
const allowed = (target: string, statuses: number[]) =>
	target.length > MAX_HEADER_BYTES - 200 ? [...statuses, 431] : statuses;

/** An API answer: 200 for valid input, else a JSON 400/404 with a message. Never a 5xx. */
async function expectApiAnswer(target: string): Promise<void> {
	const answer = await fetchPath(target);
	const where = `GET ${target.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 200)}`;
	expect(allowed(target, [200, 400, 404]), where).toContain(answer.status);
	expect(answer.type, where).toMatch(JSON_TYPE);
	if (answer.status !== 200) {
		const body = JSON.parse(answer.text) as { error?: { message?: unknown } };
		expect(typeof body.error?.message, where).toBe('string');
	}
}

/** A page answer: the page, a redirect, or its 400/404 error page. Never a 5xx. */
async function expectPageAnswer(target: string): Promise<void> {
	const answer = await fetchPath(target);
	const where = `GET ${target.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 200)}`;
	expect(allowed(target, [200, 303, 400, 404]), where).toContain(answer.status);
}

const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);

// [route, requests built from a query and a path segment, runs, check]
const routes: [string, (q: string, s: string) => string, number, (t: string) => Promise<void>][] = [
	['/api/facilities', (q) => withQuery('/api/facilities', q), 700, expectApiAnswer],
	['/api/facilities.geojson', (q) => withQuery('/api/facilities.geojson', q), 250, expectApiAnswer],
	['/api/facilities/[id]', (q, s) => withQuery(`/api/facilities/${s}`, q), 500, expectApiAnswer],
	['/api/filters', (q) => withQuery('/api/filters', q), 250, expectApiAnswer],
	['/api/openapi.json', (q) => withQuery('/api/openapi.json', q), 150, expectApiAnswer],
	['/api/places/nearest-zip', (q) => withQuery('/api/places/nearest-zip', q), 250, expectApiAnswer],
	['unknown /api paths', (q, s) => withQuery(`/api/${s}/${s}`, q), 300, expectApiAnswer],
	['/search', (q) => withQuery('/search', q), 400, expectPageAnswer],
	['/facilities/[id]', (q, s) => withQuery(`/facilities/${s}`, q), 300, expectPageAnswer]
];

describe('fuzz: never a 5xx', () => {
	test.each(routes)('%s', { timeout: 120_000 }, async (_route, build, numRuns, check) => {
		const started = performance.now();
		await fc.assert(
			fc.asyncProperty(query, segment, (q, s) => check(build(q, s))),
			{ seed, numRuns }
		);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(`fuzz: ${_route}: ${numRuns} requests in ${seconds} s`);
	});
});
