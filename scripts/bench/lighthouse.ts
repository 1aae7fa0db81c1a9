// npm run bench:lighthouse: Lighthouse (mobile preset) on the home, search-results and program
// pages of the built app, in Debian's Chromium. See scripts/bench/README.md.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort, startServer, stopServer, waitForHealth } from '../test/server';
import { parseCliOrExit } from '../parse-cli';

const USAGE = `Usage: npm run bench:lighthouse -- [options]

Serves the build from a fresh embedded database holding the national directory (or uses --url),
runs Lighthouse's mobile preset on three pages in headless Chromium, and prints the scores and
the audits that failed.

  --url URL        use a server already running there
  --chromium PATH  the browser (default $CHROMIUM_PATH or /usr/bin/chromium)
  --help           show this help`;

const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

interface PageResult {
	name: string;
	path: string;
	scores: Record<Category, number>;
	failing: string[];
	metrics: string;
}

async function audit(baseUrl: string, chromium: string): Promise<PageResult[]> {
	const first = (await (await fetch(`${baseUrl}/api/facilities?near=10001&limit=1`)).json()) as {
		items: { id: string }[];
	};
	const id = first.items[0]?.id;
	if (!id) throw new Error('no program near 10001 to audit');
	const pages = [
		{ name: 'home', path: '/' },
		{ name: 'search results', path: '/search?near=10001&radius=25&medication=buprenorphine' },
		{ name: 'program', path: `/facilities/${id}` }
	];

	const userDataDir = await mkdtemp(path.join(tmpdir(), 'mat-lighthouse-'));
	const chrome = await chromeLauncher.launch({
		chromePath: chromium,
		userDataDir,
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-dev-shm-usage'
		]
	});
	const results: PageResult[] = [];
	try {
		for (const page of pages) {
			const run = await lighthouse(`${baseUrl}${page.path}`, {
				port: chrome.port,
				logLevel: 'error',
				output: 'json',
				onlyCategories: CATEGORIES
			});
			if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
			const { categories, audits } = run.lhr;
			const scores = Object.fromEntries(
				CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])
			) as Record<Category, number>;
			const failing = CATEGORIES.flatMap((c) =>
				(categories[c]?.auditRefs ?? [])
					.map((ref) => audits[ref.id])
					.filter(
						(a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative'
					)
					.map(
						(a) => `${c}: ${a?.id} — ${a?.title}${a?.displayValue ? ` (${a.displayValue})` : ''}`
					)
			);
			const metric = (id: string) => audits[id]?.displayValue ?? '?';
			results.push({
				...page,
				scores,
				failing: [...new Set(failing)],
				metrics:
					`FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, ` +
					`TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, ` +
					`SI ${metric('speed-index')}`
			});
		}
	} finally {
		chrome.kill();
		await rm(userDataDir, { recursive: true, force: true });
	}
	return results;
}

function report(results: PageResult[]): void {
	const header = ['page', ...CATEGORIES];
	const rows = results.map((r) => [r.name, ...CATEGORIES.map((c) => String(r.scores[c]))]);
	const widths = header.map((h, i) =>
		Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0))
	);
	const line = (row: string[]) =>
		row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)));
	console.log(`\n${[header, ...rows].map((row) => line(row).join('  ')).join('\n')}`);
	console.log(
		`targets: ${CATEGORIES.map((c) => `${c} ${c === 'accessibility' ? '=' : '≥'} ${TARGETS[c]}`).join(', ')}`
	);
	for (const r of results) {
		const missed = CATEGORIES.filter((c) => r.scores[c] < TARGETS[c]);
		console.log(
			`\n${r.name} (${r.path}): ${missed.length ? `MISSED ${missed.join(', ')}` : 'met'}`
		);
		console.log(`  ${r.metrics}`);
		for (const f of r.failing) console.log(`  ${f}`);
	}
}

function parseCli() {
	const { values } = parseArgs({
		options: {
			url: { type: 'string' },
			chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
			help: { type: 'boolean', default: false }
		},
		strict: true,
		allowPositionals: false
	});
	return values.help ? null : { url: values.url?.replace(/\/$/, ''), chromium: values.chromium };
}

const cli = parseCliOrExit(() => parseCli(), USAGE);

if (cli.url) {
	report(await audit(cli.url, cli.chromium));
} else {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'mat-bench-lighthouse-'));
	const port = await freePort();
	const logFile = path.join(tmpdir(), `mat-bench-lighthouse-${port}.log`);
	console.log(`Starting the server (build if needed, import into ${dataDir}); log: ${logFile}`);
	const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port) };
	const server = startServer({ ...env, HOST: '127.0.0.1' }, logFile, (m) => console.log(m));
	try {
		const baseUrl = `http://127.0.0.1:${port}`;
		await waitForHealth(baseUrl, server, 600_000);
		report(await audit(baseUrl, cli.chromium));
	} finally {
		await stopServer(server.child);
		await rm(dataDir, { recursive: true, force: true });
	}
}
