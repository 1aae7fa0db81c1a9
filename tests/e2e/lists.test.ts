import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { whatToAsk } from '../../src/lib/program/what-to-ask';
import { axeViolations, launchBrowser, withPage as withPage_, type WatchedPage } from './browser';
import { SHORTLIST_KEY, storedShortlist } from './stored-shortlist';

let browser: Browser;
/** Programs near ZIP 01608; the first has intake lines besides its main phone. */
let programs: { id: string; name: string; phone: string | null; intakePhones: string[] }[];

const SEARCH = '/search?near=01608&medication=buprenorphine';
const KEY = SHORTLIST_KEY;
const SIZES = [
	{ width: 390, height: 844 },
	{ width: 1366, height: 900 }
];

beforeAll(async () => {
	browser = await launchBrowser();
	const base = inject('baseURL');
	const near = await (await fetch(`${base}/api/facilities?near=01608&limit=20`)).json();
	const details = [];
	for (const p of near.items as { id: string }[]) {
		const response = await fetch(`${base}/api/facilities/${p.id}`);
		expect(response.status).toBe(200);
		details.push(await response.json());
	}
	const withIntake = details.filter((d) => d.intakePhones.length > 0 && d.phone);
	expect(withIntake.length).toBeGreaterThan(0);
	programs = [
		withIntake[0],
		...details.filter((d) => d.id !== withIntake[0].id && d.phone).slice(0, 2)
	].map((d) => ({ id: d.id, name: d.displayName, phone: d.phone, intakePhones: d.intakePhones }));
});

afterAll(async () => {
	await browser?.close();
});

const entries = (page: Page) => page.getByTestId('entry');

async function ready(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		/\(\d+\)$/.test(document.querySelector('[data-testid="shortlist-link"]')?.textContent ?? '')
	);
}

/** A v1 list (one per browser), as the build before lists wrote it: only the main phone saved. */
async function seedV1(page: Page, extra: Record<string, unknown>[] = []): Promise<void> {
	await page.goto('/');
	const stored = storedShortlist(
		programs.map((p) => ({
			id: p.id,
			name: p.name,
			city: 'Worcester',
			state: 'MA',
			zip: '01608',
			phones: p.phone ? [p.phone] : []
		})),
		extra
	);
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, stored]);
}

async function newList(page: Page, name: string): Promise<void> {
	await page.getByRole('button', { name: 'New list' }).click();
	await page.getByLabel('Name of the new list').fill(name);
	await page.getByRole('button', { name: 'Make the list' }).click();
	await page.waitForFunction(
		(n) =>
			(
				document.getElementById('current-list') as HTMLSelectElement | null
			)?.selectedOptions[0]?.textContent?.startsWith(n),
		name
	);
}

const showList = (page: Page, name: string) =>
	page
		.evaluate((n) => {
			const select = document.getElementById('current-list') as HTMLSelectElement;
			const option = [...select.options].find((o) => o.textContent!.startsWith(`${n} (`))!;
			return option.value;
		}, name)
		.then((value) => page.getByLabel('Showing the list').selectOption(value));

const names = (page: Page) => entries(page).getByRole('heading').allTextContents();

for (const viewport of SIZES) {
	const withPage = (run: (watched: WatchedPage) => Promise<void>) =>
		withPage_(browser, run, { viewport });

	describe(`lists at ${viewport.width}×${viewport.height}`, () => {
		test('two lists: save to the current one, move and copy between them, delete and undo', async () => {
			await withPage(async ({ page }) => {
				await page.goto('/shortlist');
				await ready(page);
				await newList(page, 'Client A');
				await newList(page, 'Client B');
				await page.goto(SEARCH);
				await ready(page);
				const results = page.getByTestId('result');
				for (const i of [0, 1]) {
					const save = results.nth(i).getByRole('button', { name: /^Save: .+to Client B$/ });
					await save.click();
					await expect(
						results
							.nth(i)
							.getByRole('button', { name: /^Saved: .+in Client B$/ })
							.getAttribute('aria-pressed')
					).resolves.toBe('true');
				}
				const saved = await results.evaluateAll((els) =>
					els.slice(0, 2).map((el) => el.getAttribute('data-id'))
				);
				await page.goto('/shortlist');
				await ready(page);
				await expect(entries(page).count()).resolves.toBe(2);
				await entries(page).nth(0).getByLabel('Your notes').fill('Ask for Dana');
				await entries(page).nth(0).getByLabel('Your notes').blur();
				await entries(page).nth(0).getByLabel('Status').selectOption({ label: 'Called' });
				expect(await axeViolations(page)).toEqual([]);

				// Move the first to Client A (the only other list but one: choose it), copy the second.
				await entries(page).nth(0).getByLabel('Another list').selectOption({ label: 'Client A' });
				await entries(page)
					.nth(0)
					.getByRole('button', { name: /^Move: / })
					.click();
				await expect(entries(page).count()).resolves.toBe(1);
				await entries(page).nth(0).getByLabel('Another list').selectOption({ label: 'Client A' });
				await entries(page)
					.nth(0)
					.getByRole('button', { name: /^Copy: / })
					.click();
				await expect(entries(page).count()).resolves.toBe(1);
				await expect(entries(page).nth(0).getAttribute('data-id')).resolves.toBe(saved[1]);

				await showList(page, 'Client A');
				await expect(
					entries(page).evaluateAll((els) => els.map((e) => e.dataset.id))
				).resolves.toEqual(saved);
				await expect(entries(page).nth(0).getByLabel('Your notes').inputValue()).resolves.toBe(
					'Ask for Dana'
				);
				await expect(entries(page).nth(0).getByLabel('Status').inputValue()).resolves.toBe(
					'called'
				);
				// Copying again where it already is changes nothing, and says so.
				await entries(page).nth(1).getByLabel('Another list').selectOption({ label: 'Client B' });
				await entries(page)
					.nth(1)
					.getByRole('button', { name: /^Copy: / })
					.click();
				await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(
					/already in “Client B”/
				);

				// Rename, then delete with confirmation, then undo.
				await page.getByRole('button', { name: 'Rename list' }).click();
				await page.getByLabel('New name for the list').fill('Client A (Tues)');
				await page.getByRole('button', { name: 'Save the name' }).click();
				await page.getByRole('button', { name: 'Delete list' }).click();
				await expect(
					page.getByText(/^Delete “Client A \(Tues\)” and its 2 programs/).isVisible()
				).resolves.toBe(true);
				await page.getByRole('button', { name: 'Keep it' }).click();
				await expect(entries(page).count()).resolves.toBe(2);
				await page.getByRole('button', { name: 'Delete list' }).click();
				await page.getByRole('button', { name: 'Delete “Client A (Tues)”' }).click();
				await expect(page.getByTestId('deleted').textContent()).resolves.toMatch(
					/Deleted “Client A \(Tues\)”/
				);
				await expect(page.locator('#current-list option').allTextContents()).resolves.toEqual([
					'My shortlist (0 programs)',
					'Client B (1 program)'
				]);
				await page.getByRole('button', { name: 'Undo' }).click();
				await page.reload();
				await ready(page);
				await expect(page.locator('#current-list option').allTextContents()).resolves.toEqual([
					'My shortlist (0 programs)',
					'Client A (Tues) (2 programs)',
					'Client B (1 program)'
				]);
				await expect(names(page)).resolves.toHaveLength(2);
				expect(await axeViolations(page)).toEqual([]);
			});
		});

		test('the call sheet prints every intake number, the list name only when ticked, and what to ask', async () => {
			await withPage(async ({ page, context }) => {
				await context.addInitScript(() => {
					window.print = () => document.body.setAttribute('data-printed', 'yes');
				});
				await seedV1(page);
				await page.goto('/shortlist');
				await ready(page);
				// The old single list became the first list, entries intact.
				await expect(entries(page).count()).resolves.toBe(3);
				await page.emulateMedia({ media: 'print' });
				await expect(page.getByTestId('printed-list-name').count()).resolves.toBe(0);
				await page.emulateMedia({ media: 'screen' });
				await page.getByLabel(/Print the list’s name/).check();
				await page.getByRole('button', { name: 'Print call sheet' }).click();
				await page.waitForSelector('body[data-printed="yes"]');
				await page.emulateMedia({ media: 'print' });
				const first = entries(page).first();
				for (const phone of [programs[0]!.phone!, ...programs[0]!.intakePhones]) {
					await expect(first.getByText(phone, { exact: true }).isVisible()).resolves.toBe(true);
				}
				await expect(page.getByTestId('printed-list-name').textContent()).resolves.toMatch(
					/List: My shortlist/
				);
				const checklist = page.getByTestId('checklist');
				await expect(checklist.isVisible()).resolves.toBe(true);
				for (const item of whatToAsk()) {
					await expect(checklist.getByText(item.text).isVisible()).resolves.toBe(true);
				}
				await page.emulateMedia({ media: 'screen' });
				await page.getByLabel(/Print the list’s name/).uncheck();
				await page.emulateMedia({ media: 'print' });
				await expect(page.getByTestId('printed-list-name').count()).resolves.toBe(0);
			});
		});

		test('a list exported as a file is imported on a fresh browser; bad files are refused', async () => {
			let file = '';
			await withPage(async ({ page }) => {
				await seedV1(page, [{ note: 'Bring ID', status: 'waitlist' }]);
				await page.goto('/shortlist');
				await ready(page);
				const [download] = await Promise.all([
					page.waitForEvent('download'),
					page.getByRole('button', { name: 'Export list as a file' }).click()
				]);
				expect(download.suggestedFilename()).toMatch(/^mat-locator-list-my-shortlist-.+\.json$/);
				file = await readFile((await download.path())!, 'utf8');
				expect(JSON.parse(file)).toMatchObject({
					format: 'mat-locator-list',
					version: 1,
					list: { name: 'My shortlist' }
				});
			});
			await withPage(async ({ page }) => {
				await page.goto('/shortlist');
				await ready(page);
				await page.getByLabel('List file to import').setInputFiles({
					name: 'bad.json',
					mimeType: 'application/json',
					buffer: Buffer.from(
						JSON.stringify({
							format: 'mat-locator-list',
							version: 1,
							list: { name: 'X', entries: [{ id: 'NOPE!' }] }
						})
					)
				});
				await page.getByRole('button', { name: 'Import', exact: true }).click();
				await expect
					.poll(() => page.getByTestId('import-error').textContent())
					.toMatch(/could not be imported: program 1 \(id\)/);
				await expect(entries(page).count()).resolves.toBe(0);

				await page.getByLabel('List file to import').setInputFiles({
					name: 'list.json',
					mimeType: 'application/json',
					buffer: Buffer.from(file)
				});
				await page.getByRole('button', { name: 'Import', exact: true }).click();
				await expect
					.poll(() => page.getByTestId('import-result').textContent())
					.toBe('Imported “My shortlist (2)” as a new list: 3 programs.');
				await expect.poll(() => page.getByTestId('import-error').textContent()).toBe('');
				await expect(entries(page).count()).resolves.toBe(3);
				await expect(entries(page).nth(0).getByLabel('Your notes').inputValue()).resolves.toBe(
					'Bring ID'
				);
				await expect(entries(page).nth(0).getByLabel('Status').inputValue()).resolves.toBe(
					'waitlist'
				);
				// Merging the same file again keeps what is there.
				await entries(page).nth(0).getByLabel('Your notes').fill('Mine now');
				await entries(page).nth(0).getByLabel('Your notes').blur();
				await page.getByRole('radio', { name: /Programs added to/ }).check();
				await page.getByLabel('List file to import').setInputFiles({
					name: 'list.json',
					mimeType: 'application/json',
					buffer: Buffer.from(file)
				});
				await page.getByRole('button', { name: 'Import', exact: true }).click();
				await expect
					.poll(() => page.getByTestId('import-result').textContent())
					.toMatch(
						/^Added 0 programs to “My shortlist \(2\)”\. 3 programs already on it were kept as is\.$/
					);
				await expect(entries(page).nth(0).getByLabel('Your notes').inputValue()).resolves.toBe(
					'Mine now'
				);
				expect(await axeViolations(page)).toEqual([]);
			});
		});

		test('compare keeps the names in view, shows only differences, tappable phones and the notes', async () => {
			await withPage(async ({ page }) => {
				await seedV1(page, [{ note: 'Evening hours?', status: 'called' }]);
				await page.goto(`/shortlist/compare?ids=${programs.map((p) => p.id).join(',')}`);
				await ready(page);
				const table = page.getByTestId('compare');
				const heads = table.locator('thead th[scope="col"]');
				await expect(heads.count()).resolves.toBe(3);
				const box = (await page.locator('.scroll').boundingBox())!;
				expect(box.width).toBeLessThanOrEqual(viewport.width);
				// At least two names beside the row names, whole, in the first screen of the table.
				const firstHead = (await heads.nth(0).boundingBox())!;
				expect(firstHead.x + firstHead.width).toBeLessThanOrEqual(box.x + box.width + 1);
				const secondHead = (await heads.nth(1).boundingBox())!;
				expect(secondHead.x).toBeLessThan(box.x + box.width - 40);
				// Scrolled down, the names stay at the top of the box.
				await page.locator('.scroll').evaluate((el) => (el.scrollTop = 800));
				await expect(
					page.locator('.scroll').evaluate((el) => el.scrollTop)
				).resolves.toBeGreaterThan(100);
				const stuck = (await heads.first().boundingBox())!;
				expect(Math.abs(stuck.y - box.y)).toBeLessThan(40);

				await expect(table.getByTestId('note-row').textContent()).resolves.toContain(
					'Evening hours?'
				);
				await expect(table.getByTestId('status-row').textContent()).resolves.toContain('Called');
				const tel = table.getByTestId('phone-row').locator('a[href^="tel:"]');
				expect(await tel.count()).toBeGreaterThanOrEqual(3);
				await expect(
					tel.first().evaluate((a) => getComputedStyle(a.parentElement!).whiteSpace)
				).resolves.toBe('nowrap');
				const rowBox = (await tel.first().boundingBox())!;
				expect(rowBox.height).toBeLessThan(48);

				const same = table.getByTestId('same');
				const differs = table.getByTestId('differs');
				expect(await same.count()).toBeGreaterThan(0);
				await expect(same.first().isVisible()).resolves.toBe(true);
				await page.getByLabel('Show only the rows where the programs differ').check();
				for (const row of await same.all()) await expect(row.isVisible()).resolves.toBe(false);
				await expect(differs.first().isVisible()).resolves.toBe(true);
				expect(await axeViolations(page)).toEqual([]);
			});
		});
	});
}
