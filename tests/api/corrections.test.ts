import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { openReports } from './form-post';
import { getOk, url } from './http';

// "Report a problem" on a program's page: a plain form POST to the page's report action, as a
// browser without JavaScript sends it. Each test is its own client (X-Forwarded-For: the test
// server trusts it, as behind a proxy), so the rate limit of one does not spill into another.

const root = fileURLToPath(new URL('../..', import.meta.url));
let id: string;
let otherId: string;

beforeAll(async () => {
	const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [
		['near', '05401'],
		['limit', 2]
	]);
	[id, otherId] = [items[0]!.id, items[1]!.id];
});

function report(
	programId: string,
	fields: Record<string, string>,
	{
		client = '198.51.100.1',
		origin = inject('baseURL'),
		site
	}: { client?: string; origin?: string; site?: string } = {}
) {
	return fetch(url(`/facilities/${programId}?/report`), {
		method: 'POST',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin,
			'x-forwarded-for': client,
			...(site ? { 'sec-fetch-site': site } : {})
		},
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual'
	});
}

describe('report a problem', () => {
	test('a report is stored and counted on the page; the same report again is folded in', async () => {
		expect(await openReports(id)).toBe(0);
		const first = await report(id, { kind: 'phone', details: 'The number  is disconnected.' });
		expect(first.status).toBe(200);
		expect(await first.text()).toContain('Your report was recorded.');
		expect(await openReports(id)).toBe(1);

		// Same program, kind and text, but other case and spacing: one report, counted twice.
		const again = await report(
			id,
			{ kind: 'phone', details: 'the number is\ndisconnected. ' },
			{ client: '198.51.100.2' }
		);
		expect(await again.text()).toContain('together with the same report from others');
		expect(await openReports(id)).toBe(1);

		const different = await report(id, { kind: 'closed' }, { client: '198.51.100.3' });
		expect(different.status).toBe(200);
		expect(await openReports(id)).toBe(2);
		expect(await openReports(otherId)).toBe(0);
	});

	test.each([
		['no kind', { details: 'x' }, 'choose what is wrong'],
		['an unknown kind', { kind: 'price' }, 'choose what is wrong'],
		['"something else" without a word', { kind: 'other', details: '   ' }, 'say what is wrong'],
		['too long a text', { kind: 'other', details: 'a'.repeat(1001) }, 'at most 1000 characters']
	])('%s is a 400 that says what to fix', async (_what, fields, message) => {
		const answer = await report(id, fields, { client: '198.51.100.4' });
		expect(answer.status).toBe(400);
		expect(await answer.text()).toContain(message);
	});

	test('control characters are not a server error', async () => {
		const answer = await report(
			otherId,
			{ kind: 'other', details: 'nul\u0000 and bell\u0007' },
			{ client: '198.51.100.5' }
		);
		expect(answer.status).toBe(200);
	});

	test('an unknown program is a 404', async () => {
		const answer = await report('000000000000', { kind: 'closed' }, { client: '198.51.100.6' });
		expect(answer.status).toBe(404);
	});

	test('a form posted from another site is refused (CSRF)', async () => {
		const answer = await report(
			id,
			{ kind: 'closed' },
			{ client: '198.51.100.7', origin: 'https://evil.example' }
		);
		expect(answer.status).toBe(403);
	});

	// Our pages' Referrer-Policy (no-referrer) makes browsers send "Origin: null" with a form post.
	test('a form posted by our own page with a null origin is accepted (Fetch Metadata)', async () => {
		const own = await report(
			otherId,
			{ kind: 'phone' },
			{ client: '198.51.100.10', origin: 'null', site: 'same-origin' }
		);
		expect(own.status).toBe(200);
		for (const site of ['cross-site', 'same-site', undefined]) {
			const other = await report(
				otherId,
				{ kind: 'phone' },
				{ client: '198.51.100.11', origin: 'null', site }
			);
			expect(other.status, String(site)).toBe(403);
		}
	});

	test('one client gets five reports in ten minutes; the sixth is a 429', async () => {
		const client = '198.51.100.8';
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) {
			statuses.push(
				(await report(otherId, { kind: 'services', details: `try ${i}` }, { client })).status
			);
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
		if (process.env.API_EXPECT_DATABASE === 'postgres') {
			// Served by two processes taking requests in turn: the count is shared between them.
			const log = await readFile(inject('serverLog'), 'utf8');
			expect(log).toMatch(/running at .* across 2 processes/);
		}
		const limited = await report(otherId, { kind: 'closed' }, { client });
		expect(await limited.text()).toMatch(
			/Too many reports from this connection\. Please try again in \d+ minutes\./
		);
		// Another client is not held back.
		expect((await report(otherId, { kind: 'closed' }, { client: '198.51.100.9' })).status).toBe(
			200
		);
	});

	// The export reads the database the server uses: possible while it runs on PostgreSQL (the
	// embedded database belongs to the server process alone).
	test.runIf(process.env.E2E_DATABASE_URL)(
		'npm run corrections:export writes the open reports as CSV',
		() => {
			const result = spawnSync(
				process.execPath,
				['--import', 'tsx', 'scripts/corrections-export.ts'],
				{
					cwd: root,
					env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
					encoding: 'utf8'
				}
			);
			expect(result.status, result.stderr).toBe(0);
			const lines = result.stdout.trimEnd().split('\r\n');
			expect(lines[0]).toBe(
				'id,facility_id,facility_name,state,kind,details,reports,first_reported_at,last_reported_at'
			);
			const phone = lines.find((l) => l.includes(`,${id},`) && l.includes(',phone,'));
			expect(phone).toMatch(/,The number is disconnected\.,2,\d{4}-\d\d-\d\dT/);
		}
	);
});
