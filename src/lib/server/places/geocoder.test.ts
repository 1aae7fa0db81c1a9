import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { geocoderFromEnv, nominatimGeocoder } from './geocoder';
import { resolvePlace } from './index';

// What a Nominatim /search?format=jsonv2&addressdetails=1 answers (trimmed to what is read).
const mainStreet = {
	lat: '42.2625',
	lon: '-71.8019',
	display_name: '1, Main Street, Worcester, Worcester County, Massachusetts, 01608, United States',
	address: {
		house_number: '1',
		road: 'Main Street',
		city: 'Worcester',
		state: 'Massachusetts',
		'ISO3166-2-lvl4': 'US-MA',
		postcode: '01608',
		country_code: 'us'
	}
};
const otherMainStreet = {
	...mainStreet,
	lat: '42.1',
	lon: '-71.9',
	address: { ...mainStreet.address, city: 'Auburn' }
};

let server: Server;
let endpoint: string;
let requests: IncomingMessage[] = [];
let answer: (url: URL) => { status: number; body: string; delayMs?: number };

beforeAll(async () => {
	server = createServer((request, response) => {
		requests.push(request);
		const { status, body, delayMs = 0 } = answer(new URL(request.url ?? '/', 'http://localhost'));
		setTimeout(() => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(body);
		}, delayMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	requests = [];
	answer = () => ({ status: 200, body: JSON.stringify([mainStreet]) });
	vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const geocoder = () => nominatimGeocoder(endpoint, { minIntervalMs: 0, timeoutMs: 500 });

describe('nominatimGeocoder', () => {
	it('asks for US places in jsonv2 and reads the address', async () => {
		const places = await nominatimGeocoder(`${endpoint}?key=abc`, { minIntervalMs: 0 })(
			'1 Main St, Worcester, MA'
		);
		expect(places).toEqual([
			{
				label: '1 Main Street, Worcester, MA',
				lat: 42.2625,
				lng: -71.8019,
				kind: 'address',
				state: 'MA'
			}
		]);
		const url = new URL(requests[0]!.url!, 'http://localhost');
		expect(url.pathname).toBe('/search');
		expect(Object.fromEntries(url.searchParams)).toEqual({
			key: 'abc',
			q: '1 Main St, Worcester, MA',
			format: 'jsonv2',
			countrycodes: 'us,pr,gu,mp,vi,as',
			addressdetails: '1',
			limit: '5'
		});
		expect(requests[0]!.headers['user-agent']).toBe('MAT Locator');
	});

	it('skips hits it cannot read', async () => {
		answer = () => ({
			status: 200,
			body: JSON.stringify([
				{ lat: 'north', lon: '1' },
				{ lat: '95', lon: '0', display_name: 'x' },
				mainStreet
			])
		});
		expect(await geocoder()('1 Main St')).toHaveLength(1);
	});

	it('spaces requests out', async () => {
		const slow = nominatimGeocoder(endpoint, { minIntervalMs: 200 });
		const start = Date.now();
		await Promise.all([slow('1 Main St'), slow('2 Main St')]);
		expect(Date.now() - start).toBeGreaterThanOrEqual(190);
	});

	it('only takes http and https URLs', () => {
		expect(() => nominatimGeocoder('ftp://example.org/search')).toThrow(/http/);
		expect(() => nominatimGeocoder('not a url')).toThrow();
	});
});

describe('geocoderFromEnv', () => {
	it('is off unless GEOCODER_URL is set', () => {
		expect(geocoderFromEnv({})).toBeUndefined();
		expect(geocoderFromEnv({ GEOCODER_URL: ' ' })).toBeUndefined();
		expect(geocoderFromEnv({ GEOCODER_URL: endpoint })).toBeTypeOf('function');
	});

	it('names the variable when the URL is bad', () => {
		expect(() => geocoderFromEnv({ GEOCODER_URL: 'file:///etc/passwd' })).toThrow(/GEOCODER_URL/);
	});
});

describe('resolvePlace with a geocoder', () => {
	it('geocodes a street address', async () => {
		const result = await resolvePlace('1 Main St, Worcester, MA', { geocoder: geocoder() });
		expect(result).toMatchObject({
			status: 'found',
			place: { label: '1 Main Street, Worcester, MA', kind: 'address' }
		});
	});

	it('offers the choices when the address is in several places', async () => {
		answer = () => ({
			status: 200,
			body: JSON.stringify([mainStreet, mainStreet, otherMainStreet])
		});
		const result = await resolvePlace('1 Main St', { geocoder: geocoder() });
		expect(result.status === 'ambiguous' && result.choices.map((c) => c.label)).toEqual([
			'1 Main Street, Worcester, MA',
			'1 Main Street, Auburn, MA'
		]);
	});

	it('does not ask about ZIP codes, cities or coordinates', async () => {
		for (const text of ['01608', 'Worcester, MA', 'Springfield', '42.26, -71.80', 'Bostn']) {
			await resolvePlace(text, { geocoder: geocoder() });
		}
		expect(requests).toHaveLength(0);
	});

	it('falls back on the city when the geocoder fails, is slow, or finds nothing', async () => {
		const failures = [
			{ status: 500, body: 'oops' },
			{ status: 200, body: 'not json' },
			{ status: 200, body: '{"error":"Unable to geocode"}' },
			{ status: 200, body: '[]' },
			{ status: 200, body: '[]', delayMs: 2000 }
		];
		for (const failure of failures) {
			answer = () => failure;
			const result = await resolvePlace('1 Main St, Worcester, MA', { geocoder: geocoder() });
			expect(result).toMatchObject({ status: 'found', place: { label: 'Worcester, MA' } });
		}
		expect(requests).toHaveLength(failures.length);
	});

	it('survives a geocoder that throws', async () => {
		const throwing = () => {
			throw new Error('boom');
		};
		const result = await resolvePlace('1 Main St, Worcester, MA', { geocoder: throwing });
		expect(result.status).toBe('found');
	});
});
