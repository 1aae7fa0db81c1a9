import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { axeViolations, launchBrowser, screenshot, withPage, type CheckOptions } from './browser';

// "Report a problem" on a program's page, in a real browser: with JavaScript (the form posts in
// place and focus moves to the answer) and without (a plain form POST and a new page). Each test
// is its own client for the rate limit (X-Forwarded-For, trusted by the test server).

let browser: Browser;
let ids: string[];

beforeAll(async () => {
	browser = await launchBrowser();
	const response = await fetch(`${inject('baseURL')}/api/facilities?near=97201&limit=2`);
	ids = ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
});

afterAll(async () => {
	await browser?.close();
});

const as = (client: string, options: CheckOptions = {}): CheckOptions => ({
	...options,
	extraHTTPHeaders: { 'x-forwarded-for': client }
});

describe('report a problem with a listing', () => {
	test('with JavaScript: the form sends in place, announces the answer and counts the report', async () => {
		await withPage(
			browser,
			async ({ page }) => {
				await page.goto(`/facilities/${ids[0]}`);
				await expect(page.getByTestId('open-reports').count()).resolves.toBe(0);
				await page.getByText('Report a problem with this listing').click();
				expect(await axeViolations(page)).toEqual([]);

				// A mistake first: "Something else" needs words. The error sits by the field.
				await page.getByLabel('Something else', { exact: true }).check();
				await page.getByRole('button', { name: 'Send report' }).click();
				await page.locator('#report-details-error').waitFor();
				expect(await axeViolations(page)).toEqual([]);

				await page.getByLabel('Address or location is wrong').check();
				await page.getByLabel(/What should it say/).fill('Moved to 12 Elm Street last spring.');
				const url = page.url();
				await page.getByRole('button', { name: 'Send report' }).click();
				const answer = page.getByRole('status').filter({ hasText: 'Thank you' });
				await answer.waitFor();
				// No page load: same URL, and focus on the answer for screen readers.
				expect(page.url()).toBe(url);
				expect(await answer.evaluate((el) => el === document.activeElement)).toBe(true);
				await screenshot(page, 'report-sent');

				await page.reload();
				await expect(page.getByTestId('open-reports').textContent()).resolves.toMatch(
					/^\s*1\s+open report about this listing/
				);
			},
			as('203.0.113.10')
		);
	});

	test('without JavaScript: a plain form post, errors named, then thanks', async () => {
		await withPage(
			browser,
			async ({ page }) => {
				await page.goto(`/facilities/${ids[1]}`);
				await page.getByText('Report a problem with this listing').click();
				// "Something else" needs words: the server says so, next to the field.
				await page.getByLabel('Something else', { exact: true }).check();
				await page.getByRole('button', { name: 'Send report' }).click();
				await page.waitForLoadState('load');
				const error = page.locator('#report-details-error');
				await expect(error.textContent()).resolves.toBe('say what is wrong');
				expect(await page.getByLabel(/What should it say/).getAttribute('aria-invalid')).toBe(
					'true'
				);
				// The choice made is kept. (axe needs JavaScript in the page: the JS test runs it.)
				expect(await page.getByLabel('Something else', { exact: true }).isChecked()).toBe(true);

				await page.getByLabel(/What should it say/).fill('The intake line only takes voicemail.');
				await page.getByRole('button', { name: 'Send report' }).click();
				await page.getByText('Thank you. Your report was recorded.').waitFor();
				await expect(page.getByTestId('open-reports').textContent()).resolves.toMatch(/^\s*1\s/);
			},
			// The 400 answer to the first post is logged by Chromium as a failed resource.
			as('203.0.113.11', { javaScriptEnabled: false, allowHttpErrors: true })
		);
		// Two full page loads and two axe runs: slow on a busy 2-core machine.
	}, 120_000);
});
