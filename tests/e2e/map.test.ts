import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KINDS } from '../../src/lib/map/kind';
import { LABEL_INK } from '../../src/lib/map/style';
import {
	ARTIFACTS_DIR,
	axeViolations,
	headingCount,
	launchBrowser,
	screenshot,
	withPage as withPageIn,
	type CheckOptions,
	type WatchedPage
} from './browser';

// The results map in real headless Chromium (WebGL on SwiftShader): it draws, it shows every
// result, and it is linked to the list both ways, by pointer and by keyboard.

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

const WIDE = { viewport: { width: 1400, height: 900 } };
const PHONE = { viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true };
// The phone.
const TALL_PHONE = { ...PHONE, viewport: { width: 390, height: 844 } };
type Box = { x: number; y: number; width: number; height: number };
// Every program (scope=all), as before the MAT scope: enough for a list, too few to cluster.
const BURLINGTON = '/search?near=Burlington%2C+VT&radius=10&scope=all';

const withPage = (run: (watched: WatchedPage) => Promise<void>, options: CheckOptions = WIDE) =>
	withPageIn(browser, run, options);

const map = (page: Page) => page.getByTestId('map');

/** Waits for the map to have drawn the current search's points. */
async function mapReady(page: Page): Promise<number> {
	await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
	return Number(await map(page).getAttribute('data-points'));
}

/** The map canvas as decoded pixels (and kept as an artifact). */
async function canvasPixels(page: Page, name: string): Promise<PNG> {
	const png = await map(page).locator('canvas').screenshot();
	await writeFile(path.join(ARTIFACTS_DIR, `${name}.png`), png);
	return PNG.sync.read(png);
}

const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
const near = (data: Buffer, i: number, [r, g, b]: number[], tolerance = 3) =>
	Math.abs(data[i]! - r!) <= tolerance &&
	Math.abs(data[i + 1]! - g!) <= tolerance &&
	Math.abs(data[i + 2]! - b!) <= tolerance;

/** Pixel positions (x, y) of a colour in the image. */
function pixelsOf(png: PNG, colour: string): { x: number; y: number }[] {
	const rgb = hex(colour);
	const found: { x: number; y: number }[] = [];
	for (let y = 0; y < png.height; y++) {
		for (let x = 0; x < png.width; x++) {
			if (near(png.data, (y * png.width + x) * 4, rgb)) found.push({ x, y });
		}
	}
	return found;
}

/** Clicks the middle of a solid (exactly placed) pin: each is a disc of its kind's colour. */
async function clickAPin(page: Page, artifact: string) {
	const png = await canvasPixels(page, artifact);
	const solid = KINDS.map((k) => pixelsOf(png, k.color)).find((p) => p.length > 10);
	expect(solid, 'a solid pin on the canvas').toBeDefined();
	const first = solid![0]!;
	const disc = solid!.filter((p) => Math.hypot(p.x - first.x, p.y - first.y) < 8);
	const x = disc.reduce((sum, p) => sum + p.x, 0) / disc.length;
	const y = disc.reduce((sum, p) => sum + p.y, 0) / disc.length;
	const box = (await map(page).locator('canvas').boundingBox())!;
	await page.mouse.click(box.x + x, box.y + y);
}

describe('the national map', () => {
	test('draws every program, clustered, on the offline basemap; no axe violations', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search');
			const points = await mapReady(page);
			const total = await headingCount(page);
			// The default scope: programs listing a medication for opioid use disorder.
			expect(total).toBeGreaterThan(8_000);
			expect(points).toBe(total);
			await expect(page.getByTestId('map-count').textContent()).resolves.toBe(
				`${total.toLocaleString('en-US')} programs on the map`
			);

			const png = await canvasPixels(page, 'map-national-canvas');
			// Not blank: land, water and clusters each cover a real part of the canvas.
			const share = (colour: string) => pixelsOf(png, colour).length / (png.width * png.height);
			expect(share('#d7e4ee'), 'water').toBeGreaterThan(0.05);
			expect(share('#f7f6f2'), 'land').toBeGreaterThan(0.05);
			expect(share('#2f4858'), 'clusters').toBeGreaterThan(0.002);
			await screenshot(page, 'map-national');

			// One "Map" landmark, the page's section; MapLibre's canvas is the widget inside it.
			const regions = await page
				.getByRole('region')
				.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
			expect(regions.filter((name) => /map/i.test(name))).toEqual(['Map']);
			await expect(page.getByRole('application', { name: 'Map of results' }).count()).resolves.toBe(
				1
			);

			expect(await axeViolations(page)).toEqual([]);
		});
	});
	test('clicking a cluster zooms in on it', async () => {
		await withPage(async ({ page }) => {
			await page.goto('/search?medication=methadone');
			await mapReady(page);
			const png = await canvasPixels(page, 'map-before-cluster-click');
			const cluster = pixelsOf(png, '#2f4858');
			expect(cluster.length, 'a cluster on the canvas').toBeGreaterThan(50);
			const first = cluster[0]!;
			const disc = cluster.filter((p) => Math.hypot(p.x - first.x, p.y - first.y) < 10);
			const x = disc.reduce((sum, p) => sum + p.x, 0) / disc.length;
			const y = disc.reduce((sum, p) => sum + p.y, 0) / disc.length;
			const box = (await map(page).locator('canvas').boundingBox())!;
			await page.mouse.click(box.x + x, box.y + y);
			// The view changed at the person's request: the map offers to search it.
			await page.getByRole('button', { name: 'Search this area' }).waitFor();
			const after = await canvasPixels(page, 'map-after-cluster-click');
			expect(after.data.equals(png.data)).toBe(false);
		});
	});
});

describe('a small search (Burlington, VT, 10 miles): nothing clustered', () => {
	test('one pin per result; clicking a pin selects its list item and opens its popup', async () => {
		await withPage(async ({ page }) => {
			await page.goto(BURLINGTON);
			const points = await mapReady(page);
			const total = await headingCount(page);
			expect(total).toBeGreaterThan(1);
			expect(total).toBeLessThanOrEqual(20);
			expect(points).toBe(total);

			await clickAPin(page, 'map-burlington-canvas');

			const popup = page.getByTestId('pin-popup');
			await popup.getByRole('heading').waitFor();
			const id = await map(page).getAttribute('data-selected');
			expect(id).toMatch(/^[a-z0-9-]+$/);
			const item = page.locator(`li[data-id="${id}"]`);
			await expect(item.getAttribute('aria-current')).resolves.toBe('true');
			await expect(popup.getByRole('heading').textContent()).resolves.toBe(
				(await item.getByRole('heading').textContent())?.trim()
			);
			await expect(popup.getByRole('link', { name: 'Details' }).getAttribute('href')).resolves.toBe(
				`/facilities/${id}`
			);
			await expect(popup.textContent()).resolves.toMatch(/\d mi/);
			// Saving from the popup is saving to the shortlist: the list item's button follows.
			const save = popup.getByRole('button', { name: /^☆?\s*Save/ });
			await save.click();
			await expect(save.getAttribute('aria-pressed')).resolves.toBe('true');
			await page.getByTestId('shortlist-link').filter({ hasText: '(1)' }).waitFor();
			await expect(
				item.getByRole('button', { name: /Saved/ }).getAttribute('aria-pressed')
			).resolves.toBe('true');
			await screenshot(page, 'map-burlington-popup');
			expect(await page.locator('li[aria-current="true"]').count()).toBe(1);
		});
	});

	test('hovering a list item rings its pin', async () => {
		await withPage(async ({ page }) => {
			await page.goto(BURLINGTON);
			await mapReady(page);
			const ring = '#b8460b';
			expect(pixelsOf(await canvasPixels(page, 'map-before-hover'), ring)).toHaveLength(0);
			await page.getByTestId('result').nth(1).hover();
			await expect
				.poll(async () => pixelsOf(await canvasPixels(page, 'map-hover'), ring).length)
				.toBeGreaterThan(20);
			// Focus does the same as the pointer.
			await page.mouse.move(0, 0);
			await page.getByTestId('result').first().getByRole('link').first().focus();
			await expect
				.poll(async () => pixelsOf(await canvasPixels(page, 'map-focus'), ring).length)
				.toBeGreaterThan(20);
		});
	});

	test('keyboard users step through the pins, hearing each name', async () => {
		await withPage(async ({ page }) => {
			await page.goto(BURLINGTON);
			const points = await mapReady(page);
			const next = page.getByRole('button', { name: 'Next program on the map' });
			// Tab reaches the control (from the last list item onwards).
			await page.getByTestId('result').last().getByRole('link').first().focus();
			for (let i = 0; i < 20 && !(await next.evaluate((b) => b === document.activeElement)); i++) {
				await page.keyboard.press('Tab');
			}
			await expect(next.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

			const announce = page.getByTestId('map-announce');
			const names: string[] = [];
			for (let i = 1; i <= points; i++) {
				await page.keyboard.press('Enter');
				await expect
					.poll(() => announce.textContent())
					.toMatch(new RegExp(`^\\s*${i} of ${points}: `));
				const text = (await announce.textContent())!.trim();
				names.push(text.replace(/^\d+ of \d+: /, '').replace(/(, [\d.]+ miles away)?\.$/, ''));
				const id = await map(page).getAttribute('data-selected');
				await expect(
					page.locator(`li[data-id="${id}"]`).getAttribute('aria-current')
				).resolves.toBe('true');
			}
			// Every pin once, nearest first, like the list.
			const listed = (await page.getByTestId('result').getByRole('heading').allTextContents()).map(
				(t) => t.trim()
			);
			expect([...names].sort()).toEqual([...listed].sort());
			expect(names[0]).toBe(listed[0]);
			await page.keyboard.press('Enter');
			await expect.poll(() => announce.textContent()).toMatch(new RegExp(`^\\s*1 of ${points}: `));
			await screenshot(page, 'map-keyboard-step');
		});
	});

	test('moving the map offers "search this area", and only that changes the results', async () => {
		await withPage(async ({ page }) => {
			await page.goto(BURLINGTON);
			await mapReady(page);
			const before = page.url();
			const box = (await map(page).locator('canvas').boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			await page.mouse.down();
			await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 + 40, {
				steps: 8
			});
			await page.mouse.up();
			const searchArea = page.getByRole('button', { name: 'Search this area' });
			await searchArea.waitFor();
			expect(page.url()).toBe(before);

			await searchArea.click();
			await page.waitForURL((u) => /^4\d\./.test(u.searchParams.get('near') ?? ''));
			const url = new URL(page.url());
			expect(url.searchParams.get('near')).toMatch(/^4\d\.\d{4}, -7\d\.\d{4}$/);
			expect(['5', '10', '25', '50', '100', '250']).toContain(url.searchParams.get('radius'));
			await page
				.locator('[data-testid="results"][aria-busy="false"]')
				.waitFor({ state: 'attached' });
			await expect(page.locator('#results').textContent()).resolves.toMatch(
				/within \d+ miles of 4\d\.\d+, -7\d\.\d+$/
			);
			// The button goes once the new search's points are on the map.
			await searchArea.waitFor({ state: 'detached' });
			expect(Number(await map(page).getAttribute('data-points'))).toBe(await headingCount(page));
		});
	});
});

describe('place names on the offline basemap', () => {
	/** The names the map shows, with their boxes relative to the canvas. */
	async function placeNames(page: Page) {
		return page.evaluate(() => {
			const canvas = document.querySelector('[data-testid="map"] canvas')!.getBoundingClientRect();
			return [...document.querySelectorAll<HTMLElement>('.place-labels span')].map((el) => {
				const r = el.getBoundingClientRect();
				return {
					text: el.textContent ?? '',
					left: r.left - canvas.left,
					top: r.top - canvas.top,
					right: r.right - canvas.left,
					bottom: r.bottom - canvas.top
				};
			});
		});
	}

	/**
	 * No name lies over a cluster: with the names hidden, the canvas inside each name's box has
	 * no pixel of a cluster's color (read from the pixels, not from the app's own placement).
	 */
	async function expectNoNameOverCluster(page: Page, name: string) {
		const names = await placeNames(page);
		await page.addStyleTag({ content: '.place-labels { visibility: hidden }' });
		const png = await canvasPixels(page, name);
		await page.addStyleTag({ content: '.place-labels { visibility: visible }' });
		const cluster = pixelsOf(png, '#2f4858');
		const scale = png.width / (await map(page).locator('canvas').boundingBox())!.width;
		for (const n of names) {
			const under = cluster.filter(
				(p) =>
					p.x >= n.left * scale &&
					p.x <= n.right * scale &&
					p.y >= n.top * scale &&
					p.y <= n.bottom * scale
			);
			expect(under.length, `cluster pixels under "${n.text}" in ${name}`).toBe(0);
		}
		return names;
	}

	test('near ZIP 01608 at 25 miles the map names Worcester, and no name covers a cluster', async () => {
		await withPage(async ({ page, thirdPartyRequests }) => {
			await page.goto('/search?near=01608&radius=25');
			await mapReady(page);
			await page.waitForFunction(() =>
				[...document.querySelectorAll('.place-labels span')].some((el) =>
					/\bWorcester\b/.test(el.textContent ?? '')
				)
			);
			const names = await expectNoNameOverCluster(page, 'map-names-01608');
			// More than the one town: a person can orient by the places around it.
			expect(names.filter((n) => !n.text.includes('Worcester')).length).toBeGreaterThan(3);
			// Drawn in the colors whose contrast style.test.ts checks.
			const rgb = (hex: string) =>
				`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
			const inks = await page
				.locator('.place-labels span, .cluster-counts span')
				.evaluateAll((els) =>
					els.map((el) => [
						el.closest('.cluster-counts') ? 'clusterCount' : el.className,
						getComputedStyle(el).color
					])
				);
			expect(inks.length).toBeGreaterThan(4);
			for (const [kind, color] of inks)
				expect(color, kind).toBe(rgb(LABEL_INK[kind as keyof typeof LABEL_INK]));
			await screenshot(page, 'map-names-01608');
			expect(thirdPartyRequests).toEqual([]);
		});
	});

	test('a state-wide view and a city name places without covering a cluster', async () => {
		await withPage(async ({ page }) => {
			// County lines come a state at a time (src/lib/map/data/counties/08.json is Colorado).
			const counties = new Map<string, number>();
			page.on('response', async (r) => {
				const state = /\/assets\/(\d\d)\.[\w-]+\.json$/.exec(r.url())?.[1];
				if (state) counties.set(state, (await r.body()).length);
			});
			await page.goto('/search?near=Denver%2C+CO&radius=100');
			await mapReady(page);
			await page.locator('.place-labels .town').first().waitFor();
			const wide = await expectNoNameOverCluster(page, 'map-names-denver');
			expect(wide.map((n) => n.text)).toEqual(
				expect.arrayContaining(['Denver, CO', 'Colorado Springs'])
			);
			await expect.poll(() => counties.has('08')).toBe(true);
			// Only the states in view (none of New York, California or Florida), each small.
			expect([...counties.keys()].filter((s) => ['36', '06', '12'].includes(s))).toEqual([]);
			for (const [state, bytes] of counties) expect(bytes, state).toBeLessThan(100_000);
			await page.goto('/search?near=Chicago%2C+IL&radius=50');
			await mapReady(page);
			await page.locator('.place-labels .town').first().waitFor();
			const city = await expectNoNameOverCluster(page, 'map-names-chicago');
			// The searched place is named once, beside its dot; its suburbs around it.
			expect(city.filter((n) => /^Chicago\b/.test(n.text)).map((n) => n.text)).toEqual([
				'Chicago, IL'
			]);
			expect(city.map((n) => n.text)).toEqual(expect.arrayContaining(['Evanston', 'Joliet']));
		});
	});
});

describe('on a phone', () => {
	test('a List/Map toggle; the map code loads only when the map is shown', async () => {
		await withPage(async ({ page }) => {
			const mapCode: string[] = [];
			page.on('request', (r) => {
				if (/maplibre|ResultsMap|facilities\.geojson/.test(r.url())) mapCode.push(r.url());
			});
			await page.goto(BURLINGTON);
			const listButton = page.getByRole('button', { name: 'List', exact: true });
			const mapButton = page.getByRole('button', { name: 'Map', exact: true });
			await expect(listButton.getAttribute('aria-pressed')).resolves.toBe('true');
			await expect(mapButton.getAttribute('aria-pressed')).resolves.toBe('false');
			await expect(map(page).count()).resolves.toBe(0);
			expect(mapCode).toEqual([]);

			await mapButton.click();
			const points = await mapReady(page);
			expect(points).toBe(await headingCount(page));
			await expect(mapButton.getAttribute('aria-pressed')).resolves.toBe('true');
			await expect(page.getByTestId('result').first().isVisible()).resolves.toBe(false);
			expect(mapCode.length).toBeGreaterThan(0);
			await screenshot(page, 'map-phone');
			expect(await axeViolations(page)).toEqual([]);

			await listButton.click();
			await expect(page.getByTestId('result').first().isVisible()).resolves.toBe(true);
		}, PHONE);
	});

	test('the map fills the screen, its switches in thumb reach, and a selected program is a sheet inside it', async () => {
		await withPage(async ({ page }) => {
			const { width, height } = TALL_PHONE.viewport;
			const inside = async (what: string, box: Box | null) => {
				expect(box, what).not.toBeNull();
				expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
				expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
				expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(width + 0.5);
				expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(height + 0.5);
			};
			await page.goto(BURLINGTON);
			await page.getByRole('button', { name: 'Map', exact: true }).click();
			await mapReady(page);

			// Below the header, which keeps "Need help now?", to the screen's bottom edge.
			const header = (await page.locator('body header').boundingBox())!;
			const column = (await page.locator('#map').boundingBox())!;
			expect(Math.abs(column.y - (header.y + header.height))).toBeLessThan(1);
			expect(Math.abs(column.y + column.height - height)).toBeLessThan(1);
			await expect(page.getByTestId('help-now').isVisible()).resolves.toBe(true);
			// List | Map and the filters' toggle along the bottom, over nothing but the map's margin.
			const frame = (await map(page).boundingBox())!;
			for (const control of [
				page.getByRole('button', { name: 'List', exact: true }),
				page.locator('.panel > summary')
			]) {
				const box = await control.boundingBox();
				await inside('a bottom control', box);
				expect(box!.y).toBeGreaterThan(height - 80);
				expect(box!.y).toBeGreaterThanOrEqual(frame.y + frame.height);
			}

			// A tapped pin: its program along the map's bottom edge, whole, with what to do next.
			await clickAPin(page, 'map-phone-canvas');
			const sheet = page.getByTestId('pin-sheet');
			await sheet.getByRole('heading').waitFor();
			await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0);
			const check = async () => {
				await inside('the sheet', await sheet.boundingBox());
				const sheetBox = (await sheet.boundingBox())!;
				expect(sheetBox.y + sheetBox.height).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
				for (const action of [
					sheet.getByRole('button', { name: /Save/ }),
					sheet.getByRole('link', { name: 'Details' })
				])
					await inside('an action in the sheet', await action.boundingBox());
				await expect(sheet.textContent()).resolves.toMatch(/\d mi/);
				// The selected pin's ring is drawn clear of the sheet, where it can be seen.
				const canvasTop = (await map(page).locator('canvas').boundingBox())!.y;
				const above = async () =>
					pixelsOf(await canvasPixels(page, 'map-phone-ring'), '#b8460b').filter(
						(p) => p.y < sheetBox.y - canvasTop
					).length;
				await expect.poll(above).toBeGreaterThan(20);
			};
			await check();
			await screenshot(page, 'map-phone-sheet');
			expect(await axeViolations(page)).toEqual([]);

			// Next and Previous bring each program into the same sheet.
			const next = page.getByRole('button', { name: 'Next program on the map' });
			await next.click();
			await expect.poll(() => page.getByTestId('map-announce').textContent()).toMatch(/^\s*1 of /);
			const named = (await page.getByTestId('map-announce').textContent())!;
			expect(named).toContain((await sheet.getByRole('heading').textContent())!.trim());
			await check();

			// Escape closes it and leaves focus on the map.
			await sheet.getByRole('link', { name: 'Details' }).focus();
			await page.keyboard.press('Escape');
			await expect(sheet.count()).resolves.toBe(0);
			await expect(
				page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))
			).resolves.toBe(true);

			await page.getByRole('button', { name: 'List', exact: true }).click();
			await expect(page.getByTestId('result').first().isVisible()).resolves.toBe(true);
			await expect(
				page.evaluate(() => getComputedStyle(document.documentElement).overflow)
			).resolves.toBe('visible');
		}, TALL_PHONE);
	});

	test('"Show N programs" from the filters, in the map view, brings the list back with focus on its heading', async () => {
		await withPage(async ({ page }) => {
			await page.goto(BURLINGTON);
			await page.getByRole('button', { name: 'Map', exact: true }).click();
			await mapReady(page);
			await page.locator('.panel > summary').click();
			const show = page.getByRole('button', { name: /^Show \d+ programs?$/ });
			await show.click();
			// Focus was on a heading in the hidden list: lost, for keyboard and screen reader alike.
			await page.waitForFunction(() => document.activeElement?.id === 'results');
			await expect(page.locator('#results').isVisible()).resolves.toBe(true);
			await expect(
				page.getByRole('button', { name: 'List', exact: true }).getAttribute('aria-pressed')
			).resolves.toBe('true');
			await expect(show.isVisible()).resolves.toBe(false);
		}, PHONE);
	});

	test('without JavaScript: the list, no map and no toggle', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(BURLINGTON);
				expect(await page.getByTestId('result').count()).toBeGreaterThan(1);
				await expect(map(page).count()).resolves.toBe(0);
				await expect(page.getByRole('button', { name: 'Map', exact: true }).count()).resolves.toBe(
					0
				);
			},
			{ ...WIDE, javaScriptEnabled: false }
		);
	});
});
