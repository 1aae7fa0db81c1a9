import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	axeViolations,
	launchBrowser,
	screenshot,
	withPage as withPage_,
	type CheckOptions,
	type WatchedPage
} from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

const withPage = (run: (watched: WatchedPage) => Promise<void>, options?: CheckOptions) =>
	withPage_(browser, run, options);

const results = (page: Page) => page.getByTestId('results');
const heading = (page: Page) => page.locator('#results');
const items = (page: Page) => page.getByTestId('result');

/** A filter checkbox, found by its group's legend and its label (which ends in a count). */
function filter(page: Page, group: string, label: string) {
	const name = new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\(|$)`);
	return page.getByRole('group', { name: group, exact: true }).getByRole('checkbox', { name });
}

/** Waits until a client-side update has landed: the URL has `param` and nothing is loading. */
async function settled(page: Page, url: RegExp | ((url: URL) => boolean)): Promise<void> {
	await page.waitForURL(url);
	await page.waitForFunction(
		() => document.querySelector('[data-testid="results"]')?.getAttribute('aria-busy') === 'false'
	);
}

/** "37 programs within 25 miles of …" → 37. */
async function headingCount(page: Page): Promise<number> {
	const text = (await heading(page).textContent()) ?? '';
	const match = /^([\d,]+|No) programs?\b/.exec(text.trim());
	expect(match, `heading "${text}"`).not.toBeNull();
	return match![1] === 'No' ? 0 : Number(match![1]!.replace(/,/g, ''));
}

describe('searching near a place', () => {
	test('ZIP + buprenorphine + family counseling: every result matches; Back keeps the filters', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search');
			await page.getByLabel('Where', { exact: true }).fill('01608');
			await page.getByRole('button', { name: 'Search', exact: true }).click();
			await page.waitForURL(/near=01608/);
			await expect(heading(page).textContent()).resolves.toMatch(
				/programs within 25 miles of ZIP 01608 \(Worcester, MA\)$/
			);

			await filter(page, 'Medications', 'Prescribes or dispenses buprenorphine').check();
			await filter(page, 'Counseling', 'Family counseling').check();
			await settled(page, /medication=buprenorphine.*counseling=family/);

			const total = await headingCount(page);
			expect(total).toBeGreaterThan(5);
			const shown = await items(page).count();
			expect(shown).toBe(Math.min(total, 20));
			await expect(
				page.getByText(/^Showing 1–\d+ of [\d,]+, nearest first$/).textContent()
			).resolves.toBe(`Showing 1–${shown} of ${total}, nearest first`);
			for (const why of await page.getByTestId('why').all()) {
				const text = (await why.textContent()) ?? '';
				expect(text).toContain('Prescribes or dispenses buprenorphine');
				expect(text).toContain('Family counseling');
			}
			expect(await page.getByTestId('why').count()).toBe(shown);
			// Distances come nearest first, each within the radius.
			const miles = (await page.locator('.distance').allTextContents()).map((t) => parseFloat(t));
			expect(miles).toEqual([...miles].sort((a, b) => a - b));
			expect(Math.max(...miles)).toBeLessThanOrEqual(25);
			// The count beside a ticked option is the number of results.
			await expect(
				page.locator('label[for="filter-medication-buprenorphine"] .count').textContent()
			).resolves.toMatch(new RegExp(`^\\(${total.toLocaleString('en-US')}\\sprograms\\)$`));

			const link = items(page).first().getByRole('link').first();
			// The program's link carries nothing of the search.
			// (Written relative to the page, as the server writes links: read as the browser does.)
			const href = new URL((await link.getAttribute('href')) ?? '', page.url());
			expect(`${href.pathname}${href.search}${href.hash}`).toMatch(/^\/facilities\/[a-z0-9-]+$/);
			const name = ((await link.textContent()) ?? '').trim();
			const searchUrl = page.url();
			await link.click();
			await page.waitForURL(/\/facilities\//);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
			await expect(page.getByRole('link', { name: 'Back to results' }).isVisible()).resolves.toBe(
				true
			);

			await page.goBack();
			await page.waitForURL(searchUrl);
			const url = new URL(page.url());
			expect(url.searchParams.get('near')).toBe('01608');
			expect(url.searchParams.getAll('medication')).toEqual(['buprenorphine']);
			expect(url.searchParams.getAll('counseling')).toEqual(['family']);
			await expect(
				filter(page, 'Medications', 'Prescribes or dispenses buprenorphine').isChecked()
			).resolves.toBe(true);
			await expect(filter(page, 'Counseling', 'Family counseling').isChecked()).resolves.toBe(true);
			await expect(page.getByLabel('Where', { exact: true }).inputValue()).resolves.toBe('01608');
			expect(await headingCount(page)).toBe(total);
		});
	});

	test('without JavaScript the GET form still searches', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto('/search');
				await expect(page.getByRole('button', { name: 'Use my location' }).count()).resolves.toBe(
					0
				);
				await page.getByLabel('Where', { exact: true }).fill('Worcester, MA');
				await page.getByLabel('Within').selectOption('10');
				await filter(page, 'Medications', 'Methadone maintenance').check();
				await page.getByRole('button', { name: 'Search', exact: true }).click();
				await page.waitForURL(/near=Worcester%2C\+MA/);
				const url = new URL(page.url());
				expect(url.searchParams.get('radius')).toBe('10');
				expect(url.searchParams.getAll('medication')).toEqual(['methadone']);
				await expect(heading(page).textContent()).resolves.toMatch(
					/programs? within 10 miles of Worcester, MA$/
				);
				expect(await headingCount(page)).toBeGreaterThan(0);
				for (const why of await page.getByTestId('why').all()) {
					await expect(why.textContent()).resolves.toContain('Methadone');
				}
			},
			{ javaScriptEnabled: false }
		);
	});

	// The cards are drawn as strings (result-card.ts): their styles come from app.css and
	// ResultItem.svelte, not from the components whose markup they reuse. On a phone, where no
	// map (whose popup uses those components) brings their styles along.
	test('a result card is styled: medications as pills, Call as a button', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto('/search?near=01608&radius=25');
				const card = page.getByTestId('result').first();
				const style = (selector: string, property: string) =>
					card
						.locator(selector)
						.first()
						.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
				await expect(style('.med-list ul', 'list-style-type')).resolves.toBe('none');
				await expect(style('.med-list li', 'border-top-style')).resolves.toBe('solid');
				await expect(style('.med-list .heading', 'font-weight')).resolves.toBe('600');
				await expect(style('.act', 'display')).resolves.toBe('flex');
				await expect(style('[data-testid="call"]', 'background-color')).resolves.not.toBe(
					'rgba(0, 0, 0, 0)'
				);
				await expect(style('.icon', 'width')).resolves.toBe('16px');
			},
			{ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
		);
	});

	test('with JavaScript a filter updates the results in place, and Back undoes it', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?near=01608');
			// Save buttons appear once the page has mounted: a box ticked before that is the plain
			// form's, which no script answers.
			await page.getByRole('button', { name: /^Save/ }).first().waitFor();
			const before = await headingCount(page);
			await page.evaluate(() => Object.assign(window, { __noReload: true }));

			const methadone = filter(page, 'Medications', 'Methadone maintenance');
			await methadone.check();
			// Focus stays on the box just ticked.
			await expect(methadone.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
			await settled(page, /medication=methadone/);
			const after = await headingCount(page);
			expect(after).toBeLessThan(before);
			expect(after).toBeGreaterThan(0);
			await expect(page.evaluate(() => '__noReload' in window)).resolves.toBe(true);
			// The new count is announced politely.
			await page.waitForFunction(
				(count) =>
					[...document.querySelectorAll('[aria-live="polite"]')].some((el) =>
						el.textContent?.startsWith(`${count} programs`)
					),
				after.toLocaleString('en-US')
			);

			await page.goBack();
			await settled(page, (url) => !url.searchParams.has('medication'));
			await expect(methadone.isChecked()).resolves.toBe(false);
			expect(await headingCount(page)).toBe(before);
			await expect(page.evaluate(() => '__noReload' in window)).resolves.toBe(true);
		});
	});

	test('shows that it is updating, and the last change wins over a slower earlier load', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?near=01608');
			// Once mounted (Save buttons show): a box ticked before that is the plain form's.
			await page.getByRole('button', { name: /^Save/ }).first().waitFor();
			// Slow the data loads down so that changes overlap them.
			await page.route('**/__data.json*', async (route) => {
				await new Promise((resolve) => setTimeout(resolve, 700));
				await route.continue().catch(() => {});
			});
			const methadone = filter(page, 'Medications', 'Methadone maintenance');
			const buprenorphine = filter(page, 'Medications', 'Prescribes or dispenses buprenorphine');
			await methadone.check();
			// Shown while the load is held back (700 ms), not only once it lands.
			await page.getByRole('status').getByText('Updating…').waitFor({ timeout: 500 });
			await expect(results(page).getAttribute('aria-busy')).resolves.toBe('true');
			// The first load is under way when the person changes their mind.
			await page.waitForTimeout(450);
			await buprenorphine.check();
			await methadone.uncheck();
			await settled(
				page,
				(url) => url.searchParams.getAll('medication').join() === 'buprenorphine'
			);
			await page.waitForTimeout(1_000);
			expect(new URL(page.url()).searchParams.getAll('medication')).toEqual(['buprenorphine']);
			await expect(methadone.isChecked()).resolves.toBe(false);
			await expect(buprenorphine.isChecked()).resolves.toBe(true);
			await expect(page.getByRole('status').getByText('Updating…').count()).resolves.toBe(0);
			for (const why of await page.getByTestId('why').all()) {
				await expect(why.textContent()).resolves.toMatch(/Prescribes or dispenses buprenorphine$/);
			}
		});
	});

	test('pages through results, keeping the search', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?near=Boston%2C+MA&medication=buprenorphine');
			const total = await headingCount(page);
			expect(total).toBeGreaterThan(40);
			const firstPage = await items(page).first().getByRole('link').first().textContent();
			await page
				.getByRole('navigation', { name: 'Result pages' })
				.getByRole('link', { name: /^Next/ })
				.click();
			await page.waitForURL(/offset=20/);
			const url = new URL(page.url());
			expect(url.searchParams.get('near')).toBe('Boston, MA');
			expect(url.searchParams.get('medication')).toBe('buprenorphine');
			await expect(page.getByText(/^Showing 21–40 of /).textContent()).resolves.toBe(
				`Showing 21–40 of ${total.toLocaleString('en-US')}, nearest first`
			);
			await expect(page.locator('ol.list').getAttribute('start')).resolves.toBe('21');
			expect(await items(page).first().getByRole('link').first().textContent()).not.toBe(firstPage);
			await page.getByRole('link', { name: /^Previous/ }).click();
			await page.waitForURL((u) => !u.searchParams.has('offset'));
			await expect(page.getByText(/^Showing 1–20 of /).isVisible()).resolves.toBe(true);
		});
	});

	test('with no place: the national picture, by state, city and name', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search');
			await expect(heading(page).textContent()).resolves.toMatch(/^[\d,]+ programs nationwide$/);
			// The default scope: programs listing a medication for opioid use disorder.
			expect(await headingCount(page)).toBeGreaterThan(8_000);
			await expect(
				page
					.getByText('Showing programs nationwide. Enter a place to see the nearest first.')
					.isVisible()
			).resolves.toBe(true);
			expect(await page.locator('.distance').count()).toBe(0);
			const states = await items(page).locator('.where').allTextContents();
			const codes = states.map((s) => /, ([A-Z]{2})\b/.exec(s)?.[1] ?? '');
			expect(codes).toEqual([...codes].sort());
		});
	});

	test('an unknown place shows why and offers close spellings', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?near=Worcestor%2C+MA&medication=naltrexone');
			await expect(heading(page).textContent()).resolves.toBe('Place not found');
			await expect(page.getByText(/could not find "Worcestor, MA"/).isVisible()).resolves.toBe(
				true
			);
			await page.getByRole('link', { name: 'Worcester, MA', exact: true }).click();
			await page.waitForURL(/near=Worcester%2C\+MA/);
			expect(new URL(page.url()).searchParams.get('medication')).toBe('naltrexone');
			await expect(heading(page).textContent()).resolves.toMatch(
				/within 25 miles of Worcester, MA$/
			);
			expect(await axeViolations(page)).toEqual([]);
		});
	});

	test('an ambiguous city offers its namesakes', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?near=Springfield');
			await expect(heading(page).textContent()).resolves.toBe('Which “Springfield” do you mean?');
			const choices = results(page).getByRole('listitem');
			expect(await choices.count()).toBeGreaterThan(3);
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Springfield, IL', exact: true }).click();
			await page.waitForURL(/near=Springfield%2C\+IL/);
			await expect(heading(page).textContent()).resolves.toMatch(
				/within 25 miles of Springfield, IL$/
			);
		});
	});

	test('no results: offers a wider radius and removing each filter', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?near=01608&radius=5&language=hmong&medication=methadone');
			expect(await headingCount(page)).toBe(0);
			await expect(items(page).count()).resolves.toBe(0);
			await expect(
				page.getByRole('link', { name: 'Search within 10 miles' }).isVisible()
			).resolves.toBe(true);
			await expect(
				page.getByRole('link', { name: 'Remove “Methadone maintenance”' }).isVisible()
			).resolves.toBe(true);
			await page.getByRole('link', { name: 'Remove “Hmong”' }).click();
			await page.waitForURL((u) => !u.searchParams.has('language'));
			expect(new URL(page.url()).searchParams.get('medication')).toBe('methadone');
			expect(await headingCount(page)).toBeGreaterThan(0);
		});
	});

	test('"Use my location" searches from the ZIP code around the point, and says so when refused', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto('/search?medication=buprenorphine');
				await page.getByRole('button', { name: 'Use my location' }).click();
				await page.waitForURL(/near=01601/);
				const url = new URL(page.url());
				// The address, which people copy and share, holds a ZIP code, not the point.
				expect(url.searchParams.has('lat')).toBe(false);
				expect(url.searchParams.has('lng')).toBe(false);
				expect(url.search).not.toMatch(/42\.26|71\.80/);
				expect(url.searchParams.get('medication')).toBe('buprenorphine');
				await expect(heading(page).textContent()).resolves.toMatch(
					/within 25 miles of ZIP 01601 \(Worcester, MA\)$/
				);
				await filter(page, 'Counseling', 'Group counseling').check();
				await settled(page, /counseling=group/);
				expect(new URL(page.url()).searchParams.get('near')).toBe('01601');
			},
			{ permissions: ['geolocation'], geolocation: { latitude: 42.26262, longitude: -71.80234 } }
		);
		await withPage(async ({ page }) => {
			await page.goto('/search');
			await page.getByRole('button', { name: 'Use my location' }).click();
			await page.getByText(/did not share your location/).waitFor();
			expect(new URL(page.url()).search).toBe('');
		});
	});

	test('on a phone the filters fold away, and /search has no accessibility violations', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto('/search?near=01608&medication=buprenorphine');
				const summary = page.locator('summary', { hasText: /^\s*Filters/ });
				await expect(summary.textContent()).resolves.toMatch(/Filters\s*\(1\sselected\)/);
				await expect(
					filter(page, 'Medications', 'Methadone maintenance').isVisible()
				).resolves.toBe(false);
				await expect(heading(page).isVisible()).resolves.toBe(true);
				await screenshot(page, 'search-mobile');
				expect(await axeViolations(page)).toEqual([]);
				await summary.click();
				await expect(
					filter(page, 'Medications', 'Methadone maintenance').isVisible()
				).resolves.toBe(true);
				await screenshot(page, 'search-mobile-filters');
			},
			{ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
		);
		await withPage(async ({ page }) => {
			await page.goto('/search?near=01608&medication=buprenorphine&family=family-counseling');
			await expect(filter(page, 'Medications', 'Methadone maintenance').isVisible()).resolves.toBe(
				true
			);
			await screenshot(page, 'search-desktop');
			expect(await axeViolations(page)).toEqual([]);
		});
	});

	test('the home page searches, and a program page offers directions and its medications', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/');
			await page.getByLabel('Where', { exact: true }).fill('Worcester, MA');
			await filter(page, 'Medications (optional)', 'Prescribes naltrexone').check();
			await page.getByRole('button', { name: 'Search', exact: true }).click();
			await page.waitForURL(/\/search\?near=Worcester%2C\+MA&radius=25&medication=naltrexone$/);
			// Polled: after a client-side navigation the address can change a frame before the page.
			await expect
				.poll(() => heading(page).textContent())
				.toMatch(/within 25 miles of Worcester, MA$/);

			await items(page).first().getByRole('link').first().click();
			await page.waitForURL(/\/facilities\//);
			const directions = page.getByRole('link', { name: 'Get directions' });
			await expect(directions.getAttribute('href')).resolves.toMatch(
				/^https:\/\/www\.openstreetmap\.org\/directions\?to=/
			);
			await expect(page.getByText('Medications:').isVisible()).resolves.toBe(true);
			await screenshot(page, 'program-from-search');
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Back to results' }).click();
			await page.waitForURL(/\/search\?/);
			await expect(filter(page, 'Medications', 'Prescribes naltrexone').isChecked()).resolves.toBe(
				true
			);
		});
	});
});
