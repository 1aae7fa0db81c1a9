// npm run bench:map: what the map costs. Prints the gzip size of the JavaScript the search page
// loads without the map (a phone showing the list) and of what showing the map adds, the size of
// the map's GeoJSON for a few searches, and the time from navigation to the first map render in
// headless Chromium (median of --runs), a filter change's time from the points arriving to their
// frame, and frame times while the national view is panned and zoomed, each against its target
// (issue 14). A report, not a test: nothing here asserts a timing.
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

	console.log(`  target: list page <= 60 kB: ${verdict(sum(listOnly) <= 60 * 1024)}`);

	let largest = 0;
	console.log('\nGeoJSON for the map (GET /api/facilities.geojson)');
	for (const [label, query] of [
		['national, no filters', ''],
		['national, every program (scope=all)', 'scope=all'],
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
		largest = Math.max(largest, gzipBytes(text));
		const features = (JSON.parse(text) as { features: unknown[] }).features.length;
		console.log(
			`  ${label.padEnd(36)} ${String(features).padStart(6)} points  ${kB(text.length).padStart(10)} raw  ${kB(gzipBytes(text)).padStart(9)} gzip`
		);
	}

	console.log(`  target: no map payload over 100 kB gzipped: ${verdict(largest <= 100 * 1024)}`);

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
			const { context, page } = await openMap(browser, url, wide, ready);
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
		// The target counts from the map's chunk having loaded (the component mounting).
		const afterChunk = all.map((t, i) => t - times[0]![i]!);
		console.log(
			`  ${''.padEnd(24)} after the map's chunk: median ${Math.round(median(afterChunk))} ms (${afterChunk.map(Math.round).join(', ')})` +
				(label === 'national' ? `; target <= 1500 ms: ${verdict(median(afterChunk) <= 1500)}` : '')
		);
		// Where the time goes: the map component mounted (its chunk loaded), the points arrived,
		// MapLibre's style loaded, the first frame with the points drawn.
		console.log(
			`  ${''.padEnd(24)} ${steps.map((s, j) => `${s.slice(4)} ${Math.round(median(times[j]!))}`).join(' · ')}`
		);
	}
	await filterChanges(browser, base, wide, ready);
	await frames(browser, base, wide, ready);
	await browser.close();
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

type Ready = (page: import('playwright-core').Page) => Promise<unknown>;

/** A fresh context with `url` open and its map drawn. */
async function openMap(
	browser: Browser,
	url: string,
	viewport: { width: number; height: number },
	ready: Ready
) {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await page.goto(url);
	await ready(page);
	return { context, page };
}

/**
 * A filter ticked on the national view: from the map's points arriving (the response's end, in
 * the page's resource timing) to the first frame that draws them (ResultsMap's map:drawn mark).
 */
async function filterChanges(
	browser: Browser,
	base: string,
	viewport: { width: number; height: number },
	ready: Ready
): Promise<void> {
	const { context, page } = await openMap(browser, `${base}/search`, viewport, ready);
	// Each tick makes a search not seen before on this page: nothing is served from a cache.
	const ticks = ['methadone', 'buprenorphine', 'naltrexone', 'methadone', 'buprenorphine'];
	const delays: number[] = [];
	for (const value of ticks.slice(0, Math.max(runs, 1))) {
		const drawnBefore = await page.evaluate(() => performance.getEntriesByName('map:drawn').length);
		const box = page.locator(`#filters input[name="medication"][value="${value}"]`);
		await box.setChecked(!(await box.isChecked()));
		await page.waitForFunction(
			(n) => performance.getEntriesByName('map:drawn').length > n,
			drawnBefore,
			{ timeout: 60_000 }
		);
		delays.push(
			await page.evaluate(() => {
				const points = performance
					.getEntriesByType('resource')
					.filter((e) => e.name.includes('/api/facilities.geojson'))
					.at(-1) as PerformanceResourceTiming;
				return performance.getEntriesByName('map:drawn').at(-1)!.startTime - points.responseEnd;
			})
		);
	}
	await context.close();
	console.log(`\nFilter change (national view): points arrived → drawn, ${delays.length} changes`);
	console.log(
		`  median ${Math.round(median(delays))} ms  (${delays.map(Math.round).join(', ')}); target <= 300 ms: ${verdict(median(delays) <= 300)}`
	);
}

/**
 * Frame times (requestAnimationFrame intervals) while the national view is panned and zoomed;
 * the baseline is the same view and gestures with 4 programs on it, so what the points cost
 * shows apart from what the basemap and software GL cost.
 */
async function frames(
	browser: Browser,
	base: string,
	viewport: { width: number; height: number },
	ready: Ready
): Promise<void> {
	console.log(`\nPanning and zooming the national view: frame intervals, ${runs} runs`);
	const national = await gestureFrames(browser, `${base}/search`, viewport, ready);
	const baseline = await gestureFrames(browser, `${base}/search?${FOUR_PROGRAMS}`, viewport, ready);
	for (const [label, { medians, worsts }] of [
		['national (all matches)', national],
		['baseline: 4 programs', baseline]
	] as const) {
		const target = label.startsWith('national');
		console.log(
			`  ${label.padEnd(24)} median frame ${median(medians).toFixed(1)} ms (${medians.map((m) => m.toFixed(1)).join(', ')})` +
				(target ? `; target <= 33 ms: ${verdict(median(medians) <= 33)}` : '')
		);
		console.log(
			`  ${''.padEnd(24)} worst frame ${Math.round(median(worsts))} ms, median of runs (${worsts.map(Math.round).join(', ')})` +
				(target ? `; target <= 100 ms: ${verdict(median(worsts) <= 100)}` : '')
		);
	}
	console.log(
		`  ratio national / baseline: median frame ${(median(national.medians) / median(baseline.medians)).toFixed(2)}, worst ${(median(national.worsts) / median(baseline.worsts)).toFixed(2)}`
	);
}

/** A national search with 4 matches (implant, HIV medication, Arabic). */
const FOUR_PROGRAMS = 'medication=bup-implant&support=hiv-medication&language=arabic';

async function gestureFrames(
	browser: Browser,
	url: string,
	viewport: { width: number; height: number },
	ready: Ready
): Promise<{ medians: number[]; worsts: number[] }> {
	const medians: number[] = [];
	const worsts: number[] = [];
	for (let i = 0; i < runs; i++) {
		const { context, page } = await openMap(browser, url, viewport, ready);
		await page.waitForTimeout(500);
		const canvas = (await page.getByTestId('map').locator('canvas').boundingBox())!;
		const [x, y] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
		// A string, not a function: tsx would wrap the named callback in a helper the page lacks.
		await page.evaluate(`
			window.frameGaps = [];
			window.recording = true;
			let last = performance.now();
			const tick = (now) => {
				window.frameGaps.push(now - last);
				last = now;
				if (window.recording) requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		`);
		// A drag across a third of the map, then three wheel steps in and three out.
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x - canvas.width / 3, y + 60, { steps: 20 });
		await page.mouse.up();
		for (const dy of [-240, -240, -240, 240, 240, 240]) {
			await page.mouse.wheel(0, dy);
			await page.waitForTimeout(250);
		}
		await page.waitForTimeout(500);
		const gaps = await page.evaluate(() => {
			const w = window as unknown as { frameGaps: number[]; recording: boolean };
			w.recording = false;
			return w.frameGaps.slice(1);
		});
		medians.push(median(gaps));
		worsts.push(Math.max(...gaps));
		await context.close();
	}
	return { medians, worsts };
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
