import { expect, test } from 'vitest';
import { url } from './http';

// One client floods the server with national map requests it has not made before (each costs a
// full read of the directory); the server sheds what it cannot serve soon with 429 or 503 and
// Retry-After, in the API's JSON error shape, and someone else's search is still answered.
// `npm run bench:flood` measures the same at full size (scripts/bench/README.md).

const FLOOD = 60;

async function floodPaths(): Promise<string[]> {
	const groups = (await (await fetch(url('/api/filters'))).json()) as {
		key: string;
		options: { value: string }[];
	}[];
	// Pairs of options from two different groups: each a national map not asked for before.
	const options = groups.flatMap((g) => g.options.map((o) => `${g.key}=${o.value}`));
	const paths: string[] = [];
	for (const [i, a] of options.entries()) {
		for (const b of options.slice(i + 1)) {
			if (a.split('=')[0] !== b.split('=')[0]) paths.push(`/api/facilities.geojson?${a}&${b}`);
		}
	}
	expect(paths.length).toBeGreaterThanOrEqual(FLOOD);
	return paths.slice(0, FLOOD);
}

test('a flood from one client is shed with 429/503 and Retry-After; another client is served', async () => {
	const paths = await floodPaths();
	const flood = paths.map(async (path) => {
		const response = await fetch(url(path), {
			headers: { 'x-forwarded-for': '203.0.113.9', 'accept-encoding': 'gzip' }
		});
		const body = await response.arrayBuffer();
		return { response, body };
	});
	const search = await fetch(url('/api/facilities?near=05401&radius=25'), {
		headers: { 'x-forwarded-for': '198.51.100.44' }
	});
	expect(search.status).toBe(200);
	const answers = await Promise.all(flood);
	const statuses = answers.map((a) => a.response.status);
	expect(statuses.filter((s) => ![200, 429, 503].includes(s))).toEqual([]);
	const shed = answers.filter((a) => a.response.status !== 200);
	expect(shed.length, `statuses: ${statuses.join(' ')}`).toBeGreaterThan(0);
	for (const { response, body } of shed) {
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const parsed = JSON.parse(new TextDecoder().decode(body)) as { error: { message: string } };
		expect(parsed.error.message).toBeTruthy();
	}
});
