import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapText {
	lng: number;
	lat: number;
	text: string;
}

/**
 * A layer of HTML text over the map, for what a style would draw with glyphs: the offline basemap
 * has no font server. Hidden from assistive technology (the list and the step control say it
 * all); `redraw` keeps its text in place as the map moves.
 */
export function textLayer(
	map: MapLibreMap,
	className: string,
	redraw: () => void
): { root: HTMLDivElement; remove(): void } {
	const root = document.createElement('div');
	root.className = `map-text ${className}`;
	root.setAttribute('aria-hidden', 'true');
	map.getContainer().appendChild(root);
	map.on('move', redraw);
	map.on('resize', redraw);
	return {
		root,
		remove() {
			map.off('move', redraw);
			map.off('resize', redraw);
			root.remove();
		}
	};
}

/** Centers a text's box on its place on the map, moved by (dx, dy) px. */
export function placeText(
	map: MapLibreMap,
	el: HTMLElement,
	at: { lng: number; lat: number },
	dx = 0,
	dy = 0
): void {
	const { x, y } = map.project([at.lng, at.lat]);
	el.style.transform = `translate(${Math.round(x + dx)}px, ${Math.round(y + dy)}px) translate(-50%, -50%)`;
}

/** Texts at places on the map (the cluster counts), shown from `minZoom` in. */
export class TextOverlay {
	readonly #map: MapLibreMap;
	readonly #layer: ReturnType<typeof textLayer>;
	#items: { text: MapText; el: HTMLElement }[] = [];
	#minZoom: number;

	constructor(map: MapLibreMap, className: string, minZoom = 0) {
		this.#map = map;
		this.#minZoom = minZoom;
		this.#layer = textLayer(map, className, this.#place);
	}

	set(texts: readonly MapText[]): void {
		const root = this.#layer.root;
		root.replaceChildren();
		this.#items = texts.map((text) => {
			const el = document.createElement('span');
			el.textContent = text.text;
			root.appendChild(el);
			return { text, el };
		});
		this.#place();
	}

	#place = () => {
		const hidden = this.#map.getZoom() < this.#minZoom;
		this.#layer.root.hidden = hidden;
		if (hidden) return;
		for (const { text, el } of this.#items) placeText(this.#map, el, text);
	};

	remove(): void {
		this.#layer.remove();
	}
}
