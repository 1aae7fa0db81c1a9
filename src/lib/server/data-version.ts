import { asServer, db } from './db/index';

// The directory changes only by import, which may run in another process (`npm run db:import`)
// while the server runs. What the server keeps in memory (the facet index, recent searches) is
// tagged with the import it came from, and checks this instead of asking the database on every
// request: one tiny query per RECHECK_MS, so a new import shows within that.
const RECHECK_MS = 2_000;

let last: { at: number; version: Promise<number> } | undefined;

async function latestImport(): Promise<number> {
	const row = await db
		.selectFrom('import_run')
		.select((eb) => eb.fn.max('id').as('id'))
		.executeTakeFirst();
	return Number(row?.id ?? 0);
}

/** The id of the latest import (0 before the first), at most RECHECK_MS old. */
export function dataVersion(): Promise<number> {
	const now = performance.now();
	if (last === undefined || now - last.at > RECHECK_MS) {
		const version = asServer(latestImport);
		const check = { at: now, version };
		last = check;
		// A failed check (database down) is not remembered: the next request asks again.
		version.catch(() => {
			if (last === check) last = undefined;
		});
	}
	return last.version;
}
