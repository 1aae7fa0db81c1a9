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
import { displayName } from '../../src/lib/display-name';

// The program page as a person meets it: a summary to act on (call, directions, payment, ages,
// languages, setting, a map), all services once each in our groups, and what to ask, at a phone's
// size and a laptop's, with and without JavaScript.

interface Detail {
	id: string;
	name: string;
	name2: string | null;
	phone: string | null;
	intakePhones: string[];
	services: string[];
}

let browser: Browser;
let program: Detail;

const api = async <T>(path: string): Promise<T> =>
	(await (await fetch(`${inject('baseURL')}${path}`)).json()) as T;

beforeAll(async () => {
	browser = await launchBrowser();
	const { items } = await api<{ items: { id: string }[] }>('/api/facilities?near=01608&limit=20');
	const details = await Promise.all(items.map((i) => api<Detail>(`/api/facilities/${i.id}`)));
	// One with an intake line and a main line that differ: the order of the buttons is tested.
	program =
		details.find((d) => d.intakePhones.length > 0 && d.phone && d.phone !== d.intakePhones[0]) ??
		details[0]!;
});

afterAll(async () => {
	await browser?.close();
});

const withPage = (run: (watched: WatchedPage) => Promise<void>, options?: CheckOptions) =>
	withPage_(browser, run, options);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const digits = (s: string) => s.replace(/\D/g, '').replace(/^1(?=\d{10})/, '');

async function checkSummary(page: Page) {
	const summary = page.getByTestId('program-summary');
	await summary.waitFor();
	for (const fact of ['payment', 'ages', 'gender', 'languages', 'setting']) {
		await expect(summary.getByTestId(`fact-${fact}`).isVisible()).resolves.toBe(true);
	}
	await expect(summary.getByText('Medications:').isVisible()).resolves.toBe(true);
	const payment = (await summary.getByTestId('fact-payment').textContent()) ?? '';
	expect(payment.includes('Medicaid')).toBe(program.services.includes('MD'));
	if (!program.services.some((c) => ['MD', 'MC', 'PI', 'SF', 'SS', 'PA', 'NP'].includes(c))) {
		expect(payment).toMatch(/Not listed/);
	}

	// Intake lines first, then the main line: tel: links whose text is the whole number.
	const calls = summary.getByTestId('call-buttons').locator('a[href^="tel:"]');
	const expected = [...program.intakePhones, ...(program.phone ? [program.phone] : [])];
	expect(await calls.count()).toBeGreaterThan(0);
	const first = calls.first();
	expect(digits((await first.getAttribute('href')) ?? '')).toBe(digits(expected[0]!));
	if (program.intakePhones.length) await expect(first.textContent()).resolves.toMatch(/^\s*Intake/);
	const box = (await first.boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(44);

	await expect(summary.getByTestId('source-line').textContent()).resolves.toMatch(
		/^Source: SAMHSA directory, as of June 29, 2023\. Report a problem$/
	);
	await expect(
		summary.getByRole('link', { name: 'Get directions' }).getAttribute('href')
	).resolves.toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?to=/);
	await expect(summary.getByRole('img', { name: /^Map: / }).count()).resolves.toBe(1);
	return box;
}

async function checkServices(page: Page) {
	const shown = await page
		.getByTestId('service')
		.evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
	expect(shown.length).toBe(new Set(shown).size);
	expect([...shown].sort()).toEqual([...new Set(program.services)].sort());
	// Our headings, not the survey's.
	const headings = await page.getByTestId('service-group').locator('h3').allTextContents();
	expect(headings.some((h) => /\(e\.g\.,/.test(h))).toBe(false);
	await expect(page.getByTestId('what-to-ask').locator('li').count()).resolves.toBe(6);
}

describe('a program page a person can act on', () => {
	for (const [size, viewport] of [
		['phone', PHONE],
		['desktop', DESKTOP]
	] as const) {
		test(`at ${size} size: the summary, every service once, and what to ask`, async () => {
			await withPage(
				async ({ page }) => {
					await page.goto(`/facilities/${program.id}`);
					await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
						displayName(program).title
					);
					const call = await checkSummary(page);
					// The first Call button is on the first screen.
					expect(call.y + call.height).toBeLessThanOrEqual(viewport.height);
					await checkServices(page);
					const description = await page
						.locator('meta[name="description"]')
						.getAttribute('content');
					expect(description).toMatch(/phone, medications, payment/);
					await screenshot(page, `program-${size}`);
					expect(await axeViolations(page)).toEqual([]);
					// One help toggle per group, not a tab stop per service.
					const toggles = page.getByTestId('service-group').locator('summary');
					expect(await toggles.count()).toBeLessThanOrEqual(
						await page.getByTestId('service-group').count()
					);
					await toggles.first().click();
					expect(await axeViolations(page)).toEqual([]);
				},
				{ viewport }
			);
		});
	}

	test('without JavaScript: the same summary, services and checklist', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(`/facilities/${program.id}`);
				await checkSummary(page);
				await checkServices(page);
				// The help toggle is a native disclosure: it opens without script.
				const toggle = page.getByTestId('service-group').locator('summary').first();
				await toggle.click();
				await expect(
					toggle.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)
				).resolves.toBe(true);
			},
			{ viewport: PHONE, javaScriptEnabled: false }
		);
	});

	test('from a search: distance and the person’s filters, kept out of the address', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto('/search?near=01608&medication=methadone');
				// The list is slow to settle on a loaded machine (the map starts beside it).
				await page
					.getByTestId('result')
					.first()
					.getByRole('link')
					.first()
					.click({ timeout: 40_000 });
				await page.waitForURL(/\/facilities\/[a-z0-9-]+$/);
				await expect(page.getByTestId('distance').textContent()).resolves.toMatch(
					/About [\d.]+ mi from .*01608/
				);
				await expect(page.getByTestId('ask-medications').textContent()).resolves.toMatch(
					/methadone maintenance/i
				);
				expect(new URL(page.url()).search).toBe('');
				expect(await axeViolations(page)).toEqual([]);

				// Opened directly, the page knows nothing of any search.
				await page.goto(page.url());
				await expect(page.getByTestId('distance').count()).resolves.toBe(0);
				await expect(page.getByTestId('ask-medications').textContent()).resolves.toMatch(
					/^Which medications do you offer/
				);
			},
			{ viewport: PHONE }
		);
	});

	test('its close-up map names the towns around it, none over another or the program', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(`/facilities/${program.id}`);
				const map = page.getByTestId('nearby-map');
				await map.scrollIntoViewIfNeeded();
				const frame = (await map.boundingBox())!;
				expect(frame.x).toBeGreaterThanOrEqual(0);
				expect(frame.x + frame.width).toBeLessThanOrEqual(PHONE.width);
				const names = map.locator('.towns text');
				expect(await names.count()).toBeGreaterThan(3);
				const dot = (await map.locator('.dot').first().boundingBox())!;
				const boxes = await names.evaluateAll((texts) =>
					texts.map((t) => {
						const { x, y, width, height } = t.getBoundingClientRect();
						return { x, y, width, height };
					})
				);
				type Box = { x: number; y: number; width: number; height: number };
				const meet = (a: Box, b: Box) =>
					a.x < b.x + b.width &&
					b.x < a.x + a.width &&
					a.y < b.y + b.height &&
					b.y < a.y + a.height;
				boxes.forEach((box, i) => {
					expect(meet(box, dot)).toBe(false);
					expect(box.x >= frame.x - 1 && box.x + box.width <= frame.x + frame.width + 1).toBe(true);
					for (const other of boxes.slice(i + 1)) expect(meet(box, other)).toBe(false);
				});
				// What the map shows, said in words: each name drawn but the program's own town's.
				const label = (await map.getAttribute('aria-label'))!;
				const [, city, near] = /^Map: (.+?) in [^,]+, near (.+)$/.exec(label)!;
				expect(near!.split(', ')).toEqual(
					(await names.allTextContents()).filter((name) => name !== city)
				);
				await screenshot(page, 'program-nearby-map');
				expect(await axeViolations(page)).toEqual([]);
			},
			{ viewport: PHONE }
		);
	});

	test('a program placed at its ZIP center says so, on its map', async () => {
		// Guam's programs are not in the geocoded lists: they sit at their ZIP's center.
		await withPage(
			async ({ page }) => {
				await page.goto('/states/GU');
				await page.locator('ol.programs > li a').first().click();
				await page.waitForURL(/\/facilities\//);
				await expect(page.getByTestId('location-precision').textContent()).resolves.toMatch(
					/Approximate location: the center of ZIP code 969\d\d/
				);
				await expect(page.getByRole('img', { name: /approximate location/ }).count()).resolves.toBe(
					1
				);
				expect(await axeViolations(page)).toEqual([]);
			},
			{ viewport: PHONE }
		);
	});
});
