import { describe, expect, it } from 'vitest';
import { saveButtonHtml } from './save-buttons.svelte';

describe('saveButtonHtml', () => {
	const html = saveButtonHtml({ id: 'a"b<c', name: 'Tom & Jerry’s <Clinic> "Center"' });

	it('escapes the program it names', () => {
		expect(html).toContain('data-save="a&quot;b&lt;c"');
		expect(html).toContain('Save: Tom &amp; Jerry’s &lt;Clinic&gt; &quot;Center&quot;');
		expect(html).not.toContain('<Clinic>');
	});

	it('is hidden until the list is read, and left out without JavaScript', () => {
		expect(html).toMatch(
			/^<button type="button" class="save pending" aria-pressed="false" data-js-only /
		);
	});

	// show() finds them by position: icon, visible label, accessible name, list name.
	it('writes its four spans in the order it updates them', () => {
		const spans = [...html.matchAll(/<span class="([^"]+)"/g)].map((m) => m[1]);
		expect(spans).toEqual(['icon', 'label', 'visually-hidden', 'list']);
		expect(html.match(/<\/span>/g)).toHaveLength(4);
	});
});
