import { describe, expect, it } from 'vitest';
import { displayName } from '$lib/display-name';
import type { ResultItem } from '$lib/server/search';
import { resultCardHtml } from './result-card';

const item: ResultItem = {
	id: 'abc123',
	name: 'Tom & Jerry’s <Clinic>',
	name2: 'Recovery "Center"',
	displayName: '',
	street1: '1 Main St',
	street2: null,
	city: 'Worcester',
	state: 'MA',
	zip: '01608',
	phone: '508-555-0100 x12',
	lat: 42.26,
	lng: -71.8,
	precision: 'exact',
	distanceMiles: 1.234,
	matched: [{ group: 'medication', value: 'buprenorphine', label: 'Buprenorphine <b>' }],
	medications: ['buprenorphine'],
	medication: {
		kind: 'bup',
		lines: ['Prescribes buprenorphine'],
		elsewhere: true,
		contradiction: null
	}
} as unknown as ResultItem;

const card = (over: Partial<ResultItem>, beyond = false) => {
	const it = { ...item, ...over };
	return resultCardHtml(it, displayName(it), beyond);
};

describe('resultCardHtml', () => {
	it('escapes everything a listing says', () => {
		const html = card({});
		expect(html).toContain('Tom &amp; Jerry’s &lt;Clinic&gt;');
		expect(html).toContain('Recovery &quot;Center&quot;');
		expect(html).toContain('Buprenorphine &lt;b&gt;');
		expect(html).not.toMatch(/<Clinic>|<b>/);
	});

	it('links the program page without the search, and dials the number with its extension', () => {
		const html = card({});
		expect(html).toMatch(/<h3><a href="[^"]*\/facilities\/abc123">/);
		expect(html).toContain('href="tel:+1-508-555-0100;ext=12" data-testid="call"');
		expect(html).toContain('<span class="distance">1.2 mi</span>');
		expect(html).not.toContain('beyond your radius');
		expect(html).toContain('Accepts clients on medication prescribed elsewhere');
	});

	it('shows a number it cannot dial as text, and says when a place is approximate', () => {
		const html = card({ phone: '555-0100', precision: 'zip', distanceMiles: null });
		expect(html).not.toContain('tel:');
		expect(html).toContain('<span class="number">555-0100</span>');
		expect(html).toContain('Approximate location (ZIP center)');
		expect(html).not.toContain('class="distance"');
		// Routed to by its address, not by the ZIP code's center.
		expect(html).toContain('directions?to=1%20Main%20St%2C%20Worcester%2C%20MA%2001608');
	});

	it('marks a program beyond the radius, and draws no "why" without a chosen filter', () => {
		const html = card({ matched: [] }, true);
		expect(html).toContain('beyond your radius');
		expect(html).not.toContain('data-testid="why"');
	});
});
