// npm run screenshots: full-page PNGs of the main pages and states at phone and desktop sizes, so
// anyone can look before (and after) changing the UI. See README.md ("Screenshots").
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseCliOrExit } from './parse-cli';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium';
import { buildApp, root, withFreshServer } from './test/server';

const USAGE = `Usage: npm run screenshots -- [options]

Builds the app if build/ is missing (or with --build), serves it from a fresh embedded database
holding the national directory (or uses --url), and saves full-page screenshots of the main pages
and states at 390×844 and 1366×900 into screenshots/<timestamp>/.

  --url URL        use a server already running there
  --build          rebuild even when build/ exists
  --out DIR        the folder to write into (default screenshots/<timestamp>)
  --only TEXT      only the shots whose name contains TEXT
  --chromium PATH  the browser (default $CHROMIUM_PATH or /usr/bin/chromium)
  --help           show this help`;

const VIEWPORTS = {
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	desktop: { viewport: { width: 1366, height: 900 } }
} as const;
type ViewportName = keyof typeof VIEWPORTS;

const SEARCH = '/search?near=01608';

interface Shot {
	name: string;
	/** Brings the page to the state to photograph. */
	go(page: Page, at: ViewportName): Promise<void>;
	/** CSS media to emulate (the call sheet is the shortlist printed). */
	media?: 'print';
}

const SHOTS: Shot[] = [
	{ name: 'home', go: (page) => visit(page, '/') },
	{ name: 'results-near-01608', go: (page) => visit(page, SEARCH) },
	{ name: 'filters-open', go: openFilters },
	{ name: 'map-view', go: showMap },
	{ name: 'program', go: async (page) => visit(page, `/facilities/${await firstId(page)}`) },
	{ name: 'shortlist', go: (page) => shortlist(page) },
	{
		name: 'compare',
		go: async (page) => visit(page, `/shortlist/compare?ids=${(await saved(page)).join(',')}`)
	},
	{ name: 'call-sheet-print', go: (page) => shortlist(page), media: 'print' },
	{ name: 'error-place-not-found', go: (page) => visit(page, '/search?near=Worcestor%2C+MA') },
	{ name: 'error-ambiguous-place', go: (page) => visit(page, '/search?near=Springfield') },
	{
		name: 'error-over-long-place',
		go: (page) =>
			visit(
				page,
				`/search?${new URLSearchParams({ near: 'Worcester '.repeat(500), medication: 'buprenorphine' })}`
			)
	},
	{ name: 'error-404', go: (page) => visit(page, '/no-such-page') }
];

async function visit(page: Page, pathname: string): Promise<void> {
	await page.goto(pathname, { waitUntil: 'networkidle' });
}

async function firstId(page: Page): Promise<string> {
	const answer = await page.request.get('/api/facilities?near=01608&limit=1');
	const { items } = (await answer.json()) as { items: { id: string }[] };
	if (!items[0]) throw new Error('no program near 01608');
	return items[0].id;
}

async function openFilters(page: Page, at: ViewportName): Promise<void> {
	await visit(page, SEARCH);
	// On a phone the filters fold behind a button (or a <details> summary); on a desktop they show.
	const toggle = page
		.locator('button, summary')
		.filter({ hasText: /^\s*(Show\s+)?Filters\b/i })
		.first();
	if ((await toggle.count()) > 0 && (at === 'phone' || !(await filtersShown(page)))) {
		await toggle.click();
		await page.waitForTimeout(300);
	}
}

async function filtersShown(page: Page): Promise<boolean> {
	return page
		.getByRole('group', { name: 'Medications', exact: true })
		.isVisible()
		.catch(() => false);
}

async function showMap(page: Page): Promise<void> {
	await visit(page, SEARCH);
	// Below the width where the map sits beside the list, a List/Map toggle shows it.
	const mapButton = page.getByRole('button', { name: 'Map', exact: true });
	if (await mapButton.isVisible().catch(() => false)) await mapButton.click();
	// The map marks itself ready once the search's points are drawn; names and counts follow.
	await page
		.locator('[data-testid="map"][data-ready="true"]')
		.waitFor({ timeout: 30_000 })
		.catch(() => undefined);
	await page.waitForTimeout(1_500);
}

/** Saves the first two results with their Save buttons, as a person would; returns their ids. */
async function saved(page: Page): Promise<string[]> {
	await visit(page, SEARCH);
	const buttons = page.getByRole('button', { name: /^Save\b/ });
	const count = Math.min(2, await buttons.count());
	if (count < 2) throw new Error('fewer than two Save buttons on the results page');
	for (let i = 0; i < count; i++) {
		// Each click turns its button into "Saved", so the next unsaved one is always the first.
		await buttons.first().click();
		await page.waitForTimeout(200);
	}
	return page
		.getByTestId('result')
		.locator('a[href*="/facilities/"]')
		.evaluateAll((links) =>
			[...new Set(links.map((a) => /\/facilities\/([^/?#]+)/.exec(a.getAttribute('href')!)?.[1]))]
				.filter((id): id is string => Boolean(id))
				.slice(0, 2)
		);
}

async function shortlist(page: Page): Promise<void> {
	await saved(page);
	await visit(page, '/shortlist');
}

function launch(executablePath: string): Promise<Browser> {
	// launch() gives each run a fresh temporary profile (its own --user-data-dir, deleted on close).
	return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

async function shoot(baseURL: string, out: string, chromiumPath: string, only?: string) {
	const browser = await launch(chromiumPath);
	const failed: string[] = [];
	try {
		for (const [at, options] of Object.entries(VIEWPORTS) as [
			ViewportName,
			(typeof VIEWPORTS)[ViewportName]
		][]) {
			for (const [index, shot] of SHOTS.entries()) {
				const file = `${at}-${String(index + 1).padStart(2, '0')}-${shot.name}.png`;
				if (only && !file.includes(only)) continue;
				// A fresh context per shot: no shortlist or scroll position carries over.
				const context = await browser.newContext({ baseURL, ...options });
				context.setDefaultTimeout(30_000);
				const page = await context.newPage();
				try {
					await shot.go(page, at);
					if (shot.media) await page.emulateMedia({ media: shot.media });
					await page.screenshot({ path: path.join(out, file), fullPage: true });
					console.log(`  ${file}`);
				} catch (error) {
					failed.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
					console.log(`  ${file} FAILED`);
				} finally {
					await context.close();
				}
			}
		}
	} finally {
		await browser.close();
	}
	return failed;
}

function parseCli() {
	const { values } = parseArgs({
		options: {
			url: { type: 'string' },
			build: { type: 'boolean', default: false },
			out: { type: 'string' },
			only: { type: 'string' },
			chromium: { type: 'string', default: CHROMIUM_PATH },
			help: { type: 'boolean', default: false }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.help) return null;
	const stamp = new Date()
		.toISOString()
		.replace(/[:.]/g, '-')
		.replace(/-\d{3}Z$/, 'Z');
	return {
		url: values.url?.replace(/\/$/, ''),
		build: values.build,
		out: path.resolve(values.out ?? path.join(root, 'screenshots', stamp)),
		only: values.only,
		chromium: values.chromium
	};
}

const cli = parseCliOrExit(() => parseCli(), USAGE);
await mkdir(cli.out, { recursive: true });

let failed: string[];
if (cli.url) {
	failed = await shoot(cli.url, cli.out, cli.chromium, cli.only);
} else {
	if (buildApp(!cli.build)) console.log('Built the app.');
	failed = await withFreshServer('screenshots', (url) =>
		shoot(url, cli.out, cli.chromium, cli.only)
	);
}
console.log(`\nScreenshots in ${path.relative(process.cwd(), cli.out) || '.'}`);
if (failed.length > 0) {
	console.log(`Failed:\n  ${failed.join('\n  ')}`);
	process.exitCode = 1;
}
