import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, headingCount, launchBrowser, screenshot, withPage } from './browser';

// Issue 12 in the browser: the scope control, filter chips, the rural search that used to end
// in a dead end, and the offer of programs that list no ages; at phone and desktop widths.

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function settled(page: Page, url: (url: URL) => boolean): Promise<void> {
	await page.waitForURL(url);
	await page.waitForFunction(
		() => document.querySelector('[data-testid="results"]')?.getAttribute('aria-busy') === 'false'
	);
}

/** "Label (1,234 programs)" → 1234. */
const countIn = (text: string | null) =>
	Number(/\(([\d,]+)/.exec(text ?? '')![1]!.replace(/,/g, ''));

const VIEWPORTS = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	{ name: 'desktop', viewport: { width: 1366, height: 900 } }
] as const;

describe.each(VIEWPORTS)('$name', ({ name, ...options }) => {
	test('the scope control: medication here by default, widened with counts', async () => {
		await withPage(
			browser,
			async ({ page }) => {
				await page.goto('/search?near=01608');
				const scope = page.getByRole('group', { name: 'Programs shown' });
				const here = scope.getByRole('radio', { name: /^Offer a medication/ });
				const all = scope.getByRole('radio', { name: /^All substance use programs/ });
				await expect(here.isChecked()).resolves.toBe(true);
				const label = (value: string) => scope.locator(`label:has(input[value="${value}"])`);
				const inScope = countIn(await label('medication').textContent());
				const everything = countIn(await label('all').textContent());
				expect(await headingCount(page)).toBe(inScope);
				expect(everything).toBeGreaterThan(inScope);
				expect(await axeViolations(page)).toEqual([]);
				await screenshot(page, `mat-scope-${name}`);

				await all.check();
				await settled(page, (u) => u.searchParams.get('scope') === 'all');
				expect(await headingCount(page)).toBe(everything);
				await here.check();
				// The default leaves the address as it was before the scope existed.
				await settled(page, (u) => !u.searchParams.has('scope'));
				expect(await headingCount(page)).toBe(inScope);
			},
			options
		);
	});

	test('active filters are chips; one is removed, then Clear all keeps the scope', async () => {
		await withPage(
			browser,
			async ({ page }) => {
				await page.goto(
					'/search?near=01608&scope=supports&medication=buprenorphine&support=case-management'
				);
				const chips = page.getByTestId('active-filters');
				await expect(chips.getByRole('link').count()).resolves.toBe(3);
				expect(await axeViolations(page)).toEqual([]);
				await chips.getByRole('link', { name: /Remove filter: Case management/ }).click();
				await settled(page, (u) => !u.searchParams.has('support'));
				expect(new URL(page.url()).searchParams.get('medication')).toBe('buprenorphine');
				await page.getByTestId('active-filters').getByRole('link', { name: 'Clear all' }).click();
				await settled(page, (u) => !u.searchParams.has('medication'));
				expect(new URL(page.url()).searchParams.get('scope')).toBe('supports');
				await expect(page.getByTestId('active-filters').count()).resolves.toBe(0);
			},
			options
		);
	});

	test('59301, buprenorphine, 25 mi: the nearest programs beyond the radius, with distances', async () => {
		await withPage(
			browser,
			async ({ page }) => {
				await page.goto('/search?near=59301&medication=buprenorphine');
				expect(await headingCount(page)).toBe(0);
				const beyond = page.getByTestId('beyond');
				await expect(
					beyond.getByRole('heading', { name: /beyond 25 miles/ }).isVisible()
				).resolves.toBe(true);
				await expect(beyond.textContent()).resolves.toMatch(/The nearest beyond is 96 miles away/);
				const first = beyond.getByTestId('beyond-result').first();
				await expect(first.textContent()).resolves.toMatch(/96\.4 mi\s*beyond your radius/);
				await expect(first.textContent()).resolves.toContain('Hardin, MT');
				expect(await beyond.locator('ol').first().getByTestId('beyond-result').count()).toBe(5);
				await expect(page.getByTestId('telehealth').innerText()).resolves.toMatch(
					/programs? in Montana that match your search offer telehealth/
				);
				expect(await axeViolations(page)).toEqual([]);
				await screenshot(page, `mat-rural-${name}`);
			},
			options
		);
	});

	test('with an age chosen, programs that list no ages are counted and offered', async () => {
		await withPage(
			browser,
			async ({ page }) => {
				// Around 01608 every program in scope lists its ages; in Chicago some do not.
				await page.goto('/search?near=Chicago%2C+IL&age=adults');
				const before = await headingCount(page);
				const offer = page.getByTestId('ages-unlisted');
				const more = Number(/^([\d,]+) more/.exec((await offer.textContent())!.trim())![1]);
				expect(more).toBeGreaterThan(0);
				expect(await axeViolations(page)).toEqual([]);
				await offer.getByRole('link', { name: 'show them' }).click();
				await settled(page, (u) => u.searchParams.getAll('age').includes('not-listed'));
				expect(await headingCount(page)).toBe(before + more);
				await expect(page.getByTestId('ages-unlisted').count()).resolves.toBe(0);
			},
			options
		);
	});
});

test('the program page says how its listing reads, and links to the data page', async () => {
	await withPage(browser, async ({ page }) => {
		await page.goto('/about/data');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'How this app reads SAMHSA’s data'
		);
		await expect(page.getByText('medication=methadone-detox').isVisible()).resolves.toBe(true);
		expect(await axeViolations(page)).toEqual([]);
	});
});
