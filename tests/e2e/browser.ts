import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/test/chromium';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));

/**
 * Debian's headless Chromium. Playwright starts it with a fresh temporary profile (its own
 * mkdtemp'd --user-data-dir, deleted on close), so no state survives between runs.
 */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [...CHROMIUM_ARGS]
	});
}

export interface WatchedPage {
	page: Page;
	context: BrowserContext;
	/** console.error messages and uncaught exceptions, in order. */
	consoleErrors: string[];
	/** Every request the page made to anything other than this machine (must stay empty). */
	thirdPartyRequests: string[];
	close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isThirdParty(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
	return !(LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost'));
}

/**
 * A page in its own browser context (no shared cookies or storage) whose relative URLs resolve
 * against the server that the e2e global setup started.
 */
export async function newPage(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<WatchedPage> {
	const { baseURL = inject('baseURL'), ...rest } = options;
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 800 },
		...rest
	});
	context.setDefaultTimeout(15_000);
	const consoleErrors: string[] = [];
	const thirdPartyRequests: string[] = [];
	context.on('request', (request) => {
		if (isThirdParty(request.url())) thirdPartyRequests.push(request.url());
	});
	context.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	context.on('weberror', (error) => consoleErrors.push(`Uncaught ${error.error().message}`));

	const page = await context.newPage();
	page.on('websocket', (socket) => {
		if (isThirdParty(socket.url())) thirdPartyRequests.push(socket.url());
	});
	return { page, context, consoleErrors, thirdPartyRequests, close: () => context.close() };
}

/** Saves a PNG of the page into tests/artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	await mkdir(ARTIFACTS_DIR, { recursive: true });
	const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

export interface CheckOptions extends BrowserContextOptions {
	/** Chromium logs every 4xx document load as a console error; tests of error pages expect them. */
	allowHttpErrors?: boolean;
}

/**
 * Runs `run` on a fresh page in its own context, then checks that it logged no errors and
 * reached no third party.
 */
export async function withPage(
	browser: Browser,
	run: (watched: WatchedPage) => Promise<void>,
	{ allowHttpErrors = false, ...options }: CheckOptions = {}
): Promise<void> {
	const watched = await newPage(browser, options);
	try {
		await run(watched);
		const errors = watched.consoleErrors.filter(
			(e) => !(allowHttpErrors && /^Failed to load resource: .* status of 4\d\d/.test(e))
		);
		expect(errors).toEqual([]);
		expect(watched.thirdPartyRequests).toEqual([]);
	} finally {
		await watched.close();
	}
}

/** The results heading's count: "37 programs within 25 miles of …" → 37, "No programs …" → 0. */
export async function headingCount(page: Page): Promise<number> {
	const text = (await page.locator('#results').textContent()) ?? '';
	const match = /^([\d,]+|No) programs?\b/.exec(text.trim());
	expect(match, `heading "${text}"`).not.toBeNull();
	return match![1] === 'No' ? 0 : Number(match![1]!.replace(/,/g, ''));
}

/** axe-core's WCAG 2.2 A and AA violations on the page as it is now, as "rule: targets". */
export async function axeViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
