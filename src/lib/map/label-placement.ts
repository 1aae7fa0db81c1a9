// Which place names the map can show without covering anything a person needs: greedy placement
// by priority, the way a style's symbol layer places labels (collision boxes), for text drawn as
// HTML over the map (there are no glyphs to draw it with; style.ts).

/** A box in screen pixels. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface LabelCandidate {
	/** Where the label could be drawn, in screen pixels (its padding included), best first. */
	boxes: readonly Box[];
}

export interface PlacedLabel<T> {
	label: T;
	/** Which of its boxes it was given. */
	anchor: number;
	box: Box;
}

export const overlaps = (a: Box, b: Box): boolean =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A circle's bounding box: a cluster, a pin or the search center. */
export const circleBox = (x: number, y: number, radius: number): Box => ({
	left: x - radius,
	top: y - radius,
	right: x + radius,
	bottom: y + radius
});

/** A box of this size centered on a point. */
export const centeredBox = (x: number, y: number, width: number, height: number): Box => ({
	left: x - width / 2,
	top: y - height / 2,
	right: x + width / 2,
	bottom: y + height / 2
});

/**
 * The candidates to draw, in the order given (most important first), each in the first of its
 * boxes that lies wholly inside the view and overlaps no obstacle and no label already placed.
 * Quadratic in the labels placed, which the caller keeps to a few dozen.
 */
export function placeLabels<T extends LabelCandidate>(
	candidates: readonly T[],
	obstacles: readonly Box[],
	view: Box
): PlacedLabel<T>[] {
	const placed: PlacedLabel<T>[] = [];
	const free = (box: Box) =>
		box.left >= view.left &&
		box.top >= view.top &&
		box.right <= view.right &&
		box.bottom <= view.bottom &&
		!obstacles.some((o) => overlaps(box, o)) &&
		!placed.some((p) => overlaps(box, p.box));
	for (const label of candidates) {
		const anchor = label.boxes.findIndex(free);
		if (anchor >= 0) placed.push({ label, anchor, box: label.boxes[anchor]! });
	}
	return placed;
}

/**
 * The zoom from which a town of this population is named: a city of a million from the national
 * view, a town of a thousand when a few miles fill the screen.
 */
export const townMinZoom = (population: number): number =>
	Math.max(3, 14 - 1.6 * Math.log10(Math.max(population, 1)));
