import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAddressOrLocalhost, siteOrigin, warnIfOpenWithoutOrigin } from './proxy';

describe('siteOrigin', () => {
	it('is ORIGIN whatever the request says', () => {
		const headers = { host: 'evil.example', 'x-forwarded-proto': 'http' };
		expect(siteOrigin(headers, { origin: 'https://mat.example.org/' })).toBe(
			'https://mat.example.org'
		);
	});

	it('takes the protocol and host from the headers the settings name, and from no others', () => {
		const headers = {
			host: '10.0.0.5:3000',
			'x-forwarded-proto': 'https',
			'x-forwarded-host': 'mat.example.org'
		};
		expect(siteOrigin(headers, { protocolHeader: 'x-mat-socket-protocol' })).toBe(
			'https://10.0.0.5:3000'
		);
		expect(
			siteOrigin(
				{ ...headers, 'x-mat-socket-protocol': 'http' },
				{ protocolHeader: 'x-mat-socket-protocol' }
			)
		).toBe('http://10.0.0.5:3000');
		expect(
			siteOrigin(headers, { protocolHeader: 'x-forwarded-proto', hostHeader: 'x-forwarded-host' })
		).toBe('https://mat.example.org');
	});

	it('does not vouch for a Host that could be another site’s name', () => {
		const settings = { protocolHeader: 'x-forwarded-proto' };
		expect(siteOrigin({ host: 'evil.example' }, settings)).toBeUndefined();
		expect(siteOrigin({ host: 'mat.example.org:3000' }, settings)).toBeUndefined();
		expect(siteOrigin({}, settings)).toBeUndefined();
		// A proxy that names the host is believed; without its header, Host is checked again.
		const proxied = { ...settings, hostHeader: 'x-forwarded-host' };
		expect(siteOrigin({ host: 'evil.example' }, proxied)).toBeUndefined();
		expect(siteOrigin({ host: 'x', 'x-forwarded-host': 'mat.example.org' }, proxied)).toBe(
			'https://mat.example.org'
		);
	});
});

describe('isAddressOrLocalhost', () => {
	it.each([
		'localhost',
		'LOCALHOST:3000',
		'127.0.0.1',
		'127.0.0.1:3000',
		'192.168.1.20:8080',
		'[::1]',
		'[::1]:3000',
		'[2001:db8::5]:443'
	])('accepts %s', (host) => expect(isAddressOrLocalhost(host)).toBe(true));

	it.each([
		'evil.example',
		'localhost.evil.example',
		'evil.localhost',
		'127.0.0.1.nip.io',
		'0x7f000001',
		'127.1',
		'[::1',
		'[evil.example]:80',
		'2001:db8::5'
	])('refuses %s', (host) => expect(isAddressOrLocalhost(host)).toBe(false));
});

describe('warnIfOpenWithoutOrigin', () => {
	it.each(['0.0.0.0', '::', '192.168.1.20', 'mat.example.org'])(
		'warns when listening on %s without ORIGIN',
		(HOST) => {
			const warn = vi.fn();
			expect(warnIfOpenWithoutOrigin({ HOST }, warn)).toBe(true);
			expect(warn).toHaveBeenCalledOnce();
			expect(warn.mock.calls[0]![0]).toMatch(/ORIGIN is unset .* Set ORIGIN/);
		}
	);

	it.each(['127.0.0.1', '::1', '[::1]', 'localhost', '127.0.0.2'])(
		'is quiet on the loopback interface %s',
		(HOST) => {
			const warn = vi.fn();
			expect(warnIfOpenWithoutOrigin({ HOST }, warn)).toBe(false);
			expect(warn).not.toHaveBeenCalled();
		}
	);

	it('is quiet when ORIGIN is set', () => {
		const warn = vi.fn();
		expect(warnIfOpenWithoutOrigin({ HOST: '0.0.0.0', ORIGIN: 'https://x.example' }, warn)).toBe(
			false
		);
		expect(warn).not.toHaveBeenCalled();
	});
});

// prepareRequest as npm start runs it: a fresh module under the environment of each case.
describe('prepareRequest', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	async function prepared(env: Record<string, string>, headers: IncomingMessage['headers']) {
		for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER'])
			vi.stubEnv(name, env[name] ?? '');
		vi.resetModules();
		const { prepareRequest } = await import('./proxy');
		const req = { headers: { ...headers } } as IncomingMessage;
		prepareRequest(req);
		return { headers: req.headers, protocolHeader: process.env.PROTOCOL_HEADER };
	}

	it('without settings, states the protocol itself, overwriting what a client sent', async () => {
		const { headers, protocolHeader } = await prepared(
			{},
			{ host: '127.0.0.1:3000', 'x-mat-socket-protocol': 'https', 'x-forwarded-proto': 'https' }
		);
		expect(protocolHeader).toBe('x-mat-socket-protocol');
		expect(headers['x-mat-socket-protocol']).toBe('http');
	});

	it('does so too in a worker process, which inherits the variable as the primary set it', async () => {
		const { headers } = await prepared(
			{ PROTOCOL_HEADER: 'x-mat-socket-protocol' },
			{ host: '127.0.0.1:3000', 'x-mat-socket-protocol': 'https' }
		);
		expect(headers['x-mat-socket-protocol']).toBe('http');
	});

	it('leaves the protocol to PROTOCOL_HEADER when it is set', async () => {
		const { headers, protocolHeader } = await prepared(
			{ PROTOCOL_HEADER: 'x-forwarded-proto' },
			{ host: '127.0.0.1:3000', 'x-forwarded-proto': 'https' }
		);
		expect(protocolHeader).toBe('x-forwarded-proto');
		expect(headers['x-mat-socket-protocol']).toBeUndefined();
	});

	it('gives a same-origin null origin its real origin back', async () => {
		const { headers } = await prepared(
			{},
			{ host: 'localhost:3000', origin: 'null', 'sec-fetch-site': 'same-origin' }
		);
		expect(headers.origin).toBe('http://localhost:3000');
	});

	it('blanks the origin of a post to a Host it cannot vouch for', async () => {
		const { headers } = await prepared(
			{},
			{ host: 'evil.example', origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' }
		);
		expect(headers.origin).toBe('null');
		const { headers: named } = await prepared(
			{ ORIGIN: 'http://evil.example' },
			{ host: 'evil.example', origin: 'http://evil.example' }
		);
		expect(named.origin).toBe('http://evil.example');
	});
});
