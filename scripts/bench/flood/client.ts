// One client of `npm run bench:flood`, run as a process of its own so that its work never delays
// another client's measurements. Reads its job from the JSON file argv[2]; prints its result as
// JSON.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export interface Job {
	baseUrl: string;
	/** Sent as X-Forwarded-For: the server (ADDRESS_HEADER) takes it as the client's address. */
	address: string;
	paths: string[];
	/** Requests in flight at once; each starts the next path when its answer has come. */
	concurrency: number;
	durationMs: number;
	/** Pause after each answer (a prober's pace), ms. */
	pauseMs?: number;
}

export interface JobResult {
	/** Latency of each request, ms, in order of completion. */
	latencies: number[];
	statuses: Record<string, number>;
	errors: number;
	/** Why requests failed without an answer, e.g. { ECONNRESET: 3 }. */
	errorCodes: Record<string, number>;
}

function get(agent: http.Agent, url: URL, address: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.get(
			url,
			{ agent, headers: { 'x-forwarded-for': address, 'accept-encoding': 'gzip' } },
			(response) => {
				response.resume();
				response.once('end', () => resolve(response.statusCode ?? 0));
				response.once('error', reject);
			}
		);
		request.setTimeout(60_000, () => request.destroy(new Error('timeout')));
		request.once('error', reject);
	});
}

export async function run(job: Job): Promise<JobResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
	const result: JobResult = { latencies: [], statuses: {}, errors: 0, errorCodes: {} };
	const until = performance.now() + job.durationMs;
	let next = 0;
	const loop = async () => {
		while (performance.now() < until) {
			const path = job.paths[next++ % job.paths.length]!;
			const started = performance.now();
			try {
				const status = await get(agent, new URL(path, job.baseUrl), job.address);
				result.latencies.push(performance.now() - started);
				result.statuses[status] = (result.statuses[status] ?? 0) + 1;
			} catch (error) {
				result.errors++;
				const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
				result.errorCodes[code] = (result.errorCodes[code] ?? 0) + 1;
			}
			if (job.pauseMs) await new Promise((resolve) => setTimeout(resolve, job.pauseMs));
		}
	};
	await Promise.all(Array.from({ length: job.concurrency }, loop));
	agent.destroy();
	return result;
}

// Run as a script (not imported): the job file is the first argument.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Job;
	process.stdout.write(JSON.stringify(await run(job)));
}
