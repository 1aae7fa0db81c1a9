// The moment of need on a phone: help in a crisis on every page, the first result and its Call
// button in the first screen after a search, filters in a sheet whose count follows the boxes,
// skip links, and the same page without JavaScript.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
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

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 900 } };
const SEARCH = '/search?near=01608&medication=buprenorphine';

/** Waits until a client-side update has landed: the URL matches and nothing is loading. */
async function settled(page: Page, url: RegExp): Promise<void> {
	await page.waitForURL(url);
	await page.waitForFunction(
		() => document.querySelector('[data-testid="results"]')?.getAttribute('aria-busy') === 'false'
	);
}

async function apiTotal(query: string): Promise<number> {
	const response = await fetch(`${inject('baseURL')}/api/facilities?${query}&limit=1`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { total: number }).total;
}

describe('after a search on a phone', () => {
	test('the first result’s name and its Call button are in the first screen', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/');
			await page.getByLabel('Where', { exact: true }).fill('01608');
			await page.getByRole('button', { name: 'Search', exact: true }).click();
			await page.waitForURL(/\/search\?near=01608/);
			await page.getByTestId('result').first().waitFor();
			const summary = page.getByTestId('search-summary');
			await expect(summary.textContent()).resolves.toMatch(/ZIP 01608 \(Worcester, MA\) · 25 mi/);
			// Folded: the place box is out of sight until Edit.
			await expect(page.getByLabel('Where', { exact: true }).isVisible()).resolves.toBe(false);

			const first = page.getByTestId('result').first();
			const name = await first.getByRole('heading').boundingBox();
			const call = await first.getByRole('link', { name: /^Call / }).boundingBox();
			expect(name).not.toBeNull();
			expect(call).not.toBeNull();
			expect(name!.y + name!.height).toBeLessThanOrEqual(844);
			expect(call!.y + call!.height).toBeLessThanOrEqual(844);
			await expect(
				first.getByRole('link', { name: /^Call / }).getAttribute('href')
			).resolves.toMatch(/^tel:\+1-\d{3}-\d{3}-\d{4}/);
			await expect(
				first.getByRole('link', { name: /^Directions/ }).getAttribute('href')
			).resolves.toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?to=/);
			await screenshot(page, 'phone-results');
			expect(await axeViolations(page)).toEqual([]);

			// Edit opens the form again, with the place kept.
			await summary.click();
			await expect(page.getByLabel('Where', { exact: true }).isVisible()).resolves.toBe(true);
			await expect(page.getByLabel('Where', { exact: true }).inputValue()).resolves.toBe('01608');
			await expect(
				page.getByLabel('Where', { exact: true }).getAttribute('maxlength')
			).resolves.toBe('200');
		}, PHONE);
	});

	test('the filters are a sheet whose "Show N programs" follows the boxes ticked', async () => {
		await withPage(async ({ page }) => {
			await page.goto(SEARCH);
			await page.locator('.panel > summary').click();
			const show = page.getByTestId('show-programs');
			// The count follows the boxes once the page's script runs.
			await page.waitForFunction(() =>
				/^Show \d/.test(document.querySelector('[data-testid="show-programs"]')?.textContent ?? '')
			);
			const before = await apiTotal('near=01608&medication=buprenorphine');
			await expect(show.textContent()).resolves.toBe(`Show ${before} programs`);
			// The sheet covers the screen, its button at the bottom in view.
			const box = await show.boundingBox();
			expect(box!.y + box!.height).toBeLessThanOrEqual(844);
			expect(box!.y).toBeGreaterThan(700);
			await expect(page.getByTestId('result').first().isVisible()).resolves.toBe(true);
			const list = await page
				.getByTestId('result')
				.first()
				.evaluate((li) => {
					const r = li.getBoundingClientRect();
					return document.elementFromPoint(r.x + 5, r.y + 5)?.closest('.panel') !== null;
				});
			expect(list, 'the sheet lies over the list').toBe(true);

			await page
				.getByRole('group', { name: 'Medications', exact: true })
				.getByRole('checkbox', { name: /^Methadone maintenance/ })
				.check();
			await settled(page, /medication=methadone/);
			const after = await apiTotal('near=01608&medication=buprenorphine&medication=methadone');
			expect(after).not.toBe(before);
			await expect(show.textContent()).resolves.toBe(`Show ${after} programs`);
			await screenshot(page, 'phone-filters-sheet');
			expect(await axeViolations(page)).toEqual([]);

			await page.keyboard.press('Escape');
			await expect(show.isVisible()).resolves.toBe(false);
			await page.locator('.panel > summary').click();
			await show.click();
			await page.waitForFunction(() => document.activeElement?.id === 'results');
			await expect(show.isVisible()).resolves.toBe(false);
			await expect(page.locator('#results').textContent()).resolves.toMatch(
				new RegExp(`^${after} programs within 25 miles`)
			);
		}, PHONE);
	});

	test('a sheet opened before the page’s script ran stays open when it runs', async () => {
		await withPage(async ({ page }) => {
			// The page's scripts wait until the tap has landed, as on a slow connection.
			let release!: () => void;
			const tapped = new Promise<void>((resolve) => (release = resolve));
			await page.route('**/_app/immutable/**/*.js', async (route) => {
				await tapped;
				await route.continue();
			});
			await page.goto(SEARCH, { waitUntil: 'commit' });
			const summary = page.locator('.panel > summary');
			await summary.click();
			await expect(page.locator('details.panel').getAttribute('open')).resolves.toBe('');
			release();
			// Mounted: the Save buttons come with the script, and the count with it.
			await page
				.getByRole('button', { name: /^Save: / })
				.first()
				.waitFor();
			await page.waitForFunction(() =>
				/^Show \d/.test(document.querySelector('[data-testid="show-programs"]')?.textContent ?? '')
			);
			await expect(page.getByTestId('show-programs').isVisible()).resolves.toBe(true);
			// And the person's later choices still work: Escape closes it.
			await page.keyboard.press('Escape');
			await expect(page.getByTestId('show-programs').isVisible()).resolves.toBe(false);
		}, PHONE);
	});

	test('the closed sheet is drawn when reached, and a new place keeps the filters', async () => {
		await withPage(async ({ page }) => {
			await page.goto(`${SEARCH}&counseling=cbt`);
			await page.getByTestId('result').first().waitFor();
			// Mounted (the Save buttons come with the script), and the sheet's boxes not drawn yet:
			// the ticked ones wait as hidden fields of the search form.
			await page
				.getByRole('button', { name: /^Save: / })
				.first()
				.waitFor();
			await expect(page.locator('.panel .body').count()).resolves.toBe(0);
			await expect(
				page
					.locator('.panel input[type="hidden"][form="search-form"]')
					.evaluateAll((inputs) =>
						inputs.map((i) => `${(i as HTMLInputElement).name}=${(i as HTMLInputElement).value}`)
					)
			).resolves.toEqual(['medication=buprenorphine', 'counseling=cbt']);

			await page.getByTestId('search-summary').click();
			await page.getByLabel('Where', { exact: true }).fill('01609');
			await page.getByRole('button', { name: 'Search', exact: true }).click();
			await settled(page, /near=01609/);
			const params = new URL(page.url()).searchParams;
			expect(params.getAll('counseling')).toEqual(['cbt']);
			expect(params.getAll('medication')).toEqual(['buprenorphine']);

			// Reached by keyboard, the sheet is drawn before it opens, its ticked box ticked.
			await page.locator('.panel > summary').focus();
			await page.keyboard.press('Enter');
			await expect(
				page.getByRole('checkbox', { name: /^Cognitive behavioral therapy/ }).isChecked()
			).resolves.toBe(true);
		}, PHONE);
	});

	test('without JavaScript the page still searches and filters', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto('/search');
				await page.getByLabel('Where', { exact: true }).fill('01608');
				await page.getByRole('button', { name: 'Search', exact: true }).click();
				await page.waitForURL(/near=01608/);
				await expect(page.getByTestId('result').count()).resolves.toBeGreaterThan(0);
				await page.locator('.panel > summary').click();
				const show = page.getByRole('button', { name: 'Show results' });
				await expect(show.isVisible()).resolves.toBe(true);
				await page
					.getByRole('group', { name: 'Medications', exact: true })
					.getByRole('checkbox', { name: /^Prescribes naltrexone/ })
					.check();
				await show.click();
				await page.waitForURL(/medication=naltrexone/);
				const total = await apiTotal('near=01608&medication=naltrexone');
				await expect(page.locator('#results').textContent()).resolves.toMatch(
					new RegExp(`^${total} programs within 25 miles`)
				);
				await expect(page.getByTestId('search-summary').textContent()).resolves.toMatch(
					/Naltrexone · ZIP 01608/
				);
			},
			{ ...PHONE, javaScriptEnabled: false }
		);
	});
});

describe('help now', () => {
	const CRISIS = ['tel:988', 'sms:988', 'tel:+18006624357', 'tel:911'];

	async function programIds(): Promise<string[]> {
		const response = await fetch(`${inject('baseURL')}/api/facilities?near=01608&limit=2`);
		const { items } = (await response.json()) as { items: { id: string }[] };
		return items.map((i) => i.id);
	}

	test(
		'988, SAMHSA’s Helpline and 911 are one tap away on every page',
		{ timeout: 240_000 },
		async () => {
			const ids = await programIds();
			const pages = [
				'/',
				SEARCH,
				`/facilities/${ids[0]}`,
				'/shortlist',
				`/shortlist/compare?ids=${ids.join(',')}`,
				'/about/privacy',
				'/about/data',
				'/states/MA',
				'/help'
			];
			for (const options of [PHONE, DESKTOP]) {
				await withPage(
					async ({ page }) => {
						for (const path of [...pages, '/no-such-page']) {
							const response = await page.goto(path);
							expect(response?.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
							const help = page.getByTestId('help-now');
							await help.locator('summary').click();
							for (const href of CRISIS) {
								const link = help.locator(`a[href="${href}"]`);
								await expect(link.isVisible(), `${path} ${href}`).resolves.toBe(true);
							}
							await expect(help.getByText('naloxone', { exact: false }).isVisible()).resolves.toBe(
								true
							);
						}
						// Open, it lies over the page rather than pushing it down.
						await page.goto(SEARCH);
						const before = await page.locator('#results').boundingBox();
						await page.getByTestId('help-now').locator('summary').click();
						const after = await page.locator('#results').boundingBox();
						expect(after!.y).toBe(before!.y);
						expect(await axeViolations(page)).toEqual([]);
					},
					{ ...options, allowHttpErrors: true }
				);
			}
			await withPage(async ({ page }) => {
				await page.goto('/help');
				for (const href of CRISIS) {
					await expect(page.locator(`main a[href="${href}"]`).count()).resolves.toBeGreaterThan(0);
				}
				expect(await axeViolations(page)).toEqual([]);
			}, PHONE);
		}
	);
});

describe('keyboard', () => {
	test('skip links move focus to the results, the filters and the map', async () => {
		await withPage(async ({ page }) => {
			await page.goto(SEARCH);
			await page.getByTestId('map').waitFor();
			const targets = [
				['Skip to results', 'results'],
				['Skip to filters', 'filters'],
				['Skip to map', 'map'],
				['Skip to content', 'main']
			] as const;
			for (const [name, id] of targets) {
				const link = page.getByRole('link', { name, exact: true });
				await link.focus();
				await expect(link.isVisible()).resolves.toBe(true);
				await page.keyboard.press('Enter');
				await page.waitForFunction((want) => document.activeElement?.id === want, id);
			}
			// From the results, the next Tab is inside the first result.
			await page.getByRole('link', { name: 'Skip to results', exact: true }).focus();
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => document.activeElement?.id === 'results');
			let presses = 0;
			for (; presses < 20; presses++) {
				await page.keyboard.press('Tab');
				const inFirst = await page.evaluate(
					() =>
						document.activeElement?.closest('[data-testid="result"]') ===
						document.querySelector('[data-testid="result"]')
				);
				if (inFirst) break;
			}
			expect(presses).toBeLessThan(5);
		}, DESKTOP);
		await withPage(async ({ page }) => {
			await page.goto(SEARCH);
			// No map on a phone's list: no link to it.
			await expect(
				page.getByRole('link', { name: 'Skip to map', exact: true }).isVisible()
			).resolves.toBe(false);
			await page.getByRole('link', { name: 'Skip to filters', exact: true }).focus();
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => document.activeElement?.id === 'filters');
		}, PHONE);
	});

	test('the map shows a focus ring of at least 2 px', async () => {
		await withPage(async ({ page }) => {
			await page.goto(SEARCH);
			const canvas = page.locator('.maplibregl-canvas');
			await canvas.waitFor();
			await page.getByRole('link', { name: 'Skip to map', exact: true }).focus();
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => document.activeElement?.id === 'map');
			// Tab moves on into the map; the canvas (arrow keys pan it) is among the first stops.
			for (let i = 0; i < 6; i++) {
				await page.keyboard.press('Tab');
				if (await canvas.evaluate((c) => c === document.activeElement)) break;
			}
			const ring = await canvas.evaluate((c) => {
				const style = getComputedStyle(c);
				return {
					focused: c === document.activeElement,
					width: style.outlineWidth,
					style: style.outlineStyle,
					color: style.outlineColor
				};
			});
			expect(ring.focused).toBe(true);
			expect(ring.style).toBe('solid');
			expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
			// --focus (#b8460b): 5.3:1 on white, well over 3:1.
			expect(ring.color).toBe('rgb(184, 70, 11)');
		}, DESKTOP);
	});

	test('the filters’ help is one Tab per group, not one per option', async () => {
		await withPage(async ({ page }) => {
			await page.goto(SEARCH);
			const medications = page.getByRole('group', { name: 'Medications', exact: true });
			await expect(medications.getByText('What is it?').count()).resolves.toBe(0);
			const help = page.locator('summary', { hasText: 'What do these mean? Medications' });
			await expect(help.count()).resolves.toBe(1);
			await help.click();
			await expect(page.getByText(/^A daily dose, usually a liquid/).isVisible()).resolves.toBe(
				true
			);
		}, DESKTOP);
	});
});
