// npm run bench:map: what the map costs. Prints the gzip size of the JavaScript the search page
// loads without the map (a phone showing the list) and of what showing the map adds, the size of
// the map's GeoJSON for a few searches, and the time from navigation to the first map render in
// headless Chromium (median of --runs). A report, not a test: nothing here asserts a timing.
//
// Usage: npm run bench:map [-- --runs 5] [-- --url http://127.0.0.1:3000]
//   Without --url it builds the app if build/ is missing (--build: always), then serves it with
//   `scripts/start.ts` on a free port from ./.data (importing the national data on first run).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		url: { type: 'string' },
		build: { type: 'boolean', default: false }
	}
});
const runs = Number(args.runs);

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A built file's gzip size, by the URL the browser asked for. */
function builtGzip(url: string): number {
	const file = path.join(root, 'build', 'client', new URL(url).pathname);
	return gzipBytes(readFileSync(file));
}

function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader'
		]
	});
}

/** JavaScript files (page and workers) a page loads until `until` resolves. */
async function scriptsLoaded(
	browser: Browser,
	url: string,
	viewport: { width: number; height: number },
	until: (page: import('playwright-core').Page) => Promise<unknown>
): Promise<Set<string>> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	const scripts = new Set<string>();
	context.on('request', (r) => {
		if (/\.m?js$/.test(new URL(r.url()).pathname)) scripts.add(r.url());
	});
	await page.goto(url);
	await until(page);
	await context.close();
	return scripts;
}

async function measure(base: string): Promise<void> {
	const browser = await launch();
	const wide = { width: 1400, height: 900 };
	const phone = { width: 390, height: 800 };
	const search = `${base}/search?near=Chicago%2C+IL`;
	const ready = (page: import('playwright-core').Page) =>
		page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 60_000 });

	const listOnly = await scriptsLoaded(browser, search, phone, (page) =>
		page.waitForLoadState('networkidle')
	);
	const withMap = await scriptsLoaded(browser, search, wide, ready);
	const mapOnly = [...withMap].filter((u) => !listOnly.has(u));
	const sum = (urls: Iterable<string>) => [...urls].reduce((n, u) => n + builtGzip(u), 0);
	const worker = mapOnly.filter((u) => u.includes('/workers/'));
	const mainMap = mapOnly.filter((u) => !u.includes('/workers/'));

	console.log('\nJavaScript (gzip -9 of the built files)');
	console.log(`  list page (/search, no map)   ${kB(sum(listOnly))}  (${listOnly.size} files)`);
	console.log(`  map chunk(s), main thread     ${kB(sum(mainMap))}  (${mainMap.length} files)`);
	console.log(`  map worker                    ${kB(sum(worker))}  (${worker.length} files)`);

	console.log('\nGeoJSON for the map (GET /api/facilities.geojson)');
	for (const [label, query] of [
		['national, no filters', ''],
		['national, methadone', 'medication=methadone'],
		['Chicago, IL, 25 miles', 'near=Chicago%2C+IL'],
		[
			'Chicago, IL, 25 mi, bup + Medicaid',
			'near=Chicago%2C+IL&medication=buprenorphine&payment=medicaid'
		]
	] as const) {
		const response = await fetch(`${base}/api/facilities.geojson?${query}`, {
			headers: { 'accept-encoding': 'identity' }
		});
		const text = await response.text();
		const features = (JSON.parse(text) as { features: unknown[] }).features.length;
		console.log(
			`  ${label.padEnd(36)} ${String(features).padStart(6)} points  ${kB(text.length).padStart(10)} raw  ${kB(gzipBytes(text)).padStart(9)} gzip`
		);
	}

	console.log(
		`\nTime to first map render (navigation start → first frame with the points), ${runs} runs`
	);
	for (const [label, url] of [
		['national', `${base}/search`],
		['Burlington, VT, 10 mi', `${base}/search?near=Burlington%2C+VT&radius=10`]
	] as const) {
		const steps = ['map:mount', 'map:data', 'map:style', 'map:first-render'];
		const times: number[][] = steps.map(() => []);
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({ viewport: wide });
			const page = await context.newPage();
			await page.goto(url);
			await ready(page);
			const marks = await page.evaluate(
				(names) => names.map((n) => performance.getEntriesByName(n)[0]!.startTime),
				steps
			);
			marks.forEach((t, j) => times[j]!.push(t));
			await context.close();
		}
		const all = times[steps.length - 1]!;
		console.log(
			`  ${label.padEnd(24)} median ${Math.round(median(all))} ms  (${all.map(Math.round).join(', ')})`
		);
		// Where the time goes: the map component mounted (its chunk loaded), the points arrived,
		// MapLibre's style loaded, the first frame with the points drawn.
		console.log(
			`  ${''.padEnd(24)} ${steps.map((s, j) => `${s.slice(4)} ${Math.round(median(times[j]!))}`).join(' · ')}`
		);
	}
	await browser.close();
}

async function serve(): Promise<{ base: string; child: ChildProcess }> {
	if (args.build || !existsSync(path.join(root, 'build', 'handler.js'))) {
		console.log('building…');
		const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: root,
			stdio: 'ignore'
		});
		if (built.status !== 0) throw new Error('vite build failed');
	}
	const port = await new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 1200; i++) {
		if (child.exitCode !== null) throw new Error('the server exited');
		try {
			if ((await fetch(`${base}/healthz`)).ok) return { base, child };
		} catch {
			// Not up yet.
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('the server did not start');
}

if (args.url) {
	await measure(args.url);
} else {
	const { base, child } = await serve();
	try {
		await measure(base);
	} finally {
		child.kill('SIGTERM');
	}
}
