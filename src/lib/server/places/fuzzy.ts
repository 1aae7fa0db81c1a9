/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
 * letters as one edit (optimal string alignment), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const width = b.length + 1;
	// Three rows of the table, reused: this runs over every name in the gazetteer.
	let beforeLast = new Uint16Array(width);
	let last = new Uint16Array(width).map((_, j) => j);
	let row = new Uint16Array(width);
	for (let i = 1; i <= a.length; i++) {
		row[0] = i;
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d = Math.min(d, beforeLast[j - 2]! + 1);
			}
			row[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		[beforeLast, last, row] = [last, row, beforeLast];
	}
	return Math.min(last[b.length]!, max + 1);
}

/** How many edits a typed name of this length may be from a real one and still be suggested. */
export function allowedEdits(key: string): number {
	return key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
}
