import { sql } from 'kysely';
import { db } from './index';
import type { CorrectionKind } from '../../corrections';
import { fileReport, type NewCorrection, type ReportResult } from './report-limits';

export type { NewCorrection, ReportResult } from './report-limits';

/**
 * Stores a report, or folds it into an identical open one; refused when the program or the site
 * has had its fill of new reports today (report-limits.ts).
 */
export function report(correction: NewCorrection): Promise<ReportResult> {
	return fileReport(db, correction);
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
