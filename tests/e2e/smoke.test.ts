import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('smoke', () => {
	test('/healthz reports the database and the imported directory', async () => {
		const response = await fetch(`${inject('baseURL')}/healthz`);
		expect(response.status).toBe(200);
		const health = (await response.json()) as Record<string, unknown>;
		expect(health.status).toBe('ok');
		expect(['pglite', 'postgres']).toContain(health.database);
		expect(health.facilities).toBeGreaterThan(12_000);
	});

	test('the home page renders with no errors and no third-party requests', async () => {
		const { page, consoleErrors, thirdPartyRequests, close } = await newPage(browser);
		try {
			const response = await page.goto('/', { waitUntil: 'networkidle' });
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
			await screenshot(page, 'smoke-home');
			expect(consoleErrors).toEqual([]);
			expect(thirdPartyRequests).toEqual([]);
		} finally {
			await close();
		}
	});

	test('headless Chromium can create a WebGL context (the map needs one)', async () => {
		const { page, close } = await newPage(browser);
		try {
			await page.setContent('<canvas width="8" height="8"></canvas>');
			const renderer = await page.evaluate(() => {
				const gl = document.querySelector('canvas')?.getContext('webgl2');
				return gl ? String(gl.getParameter(gl.RENDERER)) : null;
			});
			expect(renderer).toBeTruthy();
		} finally {
			await close();
		}
	});
});
