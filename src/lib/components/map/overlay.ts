import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapText {
	lng: number;
	lat: number;
	text: string;
}

/**
 * Text drawn over the map as HTML, for what a style would draw with glyphs: the offline basemap
 * has no font server. Hidden from assistive technology (the list and the step control say it
 * all), and kept in place as the map moves.
 */
export class TextOverlay {
	readonly #map: MapLibreMap;
	readonly #root = document.createElement('div');
	#items: { text: MapText; el: HTMLElement }[] = [];
	#minZoom: number;

	constructor(map: MapLibreMap, className: string, minZoom = 0) {
		this.#map = map;
		this.#minZoom = minZoom;
		this.#root.className = `map-text ${className}`;
		this.#root.setAttribute('aria-hidden', 'true');
		map.getContainer().appendChild(this.#root);
		map.on('move', this.#place);
		map.on('resize', this.#place);
	}

	set(texts: readonly MapText[]): void {
		this.#root.replaceChildren();
		this.#items = texts.map((text) => {
			const el = document.createElement('span');
			el.textContent = text.text;
			this.#root.appendChild(el);
			return { text, el };
		});
		this.#place();
	}

	#place = () => {
		const hidden = this.#map.getZoom() < this.#minZoom;
		this.#root.hidden = hidden;
		if (hidden) return;
		for (const { text, el } of this.#items) {
			const { x, y } = this.#map.project([text.lng, text.lat]);
			el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -50%)`;
		}
	};

	remove(): void {
		this.#map.off('move', this.#place);
		this.#map.off('resize', this.#place);
		this.#root.remove();
	}
}
