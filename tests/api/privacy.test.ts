import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { getOk, url } from './http';

// Every response carries the security headers; a search sets no cookie and leaves no trace of
// its place or filters in the server's log.

const BOSTON = { lat: '42.36012', lng: '-71.05893' };

async function anyProgramId(): Promise<string> {
	const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [['limit', 1]]);
	return items[0]!.id;
}

describe('security headers', () => {
	const pages = async () => [
		'/',
		'/search?near=Worcester%2C+MA&medication=methadone',
		`/facilities/${await anyProgramId()}`,
		'/about/privacy',
		'/help',
		'/api/facilities?near=01608',
		'/api/facilities.geojson?near=01608',
		'/api/filters',
		'/api/no-such-thing',
		'/no-such-page'
	];

	test('are on pages, API answers and errors alike', async () => {
		for (const path of await pages()) {
			const response = await fetch(url(path));
			const h = response.headers;
			expect(h.get('x-content-type-options'), path).toBe('nosniff');
			expect(h.get('referrer-policy'), path).toBe('no-referrer');
			expect(h.get('permissions-policy'), path).toMatch(/(^|, )geolocation=\(self\)/);
			const csp = h.get('content-security-policy') ?? '';
			expect(csp, path).toMatch(/frame-ancestors 'none'/);
			// No third-party origin anywhere in the policy (no map style is configured here).
			expect(csp, path).not.toMatch(/https?:\/\//);
		}
	});

	test("pages get a strict policy: own origin only, SvelteKit's script by hash", async () => {
		const response = await fetch(url('/search?near=01608'));
		const csp = Object.fromEntries(
			(response.headers.get('content-security-policy') ?? '')
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.map(([name, ...values]) => [name, values])
		) as Record<string, string[]>;
		expect(csp['default-src']).toEqual(["'self'"]);
		expect(csp['script-src']).toContain("'self'");
		expect(csp['script-src']).not.toContain("'unsafe-inline'");
		expect(csp['script-src']).not.toContain("'unsafe-eval'");
		expect(csp['object-src']).toEqual(["'none'"]);
		expect(csp['connect-src']).toEqual(["'self'"]);
		// Every inline script on the page is one the policy names by its hash.
		const html = await response.text();
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
			(m) => m[1]!
		);
		expect(inline.length).toBeGreaterThan(0);
		for (const script of inline) {
			const hash = createHash('sha256').update(script).digest('base64');
			expect(csp['script-src']).toContain(`'sha256-${hash}'`);
		}
	});
});

describe('privacy', () => {
	test('searching sets no cookie', async () => {
		for (const path of [
			`/search?lat=${BOSTON.lat}&lng=${BOSTON.lng}&medication=buprenorphine`,
			'/search?near=02139',
			`/api/facilities?lat=${BOSTON.lat}&lng=${BOSTON.lng}`,
			'/api/facilities.geojson?near=02139'
		]) {
			const response = await fetch(url(path));
			expect(response.status, path).toBe(200);
			expect(response.headers.get('set-cookie'), path).toBeNull();
		}
	});

	test('the server log has the route, status and time of a search, and nothing of its place', async () => {
		const log = inject('serverLog');
		// Earlier tests' lines can still be on their way through the pipe: start counting once the
		// log has stopped growing, or they would be taken for this test's own (a CI run saw the
		// cookie test's last two lines counted here, and this test's /api/facilities line missed).
		let before = -1;
		for (let i = 0; i < 50; i++) {
			const size = (await readFile(log, 'utf8')).length;
			if (size === before) break;
			before = size;
			await new Promise((r) => setTimeout(r, 200));
		}
		const searches = [
			`/search?lat=${BOSTON.lat}&lng=${BOSTON.lng}&medication=naltrexone`,
			'/search?near=Cambridge%2C+MA&family=pregnant',
			`/api/facilities?lat=${BOSTON.lat}&lng=${BOSTON.lng}&payment=medicaid`,
			'/api/facilities.geojson?near=02139&radius=10'
		];
		for (const path of searches) expect((await fetch(url(path))).status, path).toBe(200);
		// The server writes its log through a pipe: wait for the four lines.
		let written = '';
		for (let i = 0; i < 50; i++) {
			written = (await readFile(log, 'utf8')).slice(before);
			if ((written.match(/^GET \/(search|api\/facilities(\.geojson)?) 200 /gm) ?? []).length >= 4)
				break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(written).toMatch(/^GET \/search 200 \d+\.\dms$/m);
		expect(written).toMatch(/^GET \/api\/facilities 200 \d+\.\dms$/m);
		expect(written).toMatch(/^GET \/api\/facilities\.geojson 200 \d+\.\dms$/m);
		const whole = await readFile(log, 'utf8');
		for (const secret of [
			'42.36',
			'71.05',
			'02139',
			'Cambridge',
			'naltrexone',
			'pregnant',
			'medicaid'
		]) {
			expect(whole, `the log mentions ${secret}`).not.toContain(secret);
		}
	});
});
