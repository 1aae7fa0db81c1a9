/** Where a program is, as much as a directions link needs. */
export interface Whereabouts {
	street1: string | null;
	city: string;
	state: string;
	zip: string;
	lat: number;
	lng: number;
	/** 'zip': the point is the ZIP code's center, not the program's door. */
	precision: string;
}

/**
 * OpenStreetMap's directions to a program, opened only when clicked (the page requests nothing
 * from it). A program placed at its ZIP code's center is routed to by its address instead.
 */
export function directionsHref(at: Whereabouts): string {
	const to =
		at.precision === 'zip'
			? [at.street1, `${at.city}, ${at.state} ${at.zip}`].filter(Boolean).join(', ')
			: `${at.lat},${at.lng}`;
	return `https://www.openstreetmap.org/directions?to=${encodeURIComponent(to)}`;
}
