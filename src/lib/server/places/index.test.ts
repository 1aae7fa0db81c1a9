import { describe, expect, it } from 'vitest';
import { placeForZip, resolvePlace, type Place, type Resolution } from './index';

async function found(text: string): Promise<Place> {
	const result = await resolvePlace(text);
	if (result.status !== 'found') throw new Error(`${text}: ${JSON.stringify(result)}`);
	return result.place;
}

function near(place: Place, lat: number, lng: number, degrees = 0.05) {
	expect(Math.abs(place.lat - lat)).toBeLessThan(degrees);
	expect(Math.abs(place.lng - lng)).toBeLessThan(degrees);
}

describe('placeForZip', () => {
	it('keeps the leading zero', () => {
		const place = placeForZip('02150');
		expect(place).toMatchObject({ label: 'ZIP 02150 (Chelsea, MA)', kind: 'zip', state: 'MA' });
		near(place!, 42.396, -71.033);
	});

	it('knows Puerto Rico, Guam and the Northern Mariana Islands', () => {
		expect(placeForZip('00907')).toMatchObject({ label: 'ZIP 00907 (San Juan, PR)', state: 'PR' });
		expect(placeForZip('96910')).toMatchObject({ label: 'ZIP 96910 (Hagatna, GU)', state: 'GU' });
		expect(placeForZip('96950')).toMatchObject({ label: 'ZIP 96950 (Saipan, MP)', state: 'MP' });
	});

	it('accepts ZIP+4 and surrounding spaces', () => {
		expect(placeForZip(' 01608-1234 ')?.label).toBe('ZIP 01608 (Worcester, MA)');
	});

	it('knows nothing of malformed, unassigned or military ZIP codes', () => {
		for (const zip of ['1608', '016080', 'abcde', '00000', '34001', '']) {
			expect(placeForZip(zip)).toBeUndefined();
		}
	});
});

describe('resolvePlace: ZIP codes', () => {
	it('finds a ZIP code', async () => {
		expect((await found('02150')).label).toBe('ZIP 02150 (Chelsea, MA)');
	});

	it('prefers the ZIP code when a city comes with one', async () => {
		expect((await found('Worcester, MA 01608')).label).toBe('ZIP 01608 (Worcester, MA)');
	});

	it('says an unknown ZIP code is unknown, suggesting only codes a mistyped digit away', async () => {
		const result = await resolvePlace('99999');
		expect(result).toEqual({
			status: 'not-found',
			message: 'ZIP code 99999 is unknown: it is not in the list of US ZIP codes this site uses.',
			suggestions: []
		});
		const typo = await resolvePlace('01616');
		expect(typo.status).toBe('not-found');
		if (typo.status !== 'not-found') return;
		expect(typo.suggestions.map((s) => s.label)[0]).toBe('ZIP 01615 (Worcester, MA)');
	});
});

describe('resolvePlace: cities', () => {
	it('reads "City, ST", "city st" and "City, State Name" alike', async () => {
		for (const text of [
			'Worcester, MA',
			'worcester ma',
			'Worcester, Massachusetts',
			'  WORCESTER ,   massachusetts ',
			'Worcester, Mass.',
			'Worcester, MA, USA',
			'Worcester, Massachusets'
		]) {
			const place = await found(text);
			expect(place).toMatchObject({ label: 'Worcester, MA', kind: 'city', state: 'MA' });
			// GeoNames' city center (City Hall is at 42.2626, -71.8023).
			near(place, 42.2626, -71.8023, 0.01);
		}
	});

	it('finds cities in Puerto Rico, Guam and the Northern Mariana Islands', async () => {
		near(await found('San Juan, PR'), 18.466, -66.106);
		expect((await found('san juan puerto rico')).label).toBe('San Juan, PR');
		expect((await found('Mayaguez, PR')).label).toBe('Mayagüez, PR');
		expect((await found('Hagatna, Guam')).label).toBe('Hagåtña, GU');
		expect((await found('Garapan, MP')).label).toBe('Garapan, MP');
	});

	it('matches Saint and St., and a state name inside the city name', async () => {
		expect((await found('Saint Louis, MO')).label).toBe('St. Louis, MO');
		expect((await found('Indiana PA')).label).toBe('Indiana, PA');
		expect((await found('Charleston West Virginia')).label).toBe('Charleston, WV');
		expect((await found('Kansas City, KS')).state).toBe('KS');
	});

	it('offers the choices for a name several cities share, largest first', async () => {
		const result = await resolvePlace('Springfield');
		expect(result.status).toBe('ambiguous');
		if (result.status !== 'ambiguous') return;
		expect(result.choices.length).toBeLessThanOrEqual(10);
		expect(result.choices.slice(0, 3).map((c) => c.label)).toEqual([
			'Springfield, IL',
			'Springfield, MA',
			'Springfield, MO'
		]);
		expect((await resolvePlace('Kansas City')).status).toBe('ambiguous');
		expect((await resolvePlace('Portland')).status).toBe('ambiguous');
	});

	it('takes a bare name as the one big city of that name', async () => {
		// Boston, MA has 38 ZIP codes; the next Boston has one.
		expect((await found('Boston')).label).toBe('Boston, MA');
		expect((await found('boston')).label).toBe('Boston, MA');
		expect((await found('Washington')).label).toBe('Washington, DC');
		expect((await found('New York')).state).toBe('NY');
		expect((await found('Garapan')).state).toBe('MP');
	});

	it('asks for a city when given a state', async () => {
		const result = await resolvePlace('Nevada');
		expect(result).toMatchObject({ status: 'not-found' });
		if (result.status !== 'not-found') return;
		expect(result.message).toContain('Nevada');
		expect(result.suggestions[0]?.label).toBe('Las Vegas, NV');
	});

	it('suggests close spellings for an unknown place', async () => {
		const worcester = await resolvePlace('Worcestor, MA');
		expect(worcester).toMatchObject({
			status: 'not-found',
			message: 'We could not find "Worcestor, MA".'
		});
		if (worcester.status !== 'not-found') return;
		expect(worcester.suggestions[0]?.label).toBe('Worcester, MA');

		const boston = await resolvePlace('Bostn');
		expect(boston.status === 'not-found' && boston.suggestions[0]?.label).toBe('Boston, MA');
		const typedInPart = await resolvePlace('Springf');
		expect(typedInPart.status === 'not-found' && typedInPart.suggestions[0]?.label).toBe(
			'Springfield, IL'
		);
	});

	it('says so when nothing comes close', async () => {
		const result = await resolvePlace('Qqqxzzy');
		expect(result).toEqual({
			status: 'not-found',
			message: 'We could not find "Qqqxzzy".',
			suggestions: []
		});
	});
});

describe('resolvePlace: coordinates', () => {
	it('reads decimal degrees, latitude first', async () => {
		for (const text of ['42.26, -71.80', '42.26,-71.8', '42.26 -71.80', '+42.26°, -71.80°']) {
			expect(await found(text)).toEqual({
				label: '42.26000, -71.80000',
				lat: 42.26,
				lng: -71.8,
				kind: 'coordinates'
			});
		}
	});

	it('rejects coordinates out of range', async () => {
		for (const text of ['91, 0', '0, 181', '-90.5, 10', '12345 67890']) {
			const result = await resolvePlace(text);
			expect(result.status).toBe('not-found');
			expect(result.status === 'not-found' && result.message).toContain('latitude');
		}
	});

	it('offers the swap for longitude-first coordinates', async () => {
		const result = await resolvePlace('-71.80, 42.26');
		expect(result.status).toBe('not-found');
		expect(result.status === 'not-found' && result.suggestions[0]?.label).toBe(
			'42.26000, -71.80000'
		);
	});
});

describe('resolvePlace: street addresses without a geocoder', () => {
	it('falls back on the ZIP code or the city of the address, and says so', async () => {
		const city = await found('12 Main St, Worcester, MA');
		expect(city.label).toBe('Worcester, MA');
		expect(city.note).toMatch(/^Searched by the city, Worcester, MA, not the street address: /);
		const zip = await found('1600 Main St, Worcester, MA 01608');
		expect(zip.label).toBe('ZIP 01608 (Worcester, MA)');
		expect(zip.note).toMatch(/^Searched by the ZIP code 01608, not the street address: /);
		expect(zip.note).toContain('no list of street addresses');
	});

	it('leaves the note off a place typed without a street', async () => {
		expect((await found('Worcester, MA 01608')).note).toBeUndefined();
		expect((await found('Worcester, MA')).note).toBeUndefined();
	});

	it('says street addresses are not looked up when there is nothing else', async () => {
		const result = await resolvePlace('12 Main Street');
		expect(result.status === 'not-found' && result.message).toContain('street addresses');
	});
});

describe('resolvePlace: any string', () => {
	it('answers empty and overlong input with a message', async () => {
		expect((await resolvePlace('   ')).status).toBe('not-found');
		const long = await resolvePlace('a'.repeat(201));
		expect(long.status === 'not-found' && long.message).toContain('200');
		const atLimit = await resolvePlace('a'.repeat(200));
		expect(atLimit.status === 'not-found' && atLimit.message).not.toContain('200');
	});

	it('never throws, and always answers in shape', async () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const randomString = (length: number) =>
			String.fromCharCode(...Array.from({ length }, () => Math.floor(random() * 0xffff)));
		const inputs = [
			"'; DROP TABLE facility; --",
			'1 OR 1=1',
			'Robert"); DELETE FROM place WHERE (1=1',
			'%00%27 UNION SELECT * FROM pg_user',
			'<script>alert(1)</script>',
			'\u0000\u0001\u0002',
			'\ud800\udfff\ud800',
			'🏙️ 🗽, NY',
			'東京',
			',,,,',
			'- , -',
			'1e400, 1e400',
			'NaN, Infinity',
			'00000-0000',
			'x'.repeat(1_000_000),
			' '.repeat(500) + 'Boston' + ' '.repeat(500),
			...Array.from({ length: 300 }, () => randomString(1 + Math.floor(random() * 40))),
			...Array.from({ length: 20 }, () => randomString(5000))
		];
		for (const text of inputs) {
			const result: Resolution = await resolvePlace(text);
			expect(['found', 'ambiguous', 'not-found']).toContain(result.status);
			const places =
				result.status === 'found'
					? [result.place]
					: result.status === 'ambiguous'
						? result.choices
						: result.suggestions;
			for (const place of places) {
				expect(Number.isFinite(place.lat) && Number.isFinite(place.lng)).toBe(true);
				expect(typeof place.label).toBe('string');
			}
		}
	});
});
