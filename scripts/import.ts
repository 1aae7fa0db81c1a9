// npm run db:import [-- --json] [--findtreatment FILE]... [--facilities FILE]...
// Migrates the configured database (DATABASE_URL, or the embedded one in DATA_DIR), then replaces
// its facilities with the vendored SAMHSA data in db/data (see db/data/SOURCE.md).
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readConfig } from '../src/lib/server/config';
import { connect } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import {
	defaultSources,
	importSources,
	type ImportProgress,
	type ImportSources
} from '../src/lib/server/import/index';
import { formatSummary } from '../src/lib/server/import/report';
import { parseCliOrExit } from './parse-cli';

const USAGE = `Usage: npm run db:import -- [options]

  --findtreatment FILE  also import the substance-use rows of a FindTreatment.gov export
                        (.csv or .csv.gz) as facilities; repeatable
  --facilities FILE     facility source instead of the 2023 national directory; repeatable
  --json                print only the summary as JSON on stdout
  --help                show this help`;

function parseCli(): { sources: ImportSources; json: boolean } | null {
	const { values } = parseArgs({
		options: {
			json: { type: 'boolean', default: false },
			findtreatment: { type: 'string', multiple: true, default: [] },
			facilities: { type: 'string', multiple: true, default: [] },
			help: { type: 'boolean', default: false }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.help) return null;
	const defaults = defaultSources();
	const facilities = values.facilities.length ? values.facilities : defaults.facilities;
	return {
		json: values.json,
		sources: {
			...defaults,
			facilities: [...facilities, ...values.findtreatment].map((f) => path.resolve(f))
		}
	};
}

const cli = parseCliOrExit(() => parseCli(), USAGE);
const { sources, json } = cli;

const bar =
	process.stdout.isTTY && !json
		? new cliProgress.SingleBar(
				{ format: '{phase} [{bar}] {value}/{total}', hideCursor: true },
				cliProgress.Presets.shades_classic
			)
		: null;
let phase: ImportProgress['phase'] | null = null;
function onProgress(progress: ImportProgress): void {
	if (!bar) return;
	if (progress.phase !== phase) {
		if (phase) bar.stop();
		phase = progress.phase;
		bar.start(progress.total, progress.done, { phase: progress.phase.padEnd(5) });
	}
	bar.update(progress.done);
}

let closeDb: (() => Promise<void>) | undefined;
try {
	// Its own connection rather than the app's client (src/lib/server/db/index.ts): an import's
	// statements may run longer than the app's query timeout allows.
	const config = readConfig();
	const database = connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
	closeDb = database.close;
	await migrateToLatest(database.db);
	const summary = await importSources(database.db, sources, { onProgress });
	bar?.stop();
	if (json) console.log(JSON.stringify(summary, null, 2));
	else console.log(formatSummary(summary, database.kind));
} catch (error) {
	bar?.stop();
	console.error(`Import failed: ${(error as Error).message.split('\n')[0]}`);
	process.exitCode = 1;
} finally {
	await closeDb?.();
}
