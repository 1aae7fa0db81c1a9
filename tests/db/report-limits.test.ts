import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/server/db/connect';
import {
	fileReport,
	REPORT_LIMITS,
	type ReportLimits
} from '../../src/lib/server/db/report-limits';
import { backends } from './backends';

// The report form's limits by what a report is about, on real migrations on both backends. The
// oracles are the table's rows, read back with plain SQL.

describe.each(backends)('report limits on $name', (backend) => {
	let database: Database;

	beforeAll(async () => {
		database = await backend.open();
	});

	afterAll(async () => {
		await database?.close();
	});

	const file = (facilityId: string, details: string, limits?: ReportLimits) =>
		fileReport(database.db, { facilityId, kind: 'other', details }, limits);

	async function rows(facilityId: string): Promise<{ details: string; reports: number }[]> {
		const result = await sql<{ details: string; reports: number }>`
			select details, reports from correction where facility_id = ${facilityId} order by id`.execute(
			database.db
		);
		return result.rows;
	}

	async function bytesToday(): Promise<number> {
		const result = await sql<{ n: string }>`
			select coalesce(sum(octet_length(details) + 100), 0) as n from correction
			where first_reported_at > now() - interval '24 hours'`.execute(database.db);
		return Number(result.rows[0]!.n);
	}

	test('a program takes 10 new reports a day; repeats still fold in; others are not held back', async () => {
		expect(REPORT_LIMITS.perProgram).toBe(10);
		const results = [];
		for (let i = 0; i < 12; i++) results.push(await file('program-a', `report number ${i}`));
		expect(results.map((r) => r.stored)).toEqual([...Array(10).fill(true), false, false]);
		expect(results[10]).toEqual({ stored: false, full: 'program' });
		expect((await rows('program-a')).length).toBe(10);

		expect(await file('program-a', 'REPORT NUMBER 3')).toEqual({ stored: true, folded: true });
		expect((await rows('program-a'))[3]).toEqual({ details: 'report number 3', reports: 2 });
		expect(await file('program-b', 'report number 0')).toEqual({ stored: true, folded: false });
	});

	test('reports older than a day no longer count against the program', async () => {
		for (let i = 0; i < 10; i++) await file('program-c', `old ${i}`);
		expect((await file('program-c', 'one more')).stored).toBe(false);
		await sql`update correction set first_reported_at = now() - interval '25 hours'
			where facility_id = 'program-c'`.execute(database.db);
		expect(await file('program-c', 'one more')).toEqual({ stored: true, folded: false });
	});

	test('resolved reports leave room for new ones', async () => {
		for (let i = 0; i < 10; i++) await file('program-d', `resolved ${i}`);
		await sql`update correction set status = 'resolved' where facility_id = 'program-d'`.execute(
			database.db
		);
		expect((await file('program-d', 'new after review')).stored).toBe(true);
	});

	test('the site stores at most bytesPerDay of new reports a day, text in UTF-8 bytes', async () => {
		const used = await bytesToday();
		const limits = { perProgram: 100, bytesPerDay: used + 1000 };
		// 150 × "é" is 300 bytes (+100 for the row): two fit in 1000, a third does not.
		const long = 'é'.repeat(150);
		expect((await file('program-e', `${long}1`.slice(0, 150), limits)).stored).toBe(true);
		expect((await file('program-f', `${long}2`.slice(0, 150) + 'x', limits)).stored).toBe(true);
		expect(await bytesToday()).toBe(used + 300 + 100 + 301 + 100);
		expect(await file('program-g', long, limits)).toEqual({ stored: false, full: 'site' });
		// What still fits exactly is taken (199 bytes of room: 99 of text and its row)…
		expect((await file('program-g', 'a'.repeat(99), limits)).stored).toBe(true);
		// …and then not even an empty report; a repeat stores nothing new and folds in.
		expect(await file('program-h', '', limits)).toEqual({ stored: false, full: 'site' });
		expect(await file('program-g', 'A'.repeat(99), limits)).toEqual({ stored: true, folded: true });
		expect(await bytesToday()).toBe(used + 1000);
	});

	test('concurrent reports cannot overshoot the cap', async () => {
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => file('program-i', `at once ${i}`))
		);
		expect(results.filter((r) => r.stored).length).toBe(10);
		expect((await rows('program-i')).length).toBe(10);
	});

	test('a report keeps nothing about the person who sent it', async () => {
		const result = await sql<{ column_name: string }>`
			select column_name from information_schema.columns
			where table_name = 'correction' order by column_name`.execute(database.db);
		expect(result.rows.map((r) => r.column_name)).toEqual([
			'details',
			'facility_id',
			'first_reported_at',
			'id',
			'kind',
			'last_reported_at',
			'reports',
			'status'
		]);
	});
});
