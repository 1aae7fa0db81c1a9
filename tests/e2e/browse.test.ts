import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, type WatchedPage } from './browser';
import { axeViolations } from './pages';

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

/** Runs `run` on a fresh page, then checks it logged no errors and reached no third party. */
async function withPage(
	run: (watched: WatchedPage) => Promise<void>,
	{ allowHttpErrors = false } = {}
): Promise<void> {
	const watched = await newPage(browser);
	try {
		await run(watched);
		// Chromium logs every 4xx document load as a console error; tests of error pages expect them.
		const errors = watched.consoleErrors.filter(
			(e) => !(allowHttpErrors && /^Failed to load resource: .* status of 4\d\d/.test(e))
		);
		expect(errors).toEqual([]);
		expect(watched.thirdPartyRequests).toEqual([]);
	} finally {
		await watched.close();
	}
}

describe('browsing the directory without a search', () => {
	test('home → state → program page shows a real listing, with no accessibility violations', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/');
			expect(await axeViolations(page)).toEqual([]);

			const stateLink = page.getByRole('link', { name: 'Massachusetts', exact: true });
			await stateLink.click();
			await page.waitForURL('**/states/MA');
			await page.getByRole('heading', { level: 1, name: 'Programs in Massachusetts' }).waitFor();
			const programs = page.locator('ol.programs > li');
			expect(await programs.count()).toBeGreaterThan(50);
			expect(await axeViolations(page)).toEqual([]);

			const first = programs.first().getByRole('link');
			const name = (await first.textContent())?.trim() ?? '';
			expect(name.length).toBeGreaterThan(0);
			await first.click();
			await page.waitForURL(/\/facilities\/[a-z0-9-]+$/);
			await page.getByRole('heading', { name: 'Services', exact: true }).waitFor();
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
			await expect(
				page.getByRole('heading', { name: 'Services', exact: true }).isVisible()
			).resolves.toBe(true);
			// Each program lists its SAMHSA services by plain name under their category.
			expect(await page.locator('ul.services li').count()).toBeGreaterThan(0);
			await expect(page.getByTestId('location-precision').textContent()).resolves.toMatch(
				/street address|approximate/
			);
			await expect(page.getByText(/Source: .*as of June 29, 2023/).isVisible()).resolves.toBe(true);
			await screenshot(page, 'program-page');
			expect(await axeViolations(page)).toEqual([]);
		});
	});

	test('phone numbers are tel: links', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/states/VT');
			await page.locator('ol.programs > li a').first().click();
			await page.waitForURL(/\/facilities\//);
			const tel = page.locator('dl.phones a[href^="tel:"]').first();
			await expect(tel.getAttribute('href')).resolves.toMatch(/^tel:\+1-\d{3}-\d{3}-\d{4}/);
		});
	});

	test('a program placed at its ZIP centre says its location is approximate', async () => {
		// Find one through the state listing: Guam's two programs are not in the geocoded lists.
		await withPage(async ({ page }) => {
			await page.goto('/states/GU');
			await page.locator('ol.programs > li a').first().click();
			await page.waitForURL(/\/facilities\//);
			await expect(page.getByTestId('location-precision').textContent()).resolves.toMatch(
				/approximate: the centre of ZIP code 969\d\d/
			);
		});
	});

	test('an unknown program or state is a 404 page that says so; a bad page number is a 400', async () => {
		await withPage(
			async ({ page }) => {
				const missing = await page.goto('/facilities/000000000000');
				expect(missing?.status()).toBe(404);
				await expect(page.getByText(/no program with this id/).isVisible()).resolves.toBe(true);

				expect((await page.goto('/states/ZZ'))?.status()).toBe(404);
				const bad = await page.goto('/states/MA?page=abc');
				expect(bad?.status()).toBe(400);
				await expect(page.getByText(/page: must be a whole number/).isVisible()).resolves.toBe(
					true
				);
			},
			{ allowHttpErrors: true }
		);
	});

	test('a lower-case state code redirects to the canonical address', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/states/ma');
			expect(new URL(page.url()).pathname).toBe('/states/MA');
		});
	});
});
