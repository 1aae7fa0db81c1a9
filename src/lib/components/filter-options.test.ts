import { describe, expect, it } from 'vitest';
import { FILTER_GROUPS, type FilterOption } from '$lib/filters';
import { countText, optionsMarkup } from './filter-options';

const options: FilterOption[] = [
	{ value: 'a', label: 'Tom & Jerry’s <clinic>', codes: ['X'], help: 'Say "hi"' },
	{ value: 'b', label: 'Plain', codes: ['Y'] }
];

function parse(html: string) {
	// Enough structure to check without a DOM: one <li> per option.
	return html.split('</li>').filter(Boolean);
}

describe('optionsMarkup', () => {
	it('draws one box per option, named for the group, ticked when chosen', () => {
		const items = parse(optionsMarkup('medication', options, { chosen: ['b'] }));
		expect(items).toHaveLength(2);
		expect(items[0]).toContain(
			'<input type="checkbox" id="filter-medication-a" name="medication" value="a">'
		);
		expect(items[1]).toContain('value="b" checked>');
		expect(items[1]).toContain('<label for="filter-medication-b">Plain</label>');
	});

	it('escapes labels', () => {
		const html = optionsMarkup('g', options, { chosen: [] });
		expect(html).toContain('Tom &amp; Jerry’s &lt;clinic&gt;');
		expect(html).not.toContain('<clinic>');
	});

	// One help toggle per group (GroupHelp.svelte), not a tab stop per option.
	it('puts no help toggle in the options', () => {
		const html = optionsMarkup('g', options, { chosen: [] });
		expect(html).not.toContain('<details');
		expect(html).not.toContain('Say');
	});

	it('shows the counts it knows, hides the others, and draws none when told there are none', () => {
		const html = optionsMarkup('g', options, { chosen: [], counts: { 'g:a': 1234 } });
		expect(parse(html)[0]).toContain(
			'<span class="count">(1,234<span class="visually-hidden">&nbsp;programs</span>)</span>'
		);
		expect(parse(html)[1]).toContain('<span class="count" hidden>(0');
		expect(optionsMarkup('g', options, { chosen: [], counts: null })).toContain('hidden');
		expect(optionsMarkup('g', options, { chosen: [] })).not.toContain('count');
	});

	it('ties the boxes to a form outside them', () => {
		expect(optionsMarkup('g', options, { chosen: [], form: 'search-form' })).toContain(
			'value="a" form="search-form">'
		);
	});

	it('gives every option of every group its own id', () => {
		const ids = FILTER_GROUPS.flatMap((g) =>
			[...optionsMarkup(g.key, g.options, { chosen: [] }).matchAll(/ id="([^"]+)"/g)].map(
				(m) => m[1]
			)
		);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBe(FILTER_GROUPS.reduce((n, g) => n + g.options.length, 0));
	});
});

describe('countText', () => {
	it('formats the visible part of a count', () => {
		expect(countText(12345)).toBe('(12,345');
	});
});
