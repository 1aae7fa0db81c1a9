import { beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { openReports, postReport } from './form-post';
import { getOk } from './http';

// Who a report comes from, and how much a program may be sent, on the test server: it runs as
// behind one proxy, ADDRESS_HEADER=x-forwarded-for with adapter-node's default XFF_DEPTH of 1
// (tests/e2e/global-setup.ts sets no depth), and with no ORIGIN, PROTOCOL_HEADER or HOST_HEADER.

const base = () => inject('baseURL');
let programs: string[];

beforeAll(async () => {
	// Programs no other test file reports on (Fairbanks, AK).
	const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [
		['near', '99701'],
		['radius', 250],
		['limit', 4]
	]);
	programs = items.map((i) => i.id);
	expect(programs.length).toBe(4);
});

const report = (program: string, forwardedFor: string, details = 'The phone rings out.') =>
	postReport(
		base(),
		program,
		{ kind: 'phone', details },
		{ origin: base(), 'x-forwarded-for': forwardedFor }
	);

async function statuses(program: string, clients: string[]): Promise<number[]> {
	const seen: number[] = [];
	// The same report each time: it folds into one row, so only the client's allowance is spent.
	for (const client of clients) seen.push((await report(program, client)).status);
	return seen;
}

describe('the client behind a proxy (XFF_DEPTH=1)', () => {
	test('is the address the proxy appended: what the client wrote before it is ignored', async () => {
		// A client that writes its own X-Forwarded-For: the proxy appends the real address.
		const spoofed = Array.from({ length: 7 }, (_, i) => `203.0.113.${i + 1}, 198.51.100.70`);
		expect(await statuses(programs[0]!, spoofed)).toEqual([200, 200, 200, 200, 200, 429, 429]);
		// The real address is the one that counts: another one is another client.
		expect((await report(programs[0]!, '198.51.100.70, 198.51.100.71')).status).toBe(200);
	});

	test('keys IPv6 clients by their /64', async () => {
		const sameNetwork = Array.from(
			{ length: 6 },
			(_, i) => `2001:db8:70:1::${(i + 1).toString(16)}`
		);
		expect(await statuses(programs[1]!, sameNetwork)).toEqual([200, 200, 200, 200, 200, 429]);
		// Any address of that /64, however written, is still the same client…
		expect((await report(programs[1]!, '2001:DB8:70:1:ffff:1234:5678:9abc')).status).toBe(429);
		// …and the next /64 is another.
		expect((await report(programs[1]!, '2001:db8:70:2::1')).status).toBe(200);
	});

	test('an IPv4-mapped IPv6 address is the IPv4 client', async () => {
		const mapped = Array.from({ length: 5 }, () => '::ffff:198.51.100.72');
		expect(await statuses(programs[1]!, mapped)).toEqual([200, 200, 200, 200, 200]);
		expect((await report(programs[1]!, '198.51.100.72')).status).toBe(429);
	});

	test('requests whose address is not one share one allowance', async () => {
		const junk = ['nonsense', 'x', '1.2.3.4.5', '<b>', 'unknown', 'again?'];
		expect(await statuses(programs[1]!, junk)).toEqual([200, 200, 200, 200, 200, 429]);
	});
});

describe('a program’s daily cap on new reports', () => {
	test('is 10; the 11th new report is a 429 that says why, whoever sends it', async () => {
		const program = programs[2]!;
		expect(await openReports(program)).toBe(0);
		const seen: number[] = [];
		// A new client (and new text) each time, as a script with many addresses sends.
		for (let i = 0; i < 12; i++) {
			seen.push((await report(program, `192.0.2.${i + 1}`, `Wrong number, try ${i}.`)).status);
		}
		expect(seen).toEqual([...Array(10).fill(200), 429, 429]);
		const refused = await report(program, '192.0.2.99', 'Yet another text.');
		expect(refused.status).toBe(429);
		expect(refused.text).toContain(
			'This listing has had many reports today already, and each will be read. Please try again tomorrow.'
		);
		expect(await openReports(program)).toBe(10);
		// A repeat of an open report stores nothing new: it is still counted.
		const repeat = await report(program, '192.0.2.100', 'wrong number, TRY 3.');
		expect(repeat.status).toBe(200);
		expect(repeat.text).toContain('together with the same report from others');
		expect(await openReports(program)).toBe(10);
		// Another program is not held back.
		expect((await report(programs[3]!, '192.0.2.101', 'Wrong number.')).status).toBe(200);
	});
});
