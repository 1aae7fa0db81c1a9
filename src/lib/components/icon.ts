import type { IconNode } from 'lucide';
import { escapeHtml } from '$lib/html';

export type IconFill = 'none' | 'currentColor';

const images = { none: new WeakMap<IconNode, string>(), black: new WeakMap<IconNode, string>() };

// An icon is a box painted through its shape (a CSS mask, `.icon` in app.css), not inline SVG:
// the results page's forty-odd SVG icons were about 40% of its first layout (134 ms → 78 ms
// median, 7 runs, with them hidden), and a masked box costs what any box does. The shape is
// Lucide's own, as a data URL made once per icon and fill; img-src allows data: for it.
function image(icon: IconNode, fill: keyof typeof images): string {
	let url = images[fill].get(icon);
	if (url === undefined) {
		const shapes = icon
			.map(([tag, attrs]) => {
				const list = Object.entries(attrs)
					.filter(([, v]) => v !== undefined)
					.map(([k, v]) => ` ${k}='${escapeHtml(String(v))}'`);
				return `<${tag}${list.join('')}/>`;
			})
			.join('');
		const svg =
			`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='${fill}' ` +
			`stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'>` +
			`${shapes}</svg>`;
		url = `url("data:image/svg+xml,${svg.replace(/[<>#%"]/g, encodeURIComponent)}")`;
		images[fill].set(icon, url);
	}
	return url;
}

/** The icon's shape for an `.icon` box's `--icon`, where a component draws the box itself. */
export function iconMask(icon: IconNode, fill: IconFill = 'none'): string {
	return image(icon, fill === 'none' ? 'none' : 'black');
}

/**
 * A Lucide icon (imported from 'lucide', e.g. `Phone`) as markup for {@html}. Icons never carry
 * meaning alone: the text beside them says it, so they are hidden from assistive technology.
 */
export function iconHtml(icon: IconNode, size = 24, fill: IconFill = 'none'): string {
	const mask = iconMask(icon, fill);
	const style = `width: ${size}px; height: ${size}px; --icon: ${mask}`;
	return `<span class="icon" style="${escapeHtml(style)}" aria-hidden="true"></span>`;
}
