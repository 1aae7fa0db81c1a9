import { describe, expect, it } from 'vitest';
import { displayName, displayNameLine } from './display-name';

import { rawDirectoryRows } from './raw-directory';

const rows = rawDirectoryRows();
// Written again here, not imported: what a reader takes for a line cut off mid-phrase.
const DANGLING = /\b(and|of|for|at|in|the|on|to|with|by)\s*$|[&/,-]\s*$/i;
const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

describe('displayName over the whole directory', () => {
	it('reads every program', () => {
		expect(rows.length).toBe(12_744);
		// The case this exists for: hundreds of first lines that break mid-phrase.
		expect(
			rows.filter((r) => DANGLING.test(r.Name1.trim()) && r.Name2.trim()).length
		).toBeGreaterThan(240);
	});

	// A one-line name is the program's whole name ("Outside In"): there is nothing to join it to.
	it('ends no displayed name with a connector word', () => {
		const bad = rows
			.filter((r) => r.Name2.trim() !== '')
			.map((r) => displayName({ name: r.Name1, name2: r.Name2 }))
			.filter((d) => DANGLING.test(d.title) || (d.subtitle !== null && DANGLING.test(d.subtitle)));
		expect(bad).toEqual([]);
	});

	it('drops no line: every word of both lines is shown, in order', () => {
		for (const r of rows) {
			const d = displayName({ name: r.Name1, name2: r.Name2 });
			const shown = words([d.title, d.subtitle ?? ''].join(' '));
			const source = words(`${r.Name1} ${r.Name2}`);
			// A second line that only repeats the first is shown once.
			if (r.Name2.trim().toLowerCase() === r.Name1.trim().toLowerCase()) {
				expect(shown).toEqual(words(r.Name1));
			} else expect(shown).toEqual(source);
			expect(displayNameLine({ name: r.Name1, name2: r.Name2 })).toContain(d.title);
		}
	});
});

describe('displayName', () => {
	it('joins a first line that breaks mid-phrase', () => {
		expect(
			displayName({ name: 'Womens and Childrens Center for', name2: 'Inner Healing' })
		).toEqual({
			title: 'Womens and Childrens Center for Inner Healing',
			subtitle: null
		});
	});
	it('keeps a site or unit as a subtitle', () => {
		expect(displayName({ name: 'MedMark Treatment Centers', name2: 'Fresno' })).toEqual({
			title: 'MedMark Treatment Centers',
			subtitle: 'Fresno'
		});
		expect(displayNameLine({ name: 'MedMark Treatment Centers', name2: 'Fresno' })).toBe(
			'MedMark Treatment Centers – Fresno'
		);
	});
	it('tidies spaces and handles a missing line', () => {
		expect(displayName({ name: '  North Sound Center for ', name2: null })).toEqual({
			title: 'North Sound Center for',
			subtitle: null
		});
		expect(displayName({ name: 'A', name2: ' a ' })).toEqual({ title: 'A', subtitle: null });
	});
});
