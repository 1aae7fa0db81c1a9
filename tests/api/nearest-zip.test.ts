import { expect, test } from 'vitest';
import { get } from './http';

// "Use my location" turns the browser's point into the ZIP code around it.

test('a point in Worcester is in ZIP 01601', async () => {
	const answer = await get<{ zip: string; city: string; state: string }>(
		'/api/places/nearest-zip',
		[
			['lat', '42.26262'],
			['lng', '-71.80234']
		]
	);
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual({ zip: '01601', city: 'Worcester', state: 'MA' });
});

test('a point abroad has no ZIP code: 404 naming lat', async () => {
	const answer = await get<{ error: { field: string } }>('/api/places/nearest-zip', [
		['lat', '48.8566'],
		['lng', '2.3522']
	]);
	expect(answer.status).toBe(404);
	expect(answer.body.error.field).toBe('lat');
});

test.each([
	[[['lat', '42']], 'lng'],
	[[], 'lat'],
	[
		[
			['lat', '91'],
			['lng', '0']
		],
		'lat'
	]
] as const)('bad input %j is a 400 on %s', async (params, field) => {
	const answer = await get<{ error: { field: string } }>('/api/places/nearest-zip', params);
	expect(answer.status).toBe(400);
	expect(answer.body.error.field).toBe(field);
});
