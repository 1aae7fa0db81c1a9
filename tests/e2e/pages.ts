import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage, type WatchedPage } from './browser';

// What every e2e file does around a page.

/** Runs `run` on a fresh page, then checks it logged no errors and reached no third party. */
export async function withPage(
	browser: Browser,
	run: (watched: WatchedPage) => Promise<void>,
	options: BrowserContextOptions = {}
): Promise<void> {
	const watched = await newPage(browser, options);
	try {
		await run(watched);
		expect(watched.consoleErrors).toEqual([]);
		expect(watched.thirdPartyRequests).toEqual([]);
	} finally {
		await watched.close();
	}
}

/** WCAG 2.2 AA violations axe finds on the page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
