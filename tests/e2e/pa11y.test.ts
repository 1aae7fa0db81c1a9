// pa11y with the HTML_CodeSniffer runner (WCAG2AA) on every page: a second opinion beside axe,
// which catches things axe does not (and the other way round). pa11y drives its own Puppeteer;
// Puppeteer downloads no browser here (package.json "puppeteer.skipDownload"), so it runs
// Debian's Chromium with the same flags as tests/e2e/browser.ts.
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/test/chromium';
import { SHORTLIST_KEY, storedShortlist } from './stored-shortlist';

interface Pa11yIssue {
	code: string;
	type: 'error' | 'warning' | 'notice';
	message: string;
	selector: string;
	context: string;
}
type Pa11y = (
	url: string,
	options: Record<string, unknown>
) => Promise<{ documentTitle: string; issues: Pa11yIssue[] }>;
// pa11y ships no types; its entry point is CommonJS.
const pa11y = createRequire(import.meta.url)('pa11y') as Pa11y;

let browser: Browser;
let userDataDir: string;
let programs: Record<string, unknown>[] = [];
const ids = () => programs.map((p) => String(p.id));

beforeAll(async () => {
	userDataDir = await mkdtemp(path.join(tmpdir(), 'mat-pa11y-'));
	browser = await puppeteer.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		userDataDir,
		args: [...CHROMIUM_ARGS, '--disable-dev-shm-usage']
	});
	const response = await fetch(
		`${inject('baseURL')}/api/facilities?near=01608&medication=buprenorphine&limit=2`
	);
	programs = ((await response.json()) as { items: Record<string, unknown>[] }).items;
	expect(programs).toHaveLength(2);
});

afterAll(async () => {
	await browser?.close();
	if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** Two saved programs, as the shortlist keeps them (same shape as shortlist.test.ts seeds). */
async function seedShortlist(): Promise<void> {
	const stored = storedShortlist(
		programs.map((p, i) => ({
			...p,
			distanceMiles: 1 + i,
			distanceFrom: 'ZIP 01608 (Worcester, MA)'
		}))
	);
	const page = await browser.newPage();
	await page.goto(`${inject('baseURL')}/about/privacy`);
	await page.evaluate((key, value) => localStorage.setItem(key, value), SHORTLIST_KEY, stored);
	await page.close();
}

/** pa11y's errors on a page of the app (or on `markup`), as "code: message (selector)". */
async function errors(
	at: string,
	viewport = { width: 1366, height: 900 },
	markup?: string
): Promise<string[]> {
	const page = await browser.newPage();
	try {
		if (markup) await page.setContent(markup);
		const result = await pa11y(`${inject('baseURL')}${at}`, {
			ignoreUrl: markup !== undefined,
			browser,
			page,
			runners: ['htmlcs'],
			standard: 'WCAG2AA',
			viewport,
			timeout: 60_000,
			// Wait for hydration: the shortlist and the map render in the browser.
			wait: 500
		});
		return result.issues
			.filter((issue) => issue.type === 'error')
			.map((issue) => `${issue.code}: ${issue.message} (${issue.selector})`);
	} finally {
		if (!page.isClosed()) await page.close();
	}
}

const PAGES: [string, () => string][] = [
	['home', () => '/'],
	['search results', () => '/search?near=01608&medication=buprenorphine'],
	['no results', () => '/search?near=01608&radius=5&language=hmong&medication=methadone'],
	['place problem', () => '/search?near=Worcestor%2C+MA'],
	['over-long place', () => `/search?${new URLSearchParams({ near: 'x'.repeat(300) })}`],
	['program', () => `/facilities/${ids()[0]}`],
	['shortlist', () => '/shortlist'],
	['compare', () => `/shortlist/compare?ids=${ids().join(',')}`],
	['shared', () => `/shortlist/shared?ids=${ids().join(',')}`],
	['about/privacy', () => '/about/privacy'],
	['about/data', () => '/about/data'],
	['a state', () => '/states/MA'],
	['404', () => '/no-such-page']
];

test(
	'pa11y finds errors where there are some (the check can fail)',
	{ timeout: 120_000 },
	async () => {
		const markup = '<!doctype html><html lang="en"><title>t</title><img src="x.png"></html>';
		const found = await errors('/', undefined, markup);
		expect(found.some((e) => e.includes('H37'))).toBe(true);
	}
);

describe('pa11y (htmlcs, WCAG2AA): 0 errors', () => {
	beforeAll(seedShortlist);

	for (const [name, at] of PAGES) {
		test(name, { timeout: 120_000 }, async () => {
			expect(await errors(at())).toEqual([]);
		});
	}

	test('search results on a phone', { timeout: 120_000 }, async () => {
		expect(await errors(PAGES[1]![1](), { width: 390, height: 844 })).toEqual([]);
	});
});
