import { Random } from './random';
import { rawText, target } from './raw';

// The audit's hostile request classes, drawn from a seed (the same requests on every run and
// both backends). Each is raw bytes, so that nothing (a URL parser resolving `..`, a client
// refusing a method) softens it on the way. None is a valid report: a report would take the
// test client's allowance and add a row; the report form's own tests cover that.

export interface Hostile {
	kind: string;
	method: string;
	/** The request target as sent. */
	sent: string;
	text: string | Buffer;
}

export const METHODS = [
	'GET',
	'HEAD',
	'POST',
	'PUT',
	'DELETE',
	'PATCH',
	'OPTIONS',
	'TRACE',
	'CONNECT',
	'PROPFIND',
	'PROPPATCH',
	'MKCOL',
	'LOCK',
	'BREW'
];

const ESCAPES = [
	'%00',
	'%0A',
	'%0D%0ASet-Cookie:%20a=1',
	'%E2%80%AE',
	'%E2%80%8F',
	'%E2%81%A6x%E2%81%A9',
	'%EF%BB%BF',
	'%FF',
	'%FE%FF',
	'%C0%AF',
	'%C0%80',
	'%ED%A0%80',
	'%F4%90%80%80',
	'%E2%82',
	'%%',
	'%G1',
	'%u202E',
	'%25%30%30',
	'%2e%2e%2f',
	'\u202e'
];

const TRAVERSALS = [
	'../../../../etc/passwd',
	'..%2f..%2f..%2f..%2fetc%2fpasswd',
	'%2e%2e/%2e%2e/%2e%2e/etc/passwd',
	'..\\..\\..\\package.json',
	'....//....//....//etc/passwd',
	'%252e%252e/%252e%252e/package.json',
	'.%00./.%00./package.json',
	'/etc/passwd',
	'./././../package.json',
	'%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
	'..%5c..%5c..%5cpackage.json',
	'..;/..;/package.json'
];
const TRAVERSAL_PREFIXES = [
	'/',
	'/_app/',
	'/_app/immutable/',
	'/_app/immutable/chunks/',
	'/api/',
	'/facilities/',
	'/states/',
	'/favicon.svg/'
];
const SECRETS = ['etc/passwd', 'package.json', '.env', 'build/handler.js', '.data/postmaster.pid'];

// What must never come back from a traversal.
export const LEAKS = [
	/root:x:0:0/,
	/"name":\s*"mat-locator"/,
	/createAppServer|export const handle/
];

const HEADERS: Record<string, string>[] = [
	{ host: 'evil.example' },
	{ host: '' },
	{ host: 'a'.repeat(5_000) },
	{ host: '[::1]' },
	{ host: 'x y' },
	{ host: 'evil.example/path?q' },
	{ host: 'user@evil.example' },
	{ host: 'localhost:99999' },
	{
		'x-forwarded-for': Array.from({ length: 500 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(', ')
	},
	{ 'x-forwarded-for': 'unknown' },
	{ 'x-forwarded-for': '<script>alert(1)</script>' },
	{ 'x-forwarded-for': '999.999.999.999, ::ffff:1.2.3.4' },
	{ 'x-forwarded-for': '' },
	{ 'x-forwarded-proto': 'javascript' },
	{ 'x-forwarded-proto': 'https, http' },
	{ 'x-forwarded-host': 'evil.example' },
	{ origin: 'null' },
	{ origin: 'http://evil.example' },
	{ referer: `http://evil.example/${'r'.repeat(4_000)}` },
	{ cookie: 'a'.repeat(8_000) },
	{ cookie: '=;;;__proto__=1; constructor=2' },
	{ 'accept-encoding': 'gzip;q=2' },
	{ 'accept-encoding': 'br;q=0, gzip;q=0, identity;q=0' },
	{ 'accept-encoding': 'x'.repeat(2_000) },
	{ accept: 'application/json' },
	{ accept: '*/*;q=abc' },
	{ 'if-none-match': '*' },
	{ 'if-none-match': '"a", '.repeat(500) },
	{ 'if-modified-since': 'yesterday' },
	{ range: 'bytes=0-0' },
	{ range: 'bytes=-1' },
	{ range: 'bytes=99999999-' },
	{ range: 'bytes=0-1,2-3,4-5' },
	{ range: 'items=a-b' },
	{ 'content-length': '-1' },
	{ 'content-length': 'abc' },
	{ 'content-length': '1, 2' },
	{ upgrade: 'websocket' },
	{ expect: '100-continue' },
	{ expect: 'tea' },
	{ 'x-sveltekit-action': 'true' },
	{ 'x-sveltekit-pathname': '/api/facilities', 'x-sveltekit-search': '?near=1' },
	{ 'x-sveltekit-invalidated': '1111' },
	{ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
	{ 'user-agent': '() { :; }; echo vulnerable' },
	{ 'user-agent': 'u'.repeat(8_000) },
	{ te: 'trailers, gzip' },
	{ 'x-latin': '\u00e9\u00ff' },
	{ 'x-nul': 'a\u0000b' },
	{ 'x-fold': 'a\r\n b' },
	{ 'x-dup': 'a', 'X-DUP': 'b' },
	Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-h${i}`, String(i)]))
];

const CONTENT_TYPES = [
	'application/json',
	'text/xml',
	'multipart/form-data; boundary=x',
	'multipart/form-data',
	'application/x-www-form-urlencoded',
	'application/x-www-form-urlencoded; charset=utf-16',
	'text/plain',
	'application/octet-stream',
	'image/png',
	''
];
const BODIES = [
	'{"kind":"closed"}',
	'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
	'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnope\r\n--x--\r\n',
	'--x\r\nbroken',
	'kind=nope&details=x',
	'kind=%ZZ&details=%',
	'kind=%00&details=%00%00',
	`kind=other&details=${'d'.repeat(100_000)}`,
	'kind=<script>&kind=CLOSED',
	'',
	'\u0000\u0001\u00ff',
	'a'.repeat(600_000)
];

/** `id`: a program's id; `hashed`: a file of the build's /_app/immutable/. */
export function hostileCases(
	seed: number,
	minimum: number,
	{ id, hashed }: { id: string; hashed: string }
): Hostile[] {
	const random = new Random(seed);
	const { host, port } = target();
	const own = `http://${host}:${port}`;
	const xff = () => `203.0.113.${random.int(1, 254)}`;
	const paths = [
		'/',
		'/search',
		'/search?near=10001',
		'/api/facilities',
		'/api/facilities?near=10001',
		'/api/facilities.geojson?near=10001&radius=10',
		`/api/facilities/${id}`,
		'/api/filters',
		'/api/openapi.json',
		'/api/places/nearest-zip?lat=40&lng=-74',
		'/api/nope',
		`/facilities/${id}`,
		'/healthz',
		'/shortlist',
		`/shortlist/compare?ids=${id}`,
		`/shortlist/shared?ids=${id}`,
		'/states/NY',
		'/about/privacy',
		'/help',
		'/favicon.svg',
		'/_app/version.json',
		hashed
	];
	const cases: Hostile[] = [];
	const add = (kind: string, method: string, sent: string, text: string | Buffer) =>
		cases.push({ kind, method, sent, text });
	const request = (
		kind: string,
		method: string,
		sent: string,
		headers: Record<string, string> = {},
		body = ''
	) =>
		add(kind, method, sent, rawText(method, sent, { 'x-forwarded-for': xff(), ...headers }, body));

	// 14 methods on every kind of address, with and without a body.
	for (const method of METHODS) {
		for (const path of paths) {
			request('methods', method, path);
			request(
				'methods',
				method,
				path,
				{ 'content-type': 'application/octet-stream', 'content-length': '3' },
				'x=1'
			);
		}
	}
	// Queries around Node's 16 KB limit on the URL and headers.
	for (let i = 0; i < 300; i++) {
		const base = random.pick(paths).split('?')[0]!;
		const key = random.pick(['near', 'ids', 'medication', 'x', 'lat']);
		const fill = random.pick(['a', '%41', '9', ',', '%E2%80%AE']);
		const length = random.int(12_000, 17_500);
		request(
			'16 KB queries',
			'GET',
			`${base}?${key}=${fill.repeat(Math.ceil(length / fill.length)).slice(0, length)}`
		);
	}
	// 1,000 repeats of one parameter.
	for (let i = 0; i < 300; i++) {
		const base = random.pick(paths).split('?')[0]!;
		const pair = random.pick([
			'lat=1',
			'ids=a',
			'radius=5',
			'limit=1',
			'page=2',
			'x=',
			'=',
			'near=',
			'offset=9',
			'medication=methadone'
		]);
		request('1,000 parameters', 'GET', `${base}?${`${pair}&`.repeat(1_000)}`);
	}
	// NUL, right-to-left marks and broken UTF-8, in paths, keys and values.
	const templates = [
		(e: string) => `/search?near=${e}10001`,
		(e: string) => `/api/facilities?near=Boston${e}&medication=${e}`,
		(e: string) => `/api/facilities?${e}=1`,
		(e: string) => `/api/facilities/${e}`,
		(e: string) => `/facilities/${id}${e}`,
		(e: string) => `/states/N${e}`,
		(e: string) => `/shortlist/compare?ids=${id},${e}`,
		(e: string) => `/api/${e}`,
		(e: string) => `/${e}`,
		(e: string) => `/_app/immutable/${e}.js`,
		(e: string) => `/api/facilities.geojson?near=${e}&radius=${e}`,
		(e: string) => `/api/places/nearest-zip?lat=${e}&lng=1`
	];
	for (const escape of ESCAPES) {
		for (const template of templates) {
			const sent = template(escape);
			request('escapes', 'GET', sent);
			request('escapes', 'HEAD', sent);
		}
	}
	// Traversal, plain and encoded, from every prefix.
	for (const prefix of TRAVERSAL_PREFIXES) {
		for (const traversal of TRAVERSALS) {
			for (const secret of random.sample(SECRETS, 3)) {
				const sent = prefix + traversal.replace(/(etc\/passwd|package\.json)$/, secret);
				request('traversal', 'GET', sent);
			}
		}
	}
	// Hostile headers, one to three at a time.
	for (let i = 0; i < 1_500; i++) {
		const headers = Object.assign({}, ...random.sample(HEADERS, random.int(1, 3))) as Record<
			string,
			string
		>;
		request('headers', random.pick(['GET', 'HEAD', 'GET']), random.pick(paths), headers);
	}
	// Bodies of the wrong type (or size) where forms and the API are.
	const posts = [
		`/facilities/${id}?/report`,
		`/facilities/${id}`,
		'/api/facilities',
		'/search',
		`/shortlist/compare?ids=${id}`,
		'/api/nope'
	];
	for (let i = 0; i < 600; i++) {
		const body = random.next() < 0.03 ? BODIES.at(-1)! : random.pick(BODIES.slice(0, -1));
		const type = random.pick(CONTENT_TYPES);
		const headers: Record<string, string> = {
			'content-length': String(Buffer.byteLength(body)),
			...(type ? { 'content-type': type } : {}),
			// Mostly from the site itself (as its proxy would say), so that they reach the app.
			...(random.next() < 0.7
				? { origin: own, 'x-forwarded-proto': 'http' }
				: { origin: 'http://evil.example' })
		};
		request(
			'wrong bodies',
			random.pick(['POST', 'POST', 'PUT', 'PATCH']),
			random.pick(posts),
			headers,
			body
		);
	}
	// Up to 20,000 ids.
	for (let i = 0; i < 200; i++) {
		const count = random.pick([51, 200, 1_000, 20_000]);
		const ids = Array.from({ length: count }, () =>
			Math.floor(random.next() * 2 ** 48)
				.toString(16)
				.padStart(12, '0')
		);
		const page = random.pick(['/shortlist/compare', '/shortlist/shared']);
		request('20,000 ids', 'GET', `${page}?ids=${ids.join(random.pick([',', '%2C']))}`);
	}
	// CONNECT, as to a proxy and as to a path.
	for (const sent of ['example.com:443', '127.0.0.1:22', '[::1]:80', '/api/facilities', '/', '*']) {
		for (let i = 0; i < 10; i++)
			request(
				'CONNECT',
				'CONNECT',
				sent,
				i % 2 ? { 'content-length': '2' } : {},
				i % 2 ? 'hi' : ''
			);
	}
	// Transfer-Encoding on static files.
	const encodings: [Record<string, string>, string][] = [
		[{ 'transfer-encoding': 'chunked' }, '5\r\nhello\r\n0\r\n\r\n'],
		[{ 'transfer-encoding': 'chunked' }, 'zz\r\nhello\r\n0\r\n\r\n'],
		[{ 'transfer-encoding': 'chunked' }, `5;${'e'.repeat(20_000)}\r\nhello\r\n0\r\n\r\n`],
		[{ 'transfer-encoding': 'gzip' }, 'hello'],
		[{ 'transfer-encoding': 'gzip, chunked' }, '0\r\n\r\n'],
		[{ 'transfer-encoding': 'chunked, gzip' }, '0\r\n\r\n'],
		[{ 'transfer-encoding': 'identity' }, ''],
		[{ 'transfer-encoding': 'Chunked' }, '0\r\n\r\n'],
		[{ 'transfer-encoding': 'xchunked' }, '0\r\n\r\n'],
		[{ 'transfer-encoding': 'chunked', 'content-length': '5' }, '0\r\n\r\n'],
		[{ 'transfer-encoding': 'chunked', 'Transfer-Encoding': 'chunked' }, '0\r\n\r\n']
	];
	const statics = [
		'/favicon.svg',
		'/_app/version.json',
		hashed,
		'/_app/immutable/nope.js',
		'/favicon.svg.gz',
		'/api/facilities'
	];
	for (const [headers, body] of encodings) {
		for (const path of statics) {
			for (const method of ['GET', 'HEAD', 'POST', 'PUT'])
				request('Transfer-Encoding', method, path, headers, body);
		}
	}
	// The rest, to the count asked for: the cheap classes again, mixed.
	while (cases.length < minimum) {
		const escape = random.pick(ESCAPES);
		const headers = random.pick(HEADERS);
		request('mixed', random.pick(METHODS), random.pick(templates)(escape), headers);
	}
	return cases;
}
