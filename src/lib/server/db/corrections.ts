import { sql } from 'kysely';
import { db } from './index';
import type { CorrectionKind } from '../../corrections';

export interface NewCorrection {
	facilityId: string;
	kind: CorrectionKind;
	/** Already normalised (trimmed, spacing collapsed) by the caller's validation. */
	details: string;
}

/**
 * Stores a report, or counts it against an identical open one (same program, kind and text,
 * ignoring case), so repeats fold into one row. Returns whether it was new.
 */
export async function report(correction: NewCorrection): Promise<{ folded: boolean }> {
	const row = await db
		.insertInto('correction')
		.values({
			facility_id: correction.facilityId,
			kind: correction.kind,
			details: correction.details
		})
		.onConflict((oc) =>
			oc
				.expression(sql`facility_id, kind, md5(lower(details))`)
				.where('status', '=', 'open')
				.doUpdateSet({
					reports: sql`correction.reports + 1`,
					last_reported_at: sql`now()`
				})
		)
		// xmax is 0 for a freshly inserted row and set for one the conflict updated.
		.returning(sql<boolean>`xmax <> 0`.as('folded'))
		.executeTakeFirstOrThrow();
	return { folded: row.folded };
}

/** Open reports about one program (folded repeats count once). */
export async function openCount(facilityId: string): Promise<number> {
	const row = await db
		.selectFrom('correction')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('facility_id', '=', facilityId)
		.where('status', '=', 'open')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface OpenCorrection {
	id: number;
	facilityId: string;
	/** The program's name, or null when it has left the directory since. */
	facilityName: string | null;
	state: string | null;
	kind: CorrectionKind;
	details: string;
	reports: number;
	firstReportedAt: string;
	lastReportedAt: string;
}

/** Every open report, oldest first, with the program's current name, for the operator. */
export async function listOpen(): Promise<OpenCorrection[]> {
	return db
		.selectFrom('correction as c')
		.leftJoin('facility as f', 'f.id', 'c.facility_id')
		.select([
			'c.id',
			'c.facility_id as facilityId',
			'f.name as facilityName',
			'f.state',
			'c.kind',
			'c.details',
			'c.reports',
			sql<string>`to_char(c.first_reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as(
				'firstReportedAt'
			),
			sql<string>`to_char(c.last_reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as(
				'lastReportedAt'
			)
		])
		.where('c.status', '=', 'open')
		.orderBy('c.first_reported_at')
		.orderBy('c.id')
		.execute();
}
