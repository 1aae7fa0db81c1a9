import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, launchBrowser, withPage as withPage_, type WatchedPage } from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

// A phone: the person most likely to paste something odd into the box.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const withPage = (run: (watched: WatchedPage) => Promise<void>) => withPage_(browser, run, PHONE);

const heading = (page: Page) => page.locator('#results');
const where = (page: Page) => page.getByLabel('Where', { exact: true });

function search(query: Record<string, string>): string {
	return `/search?${new URLSearchParams(query)}`;
}

describe('bad input, kindly', () => {
	test('a 5,000-character place: the search page, the error inline, the filters kept', async () => {
		const long = 'Worcester '.repeat(500);
		await withPage(async ({ page }) => {
			const response = await page.goto(
				search({ near: long, medication: 'buprenorphine', counseling: 'family' })
			);
			expect(response?.status()).toBe(200);
			await expect(heading(page).textContent()).resolves.toBe('Check the place');
			const message = (await page.getByTestId('place-message').textContent()) ?? '';
			expect(message).toContain('“Where”');
			expect(message).toContain('4,999 characters');
			expect(message).toContain('at most 200');
			// The normal page: its form, with the place cut to what the box accepts, and the filters
			// still part of it (a phone's closed sheet holds them as hidden fields until drawn).
			expect((await where(page).inputValue()).length).toBeLessThanOrEqual(200);
			const sent = await page.evaluate(() =>
				[...new FormData(document.getElementById('search-form') as HTMLFormElement)]
					.filter(([key]) => key === 'medication' || key === 'counseling')
					.map(([key, value]) => `${key}=${String(value)}`)
			);
			expect(sent).toEqual(['medication=buprenorphine', 'counseling=family']);
			expect(await axeViolations(page)).toEqual([]);
		});
		// The API still answers 400 and names the field.
		const api = await fetch(
			`${inject('baseURL')}/api/facilities?${new URLSearchParams({ near: long })}`
		);
		expect(api.status).toBe(400);
		const body = (await api.json()) as { error: { field?: string; message: string } };
		expect(body.error.field).toBe('near');
	});

	test('a street address says it was searched by its ZIP code, and why', async () => {
		await withPage(async ({ page }) => {
			await page.goto(search({ near: '1600 Main St, Worcester, MA 01608' }));
			await expect(heading(page).textContent()).resolves.toMatch(
				/programs within 25 miles of ZIP 01608 \(Worcester, MA\)$/
			);
			const note = page.getByTestId('place-note');
			await expect(note.isVisible()).resolves.toBe(true);
			const text = (await note.textContent()) ?? '';
			expect(text).toContain('Searched by the ZIP code 01608, not the street address');
			expect(text).toContain('no list of street addresses');
			expect(await axeViolations(page)).toEqual([]);
		});
	});

	test('a street address without a ZIP code says it was searched by its city', async () => {
		await withPage(async ({ page }) => {
			await page.goto(search({ near: '12 Main St, Worcester, MA' }));
			await expect(heading(page).textContent()).resolves.toMatch(/of Worcester, MA$/);
			await expect(page.getByTestId('place-note').textContent()).resolves.toContain(
				'Searched by the city, Worcester, MA'
			);
		});
	});

	test('a ZIP code typed plainly gets no note', async () => {
		await withPage(async ({ page }) => {
			await page.goto(search({ near: '01608' }));
			await expect(heading(page).textContent()).resolves.toMatch(/of ZIP 01608/);
			await expect(page.getByTestId('place-note').count()).resolves.toBe(0);
		});
	});

	test('an unknown ZIP code says it is unknown and suggests no far-off codes', async () => {
		await withPage(async ({ page }) => {
			await page.goto(search({ near: '99999' }));
			await expect(heading(page).textContent()).resolves.toBe('Place not found');
			await expect(page.getByTestId('place-message').textContent()).resolves.toContain(
				'ZIP code 99999 is unknown'
			);
			await expect(
				page.getByTestId('results').getByRole('link', { name: /AK\)/ }).count()
			).resolves.toBe(0);
			expect(await axeViolations(page)).toEqual([]);
		});
	});
});
