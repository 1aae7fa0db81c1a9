import type { Map as MapLibreMap } from 'maplibre-gl';
import { centeredBox, placeLabels, type Box } from '$lib/map/label-placement';
import { placeText, textLayer } from './overlay';

export interface PlaceName {
	lng: number;
	lat: number;
	text: string;
	kind: 'state' | 'town' | 'center';
	/** Named from this zoom on. */
	minZoom: number;
}

// Label sizes for measuring before drawing (the CSS in ResultsMap.svelte draws them): font size
// in px, letter spacing in px, and the clear space kept around each label.
const FONT = {
	state: { weight: 400, size: 12, spacing: 0.5, upper: true },
	town: { weight: 600, size: 12.5, spacing: 0, upper: false },
	center: { weight: 600, size: 12.8, spacing: 0, upper: false }
};
const PAD = 5;
const HEIGHT = 16;
// Where a name may go around its point, nearest first: [x side, y offset, x gap]. On it, above,
// below, right, left, then farther out, so that a town under a cluster can still be named
// beside it. The x offset is half the label's width plus the gap, to the side given.
type Anchor = [side: -1 | 0 | 1, dy: number, gap: number];
const ANCHORS: Anchor[] = [
	[0, 0, 0],
	[0, -14, 0],
	[0, 14, 0],
	[1, 0, 6],
	[-1, 0, 6],
	[0, -30, 0],
	[0, 30, 0]
];
// The search center's name goes beside its dot, never on it, and clear of a cluster there.
const CENTER_ANCHORS: Anchor[] = [
	[0, 20, 0],
	[0, -20, 0],
	[1, 0, 10],
	[-1, 0, 10],
	[0, 44, 0],
	[0, -44, 0],
	[1, 0, 30],
	[-1, 0, 30]
];
// At most this many names are tried per view: the biggest places, after the view's bounds.
const TRY = 250;

/**
 * The basemap's place names (states and towns), drawn as HTML over the map and placed the way a
 * symbol layer places its labels: most important first, never over a cluster, a pin, the search
 * center, a control, or another name. Hidden from assistive technology: the list says it all.
 */
export class PlaceLabels {
	readonly #map: MapLibreMap;
	readonly #layer: ReturnType<typeof textLayer>;
	readonly #root: HTMLDivElement;
	readonly #obstacles: () => Box[];
	readonly #measure = document.createElement('canvas').getContext('2d');
	#center: PlaceName | null = null;
	#states: PlaceName[] = [];
	/** Sorted by population, largest first, so the names a zoom shows are a prefix. */
	#towns: PlaceName[] = [];
	#shown: { name: PlaceName; dx: number; dy: number; el: HTMLElement }[] = [];
	readonly #widths = new Map<string, number>();
	#family: string | undefined;

	constructor(map: MapLibreMap, obstacles: () => Box[]) {
		this.#map = map;
		this.#obstacles = obstacles;
		this.#layer = textLayer(map, 'place-labels', this.#move);
		this.#root = this.#layer.root;
		// The names are drawn in the type they are measured in (ResultsMap.svelte reads these).
		for (const [kind, f] of Object.entries(FONT)) {
			this.#root.style.setProperty(`--${kind}-size`, `${f.size}px`);
			this.#root.style.setProperty(`--${kind}-weight`, String(f.weight));
			this.#root.style.setProperty(`--${kind}-spacing`, `${f.spacing}px`);
			this.#root.style.setProperty(`--${kind}-case`, f.upper ? 'uppercase' : 'none');
		}
	}

	/** The searched place's name ("ZIP 01608 (Worcester, MA)"), placed before any other. */
	setCenter(at: { lng: number; lat: number; text: string } | null): void {
		this.#center = at && { ...at, kind: 'center', minZoom: 0 };
		this.layout();
	}

	setStates(names: PlaceName[]): void {
		this.#states = names;
		this.layout();
	}

	setTowns(names: PlaceName[]): void {
		this.#towns = names;
		this.layout();
	}

	/** Chooses the names for the view as it is now; called when the map comes to rest. */
	layout = (): void => {
		const m = this.#map;
		const zoom = m.getZoom();
		const { width, height } = m.getContainer().getBoundingClientRect();
		const b = m.getBounds();
		const inView = (n: PlaceName) => n.minZoom <= zoom && b.contains([n.lng, n.lat]);
		const towns: PlaceName[] = [];
		const center = this.#center;
		for (const t of this.#towns) {
			if (t.minZoom > zoom) break;
			// The town the center's name already names ("… (Worcester, MA)") is not named twice.
			if (center && named(center, t)) continue;
			if (inView(t)) towns.push(t);
			if (towns.length >= TRY) break;
		}
		const states = this.#states.filter(inView);
		// States lead the national view; closer in, the towns a person knows come first.
		const order = [
			...(center ? [center] : []),
			...(zoom < 6 ? [...states, ...towns] : [...towns, ...states])
		];
		const candidates = order.map((name) => {
			const { x, y } = m.project([name.lng, name.lat]);
			const w = this.#width(name) + 2 * PAD;
			const anchors = name.kind === 'center' ? CENTER_ANCHORS : ANCHORS;
			const offsets = anchors.map(([side, dy, gap]) => [side * (w / 2 + gap), dy] as const);
			return {
				name,
				offsets,
				boxes: offsets.map(([dx, dy]) => centeredBox(x + dx, y + dy, w, HEIGHT + 2 * PAD))
			};
		});
		const view = { left: 0, top: 0, right: width, bottom: height };
		const placed = placeLabels(candidates, this.#obstacles(), view);
		this.#root.replaceChildren();
		this.#shown = placed.map(({ label: { name, offsets }, anchor }) => {
			const [dx, dy] = offsets[anchor]!;
			const el = document.createElement('span');
			el.className = name.kind;
			el.textContent = name.text;
			this.#root.appendChild(el);
			return { name, dx, dy, el };
		});
		this.#move();
	};

	#move = (): void => {
		for (const { name, dx, dy, el } of this.#shown) placeText(this.#map, el, name, dx, dy);
	};

	#width(name: PlaceName): number {
		const key = `${name.kind}:${name.text}`;
		let w = this.#widths.get(key);
		if (w === undefined) {
			const f = FONT[name.kind];
			const text = f.upper ? name.text.toUpperCase() : name.text;
			const ctx = this.#measure;
			// The page's font, read once: a style read per name forces a style pass each time.
			this.#family ??= getComputedStyle(this.#root).fontFamily;
			if (ctx) ctx.font = `${f.weight} ${f.size}px ${this.#family}`;
			w =
				(ctx ? ctx.measureText(text).width : text.length * f.size * 0.6) + text.length * f.spacing;
			this.#widths.set(key, w);
		}
		return w;
	}

	/** The names on screen, for tests and the bench. */
	get shown(): readonly string[] {
		return this.#shown.map((s) => s.name.text);
	}

	remove(): void {
		this.#layer.remove();
	}
}

/** Whether the center's name names this town: the same name, a few miles from it at most. */
function named(center: PlaceName, town: PlaceName): boolean {
	const text = center.text;
	const says = text.startsWith(`${town.text},`) || text.includes(`(${town.text},`);
	return says && Math.abs(center.lng - town.lng) < 0.2 && Math.abs(center.lat - town.lat) < 0.2;
}
