import type { Browser } from 'playwright-core';
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
			await page.getByRole('heading', { name: 'All services', exact: true }).waitFor();
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
			await expect(
				page.getByRole('heading', { name: 'All services', exact: true }).isVisible()
			).resolves.toBe(true);
			// Each program lists its SAMHSA services by plain name under our groups.
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
			const tel = page.getByTestId('call-buttons').locator('a[href^="tel:"]').first();
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
				/Approximate location: the center of ZIP code 969\d\d/
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
