import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { freePort, root, stopServer } from '../../scripts/test/server';
import { postReport } from './form-post';

// Which origin a form post must come from (SvelteKit's CSRF check), depending on what the
// operator says about the proxy in front. A post that passes the check reaches the report action
// and, for a program id that cannot exist, is a 404 before any database work; one that fails it
// is a 403. So 404 here means "accepted as our own site's form".

// Not a program id at all (ids are [a-z0-9-]), so the action answers 404 without a query.
const NO_SUCH_PROGRAM = 'NOT_A_PROGRAM';
const PASSED = 404;
const REFUSED = 403;

const post = (baseURL: string, headers: Record<string, string>) =>
	postReport(baseURL, NO_SUCH_PROGRAM, { kind: 'closed' }, headers).then((r) => r.status);

describe('without PROTOCOL_HEADER, HOST_HEADER or ORIGIN (the test server)', () => {
	const base = () => inject('baseURL');
	const host = () => new URL(base()).host;

	test('a post from the page’s own origin passes, at an IP address or at localhost', async () => {
		expect(await post(base(), { origin: base() })).toBe(PASSED);
		const port = new URL(base()).port;
		const localhost = { host: `localhost:${port}`, origin: `http://localhost:${port}` };
		expect(await post(base(), localhost)).toBe(PASSED);
		expect(await post(base(), { origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(PASSED);
	});

	test('X-Forwarded-Proto from the client does not make the site https', async () => {
		const https = `https://${host()}`;
		expect(await post(base(), { 'x-forwarded-proto': 'https', origin: https })).toBe(REFUSED);
		// Nor the header the server writes for itself.
		expect(await post(base(), { 'x-mat-socket-protocol': 'https', origin: https })).toBe(REFUSED);
	});

	test('X-Forwarded-Host from the client does not name the site', async () => {
		const headers = { 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' };
		expect(await post(base(), headers)).toBe(REFUSED);
	});

	test('a Host naming another site is not vouched for (DNS rebinding)', async () => {
		const evil = { host: 'evil.example', origin: 'http://evil.example' };
		expect(await post(base(), evil)).toBe(REFUSED);
		const sameOrigin = { host: 'evil.example', origin: 'null', 'sec-fetch-site': 'same-origin' };
		expect(await post(base(), sameOrigin)).toBe(REFUSED);
	});
});

/** The built app on a port of its own with `settings`; its database is never reached. */
async function serve(
	settings: Record<string, string>
): Promise<{ url: string; child: ChildProcess }> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/api/serve-build.ts'], {
		cwd: root,
		env: {
			...process.env,
			...Object.fromEntries(
				['ORIGIN', 'ADDRESS_HEADER', 'XFF_DEPTH', 'PROTOCOL_HEADER', 'HOST_HEADER'].map((k) => [
					k,
					''
				])
			),
			...settings,
			PORT: String(port),
			// Nothing listens there: a request that reached the database would fail loudly.
			DATABASE_URL: 'postgres://127.0.0.1:9/unused'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 60_000;
	while (!output.includes('listening')) {
		if (child.exitCode !== null || Date.now() > deadline) {
			throw new Error(`the server did not start:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { url: `http://127.0.0.1:${port}`, child };
}

describe('behind a proxy that says so: PROTOCOL_HEADER and HOST_HEADER', () => {
	let server: Awaited<ReturnType<typeof serve>>;

	beforeAll(async () => {
		server = await serve({ PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' });
	});

	afterAll(async () => {
		if (server) await stopServer(server.child);
	});

	const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mat.example.org' };

	test('the site is what the proxy names', async () => {
		expect(await post(server.url, { ...proxied, origin: 'https://mat.example.org' })).toBe(PASSED);
		expect(
			await post(server.url, { ...proxied, origin: 'null', 'sec-fetch-site': 'same-origin' })
		).toBe(PASSED);
		expect(await post(server.url, { ...proxied, origin: 'http://mat.example.org' })).toBe(REFUSED);
		expect(
			await post(server.url, { ...proxied, origin: `https://${new URL(server.url).host}` })
		).toBe(REFUSED);
	});

	test('without the proxy’s host header, Host is checked as without a proxy', async () => {
		const https = { 'x-forwarded-proto': 'https' };
		const evil = { ...https, host: 'evil.example', origin: 'https://evil.example' };
		expect(await post(server.url, evil)).toBe(REFUSED);
		const own = { ...https, origin: `https://${new URL(server.url).host}` };
		expect(await post(server.url, own)).toBe(PASSED);
	});
});

describe('with ORIGIN', () => {
	let server: Awaited<ReturnType<typeof serve>>;

	beforeAll(async () => {
		server = await serve({ ORIGIN: 'https://mat.example.org' });
	});

	afterAll(async () => {
		if (server) await stopServer(server.child);
	});

	test('only ORIGIN is the site, whatever Host and the forwarding headers say', async () => {
		const origin = 'https://mat.example.org';
		expect(await post(server.url, { origin, host: 'evil.example' })).toBe(PASSED);
		expect(await post(server.url, { origin: server.url })).toBe(REFUSED);
		const forwarded = { 'x-forwarded-proto': 'http', 'x-forwarded-host': 'evil.example' };
		expect(await post(server.url, { ...forwarded, origin: 'http://evil.example' })).toBe(REFUSED);
		expect(await post(server.url, { ...forwarded, origin })).toBe(PASSED);
	});
});
