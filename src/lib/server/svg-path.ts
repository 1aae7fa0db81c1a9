import type { Feature, Position } from 'geojson';

// Shared by the program page's two server-drawn maps (locator.ts, nearby-map.ts).

/** A polygon feature's rings, outer and inner alike; none for any other geometry. */
export function rings(f: Feature): Position[][] {
	const g = f.geometry;
	if (g.type === 'Polygon') return g.coordinates;
	if (g.type === 'MultiPolygon') return g.coordinates.flat();
	return [];
}

/**
 * Lines (or rings, with `close`) as one SVG path in the view's units, to a tenth of a unit.
 * Points closer than `step` units to the last one kept add nothing at the drawn size.
 */
export function svgPath(
	lines: Position[][],
	project: (p: Position) => [number, number],
	{ close, step }: { close: boolean; step: number }
): string {
	let d = '';
	for (const line of lines) {
		const points: [number, number][] = [];
		for (const p of line) {
			const q = project(p);
			const last = points.at(-1);
			if (!last || Math.hypot(q[0] - last[0], q[1] - last[1]) >= step) points.push(q);
		}
		if (points.length < (close ? 3 : 2)) continue;
		d += `M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}${close ? 'Z' : ''}`;
	}
	return d;
}
