// npm run corrections:export [-- --out FILE]: the open reports of wrong listings as CSV, for the
// operator to check against the programs and the next directory. Writes to stdout by default.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listOpen } from '../src/lib/server/db/corrections';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { closeDb, db } from '../src/lib/server/db/index';
import { toCsv } from '../src/lib/csv';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

try {
	await migrateToLatest(db);
	const rows = await listOpen();
	const csv = toCsv(
		[
			'id',
			'facility_id',
			'facility_name',
			'state',
			'kind',
			'details',
			'reports',
			'first_reported_at',
			'last_reported_at'
		],
		rows.map((r) => [
			r.id,
			r.facilityId,
			r.facilityName ?? '(no longer in the directory)',
			r.state ?? '',
			r.kind,
			r.details,
			r.reports,
			r.firstReportedAt,
			r.lastReportedAt
		])
	);
	if (values.out) {
		writeFileSync(values.out, csv);
		console.error(`Wrote ${rows.length} open reports to ${values.out}`);
	} else {
		process.stdout.write(csv);
	}
} catch (error) {
	console.error(`Could not export the reports: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await closeDb();
}
