import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';
import type { CorrectionKind } from '../../corrections';

export interface NewCorrection {
	facilityId: string;
	kind: CorrectionKind;
	/** Already normalised (trimmed, spacing collapsed) by the caller's validation. */
	details: string;
}

export interface ReportLimits {
	/** New open reports about one program in 24 hours. */
	perProgram: number;
	/** Bytes of new reports across the site in 24 hours: each its text plus ROW_BYTES. */
	bytesPerDay: number;
}

// The per-client limit (five in ten minutes) cannot hold against someone who can send from many
// addresses, so what reports may store is bounded by what they are about, not who sends them:
// - 10 a day about one program: real reports about a listing come a few a year, and ten distinct
//   ones in a day is more than anyone reviewing that listing needs, while a flood of them made
//   one page say "68 open reports".
// - 1 MB a day across the site: about a thousand reports of the longest kind, far beyond what
//   the whole directory sees, and a bound of ~365 MB a year on what a script can make us keep.
// Repeats of an open report fold into it and store nothing new, so they pass both.
export const REPORT_LIMITS: ReportLimits = { perProgram: 10, bytesPerDay: 1_000_000 };
/** What a report costs besides its text (its row, ids and times), so empty ones count too. */
export const ROW_BYTES = 100;

export type ReportResult =
	{ stored: true; folded: boolean } | { stored: false; full: 'program' | 'site' };

/**
 * Stores a report, or counts it against an identical open one (same program, kind and text,
 * ignoring case), unless the program or the site has had its fill of new reports for the day.
 */
export async function fileReport(
	db: Kysely<DB>,
	correction: NewCorrection,
	limits: ReportLimits = REPORT_LIMITS
): Promise<ReportResult> {
	return db.transaction().execute(async (trx) => {
		// One report at a time (reads do not wait): counting, then inserting, must not interleave
		// with another report, or concurrent posts would all see room under the cap.
		await sql`lock table correction in share row exclusive mode`.execute(trx);
		const same = await trx
			.selectFrom('correction')
			.select('id')
			.where('facility_id', '=', correction.facilityId)
			.where('kind', '=', correction.kind)
			.where(sql<boolean>`md5(lower(details)) = md5(lower(${correction.details}))`)
			.where('status', '=', 'open')
			.executeTakeFirst();
		if (same) {
			await trx
				.updateTable('correction')
				.set({ reports: sql`reports + 1`, last_reported_at: sql`now()` })
				.where('id', '=', same.id)
				.execute();
			return { stored: true, folded: true };
		}
		const full = await whichFull(trx, correction, limits);
		if (full) return { stored: false, full };
		await trx
			.insertInto('correction')
			.values({
				facility_id: correction.facilityId,
				kind: correction.kind,
				details: correction.details
			})
			.execute();
		return { stored: true, folded: false };
	});
}

async function whichFull(
	trx: Transaction<DB>,
	correction: NewCorrection,
	limits: ReportLimits
): Promise<'program' | 'site' | undefined> {
	const day = await trx
		.selectFrom('correction')
		.select([
			sql<string>`count(*) filter (where facility_id = ${correction.facilityId} and status = 'open')`.as(
				'program'
			),
			sql<string>`coalesce(sum(octet_length(details) + ${ROW_BYTES}), 0)`.as('bytes')
		])
		.where('first_reported_at', '>', sql<Date>`now() - interval '24 hours'`)
		.executeTakeFirstOrThrow();
	if (Number(day.program) >= limits.perProgram) return 'program';
	const bytes = Buffer.byteLength(correction.details, 'utf8') + ROW_BYTES;
	if (Number(day.bytes) + bytes > limits.bytesPerDay) return 'site';
	return undefined;
}
