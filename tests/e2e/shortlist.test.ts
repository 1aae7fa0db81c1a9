import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
	axeViolations,
	launchBrowser,
	withPage as withPage_,
	type CheckOptions,
	type WatchedPage
} from './browser';
import { SHORTLIST_KEY, storedShortlist } from './stored-shortlist';

let browser: Browser;
/** The three programs nearest ZIP 01608 offering buprenorphine, from the JSON API. */
let programs: { id: string; name: string; city: string; state: string; zip: string }[];

const SEARCH = '/search?near=01608&medication=buprenorphine';
const KEY = SHORTLIST_KEY;

beforeAll(async () => {
	browser = await launchBrowser();
	const response = await fetch(
		`${inject('baseURL')}/api/facilities?near=01608&medication=buprenorphine&limit=3`
	);
	programs = (await response.json()).items;
	expect(programs).toHaveLength(3);
});

afterAll(async () => {
	await browser?.close();
});

const withPage = (run: (watched: WatchedPage) => Promise<void>, options?: CheckOptions) =>
	withPage_(browser, run, options);

const headerLink = (page: Page) => page.getByTestId('shortlist-link');
const entries = (page: Page) => page.getByTestId('entry');
const ids = () => programs.map((p) => p.id);

/** Waits for the count in the header, which appears once the list has been read. */
async function count(page: Page, n: number): Promise<void> {
	await page.waitForFunction(
		(text) => document.querySelector('[data-testid="shortlist-link"]')?.textContent === text,
		`Shortlist\u00a0(${n})`
	);
}

/** Opens a saved program's page, checks it shows as saved, then goes to the shortlist. */
async function viaProgramPage(page: Page, link: Locator): Promise<void> {
	await link.click();
	await page.waitForURL(/\/facilities\//);
	await expect(
		page.getByRole('button', { name: /^Saved\b/ }).getAttribute('aria-pressed')
	).resolves.toBe('true');
	await headerLink(page).click();
	await page.waitForURL(/\/shortlist$/);
}

/** Writes a shortlist straight into this origin's storage, as an earlier visit would have. */
async function seed(page: Page, extra: Record<string, unknown>[] = []): Promise<void> {
	await page.goto('/');
	const stored = storedShortlist(
		programs.map((p, i) => ({
			...p,
			distanceMiles: 1 + i,
			distanceFrom: 'ZIP 01608 (Worcester, MA)'
		})),
		extra
	);
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, stored]);
}

test('bad ids in a shared or compare address are a 400 that names the field', async () => {
	const bad = await fetch(`${inject('baseURL')}/shortlist/compare?ids=${ids()[0]},DROP`);
	expect(bad.status).toBe(400);
	expect(await bad.text()).toContain('ids.1: is not a program id');
	const none = await fetch(`${inject('baseURL')}/shortlist/shared`);
	expect(none.status).toBe(400);
	expect(await none.text()).toContain('ids: is required');
});

describe('the shortlist', () => {
	test('save three results, annotate them, reload, and compare them', async () => {
		await withPage(async ({ page }) => {
			await page.goto(SEARCH);
			await count(page, 0);
			const results = page.getByTestId('result');
			for (let i = 0; i < 3; i++) {
				const save = results.nth(i).getByRole('button', { name: /^Save\b/ });
				await expect(save.getAttribute('aria-pressed')).resolves.toBe('false');
				await save.click();
				const saved = results.nth(i).getByRole('button', { name: /^Saved\b/ });
				await expect(saved.getAttribute('aria-pressed')).resolves.toBe('true');
				await count(page, i + 1);
			}
			await expect(results.nth(0).getAttribute('data-id')).resolves.toBe(programs[0]!.id);
			await expect(page.getByTestId('shortlist-live').textContent()).resolves.toMatch(
				/Saved .+\. 3 programs in your shortlist\./
			);
			expect(await axeViolations(page)).toEqual([]);

			await viaProgramPage(page, results.nth(0).getByRole('link').first());
			await expect(entries(page).count()).resolves.toBe(3);
			const first = entries(page).nth(0);
			const second = entries(page).nth(1);
			await first.getByLabel('Your notes').fill('Ask about evening dosing, and "take-homes"');
			await first.getByLabel('Your notes').blur();
			await second.getByLabel('Status').selectOption({ label: 'Intake booked' });
			await expect(first.locator('.distance').textContent()).resolves.toMatch(
				/^[\d.]+ mi from ZIP 01608 \(Worcester, MA\)$/
			);
			expect(await axeViolations(page)).toEqual([]);

			await page.reload();
			await count(page, 3);
			await expect(entries(page).nth(0).getByLabel('Your notes').inputValue()).resolves.toBe(
				'Ask about evening dosing, and "take-homes"'
			);
			await expect(entries(page).nth(1).getByLabel('Status').inputValue()).resolves.toBe(
				'intake-booked'
			);
			await expect(entries(page).nth(2).getByLabel('Status').inputValue()).resolves.toBe('to-call');
			const changed = entries(page).nth(1).locator('time');
			expect(new Date((await changed.getAttribute('datetime'))!).getTime()).toBeGreaterThan(
				Date.now() - 120_000
			);

			await page.getByRole('link', { name: 'Compare side by side' }).click();
			await page.waitForURL(/\/shortlist\/compare\?ids=/);
			expect(new URL(page.url()).searchParams.get('ids')).toBe(ids().join(','));
			const table = page.getByTestId('compare');
			await expect(table.locator('thead th[scope="col"]').count()).resolves.toBe(3);
			const differs = table.getByTestId('differs');
			expect(await differs.count()).toBeGreaterThan(0);
			for (const row of await differs.all()) {
				await expect(row.locator('th').textContent()).resolves.toMatch(/\u00a0\(differs\)$/);
				await expect(
					row
						.locator('td')
						.first()
						.evaluate((td) => getComputedStyle(td).backgroundColor)
				).resolves.not.toBe('rgba(0, 0, 0, 0)');
			}
			const same = table.locator('tbody tr:not(.differs):not(.section)').filter({ hasText: 'Yes' });
			await expect(same.first().locator('th').textContent()).resolves.not.toMatch(/differs/);
			// Distances come from this device's list, after the page has loaded.
			await expect(
				table.getByTestId('distance-row').locator('td').first().textContent()
			).resolves.toMatch(/^[\d.]+ mi from ZIP 01608/);
			expect(await axeViolations(page)).toEqual([]);
		});
	});

	test('the table scrolls on a phone while the row names stay put', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(`/shortlist/compare?ids=${ids().join(',')}`);
				const scroller = page.locator('.scroll');
				const rowName = page.getByRole('rowheader', {
					name: 'Prescribes or dispenses buprenorphine',
					exact: true
				});
				const before = await rowName.boundingBox();
				await scroller.evaluate((el) => (el.scrollLeft = 300));
				await expect(scroller.evaluate((el) => el.scrollLeft)).resolves.toBeGreaterThan(100);
				const after = await rowName.boundingBox();
				expect(after!.x).toBe(before!.x);
			},
			{ viewport: { width: 375, height: 740 } }
		);
	});

	test('a share link holds only ids, and opens read-only in another browser', async () => {
		let shared = '';
		await withPage(async ({ page }) => {
			await seed(page, [{ note: 'secret note', status: 'called' }]);
			await page.goto('/shortlist');
			await count(page, 3);
			shared = await page.getByLabel('Share link').inputValue();
		});
		const url = new URL(shared);
		expect(url.pathname).toBe('/shortlist/shared');
		expect([...url.searchParams.keys()]).toEqual(['ids']);
		expect(url.searchParams.get('ids')).toBe(ids().join(','));
		for (const secret of ['secret', 'called', '01608', 'Worcester', 'mi', 'lat', 'near']) {
			expect(url.search).not.toContain(secret);
		}

		await withPage(async ({ page }) => {
			await page.goto(`${url.pathname}${url.search}`);
			await count(page, 0);
			const list = page.getByTestId('shared-entry');
			await expect(list.count()).resolves.toBe(3);
			await expect(list.nth(0).getByRole('heading').textContent()).resolves.toBe(programs[0]!.name);
			await expect(page.getByRole('textbox').count()).resolves.toBe(0);
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Add these to my shortlist' }).click();
			await expect(page.getByRole('status').textContent()).resolves.toBe(
				'Added 3 programs to your shortlist.'
			);
			await count(page, 3);
			await page.getByRole('button', { name: 'Add these to my shortlist' }).click();
			await expect(page.getByRole('status').textContent()).resolves.toBe(
				'All of these are already on your shortlist.'
			);
			await page.getByRole('link', { name: 'Open my shortlist' }).click();
			await page.waitForURL(/\/shortlist$/);
			await expect(entries(page).count()).resolves.toBe(3);
			await expect(entries(page).nth(0).getByLabel('Your notes').inputValue()).resolves.toBe('');
		});
	});

	test('printing shows the call sheet and hides the controls', async () => {
		await withPage(async ({ page }) => {
			await seed(page, [{ note: 'Ask for Dana at intake' }]);
			await page.goto('/shortlist');
			await count(page, 3);
			await expect(entries(page).count()).resolves.toBe(3);
			const sheet = page.getByTestId('call-sheet');
			await expect(sheet.first().isVisible()).resolves.toBe(false);

			await page.emulateMedia({ media: 'print' });
			for (const one of await sheet.all()) {
				await expect(one.isVisible()).resolves.toBe(true);
				await expect(one.getByText('Accepting new patients?').isVisible()).resolves.toBe(true);
			}
			await expect(sheet.first().getByText('Ask for Dana at intake').isVisible()).resolves.toBe(
				true
			);
			// Name, phone and address are printed with it.
			const first = entries(page).first();
			await expect(first.getByRole('heading').isVisible()).resolves.toBe(true);
			await expect(first.getByText('508-555-0100').isVisible()).resolves.toBe(true);
			await expect(first.locator('.address').isVisible()).resolves.toBe(true);
			for (const hidden of [
				page.getByRole('button', { name: 'Export CSV' }),
				page.getByRole('button', { name: /^Remove/ }).first(),
				first.getByLabel('Your notes'),
				headerLink(page)
			]) {
				await expect(hidden.isVisible()).resolves.toBe(false);
			}
		});
	});

	test('exports a CSV made in the browser, safe to open in a spreadsheet', async () => {
		await withPage(async ({ page }) => {
			await seed(page, [{ note: '=HYPERLINK("x"), call back' }]);
			await page.goto('/shortlist');
			await count(page, 3);
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'Export CSV' }).click()
			]);
			expect(download.url()).toMatch(/^blob:/);
			const csv = await readFile((await download.path())!, 'utf8');
			const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
			expect(lines[0]).toMatch(/^Program,Status,Note,/);
			expect(lines).toHaveLength(5);
			expect(lines[1]).toContain(`"'=HYPERLINK(""x""), call back"`);
		});
	});

	test('two tabs stay in step', async () => {
		await withPage(async ({ page, context }) => {
			const other = await context.newPage();
			await page.goto(SEARCH);
			await other.goto(SEARCH);
			await count(page, 0);
			await count(other, 0);
			await page
				.getByTestId('result')
				.nth(0)
				.getByRole('button', { name: /^Save\b/ })
				.click();
			await count(other, 1);
			const mirrored = other
				.getByTestId('result')
				.nth(0)
				.getByRole('button', { name: /^Saved\b/ });
			await expect(mirrored.getAttribute('aria-pressed')).resolves.toBe('true');
			await other.waitForFunction(() =>
				document
					.querySelector('[data-testid="shortlist-live"]')
					?.textContent?.includes('changed in another tab')
			);
			await mirrored.click();
			await count(page, 0);
		});
	});

	test('a full storage is said plainly, and this tab keeps the change', async () => {
		await withPage(async ({ page, context }) => {
			await context.addInitScript(() => {
				Storage.prototype.setItem = () => {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				};
			});
			await page.goto(SEARCH);
			await count(page, 0);
			await page
				.getByTestId('result')
				.nth(0)
				.getByRole('button', { name: /^Save\b/ })
				.click();
			await count(page, 1);
			await expect(page.getByRole('alert').textContent()).resolves.toMatch(
				/storage is full, so this change could not be saved/
			);
			await page.getByRole('button', { name: 'Dismiss' }).click();
			await expect(page.getByRole('alert').count()).resolves.toBe(0);
		});
	});

	test('an unreadable list is set aside with a message, and saving works again', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/');
			await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"entries":['), KEY);
			await page.goto(SEARCH);
			await count(page, 0);
			await expect(page.getByRole('alert').textContent()).resolves.toMatch(/could not be read/);
			await page
				.getByTestId('result')
				.nth(0)
				.getByRole('button', { name: /^Save\b/ })
				.click();
			await page.reload();
			await count(page, 1);
			await expect(
				page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), KEY)
			).resolves.toBe('{"version":1,"entries":[');
		});
	});

	test('an old list of bare ids is migrated, and a program page fills in its name', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/');
			await page.evaluate(
				([key, value]) => localStorage.setItem(key!, value!),
				[KEY, JSON.stringify([programs[0]!.id, 'NOT AN ID'])]
			);
			await page.goto('/shortlist');
			await count(page, 1);
			await expect(entries(page).getByRole('heading').textContent()).resolves.toBe('Saved program');
			await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^1 program/);
			await viaProgramPage(page, entries(page).getByRole('link', { name: 'Saved program' }));
			await expect(entries(page).getByRole('heading').textContent()).resolves.toBe(
				programs[0]!.name
			);
			const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
			expect(JSON.parse(stored!)).toMatchObject({
				version: 2,
				lists: [{ name: 'My shortlist', entries: [{ id: programs[0]!.id }] }]
			});
		});
	});

	test('removing a program moves focus to the next one', async () => {
		await withPage(async ({ page }) => {
			await seed(page);
			await page.goto('/shortlist');
			await count(page, 3);
			await entries(page)
				.nth(0)
				.getByRole('button', { name: /^Remove/ })
				.click();
			await expect(entries(page).count()).resolves.toBe(2);
			await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
				programs[1]!.name
			);
			await count(page, 2);
		});
	});

	test('without JavaScript: compare and shared lists render from the address', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(`/shortlist/compare?ids=${ids().join(',')}`);
				const table = page.getByTestId('compare');
				await expect(table.locator('thead th[scope="col"]').allTextContents()).resolves.toEqual(
					programs.map((p) => expect.stringContaining(p.name))
				);
				expect(await table.getByTestId('differs').count()).toBeGreaterThan(0);
				await expect(headerLink(page).textContent()).resolves.toBe('Shortlist');

				await page.goto(`/shortlist/shared?ids=${ids().join(',')},000000000000`);
				await expect(page.getByTestId('shared-entry').count()).resolves.toBe(3);
				await expect(page.getByTestId('missing').textContent()).resolves.toMatch(
					/^1 program is no longer listed/
				);
				await expect(page.getByRole('button', { name: /Add these/ }).count()).resolves.toBe(0);

				await page.goto('/shortlist');
				await expect(page.getByText(/needs JavaScript to show/).isVisible()).resolves.toBe(true);
			},
			{ javaScriptEnabled: false }
		);
	});
});
