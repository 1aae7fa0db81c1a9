import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The throwaway cluster of scripts/test/with-postgres.sh, to stop and start on purpose. */
export interface Cluster {
	/** pg_ctl stop -m fast: sessions are terminated (57P01), new connections refused. */
	stop(): Promise<void>;
	start(): Promise<void>;
}

export function throwawayCluster(env: NodeJS.ProcessEnv = process.env): Cluster {
	const { TEST_PG_DATA: data, TEST_PG_BINDIR: bindir, TEST_PG_LOG: log } = env;
	if (!data || !bindir || !log) {
		throw new Error(
			'the faults tests stop and start PostgreSQL: run them through scripts/test/with-postgres.sh ' +
				'(npm test and scripts/test/run-all.sh faults do), which sets TEST_PG_DATA and TEST_PG_BINDIR'
		);
	}
	// As root, the cluster belongs to the postgres user, as initdb requires.
	const pgCtl = (...args: string[]) => {
		const pgCtl = path.join(bindir, 'pg_ctl');
		const command = ['-D', data, '-w', '-t', '30', ...args];
		return env.TEST_PG_OWNER
			? run('runuser', ['-u', env.TEST_PG_OWNER, '--', pgCtl, ...command])
			: run(pgCtl, command);
	};
	return {
		stop: async () => void (await pgCtl('-m', 'fast', 'stop')),
		start: async () => void (await pgCtl('-l', log, 'start'))
	};
}
