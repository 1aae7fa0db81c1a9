export interface Place {
	label: string;
	lat: number;
	lng: number;
	kind: 'zip' | 'city' | 'coordinates' | 'address';
	/** USPS code of the state or territory, when known. */
	state?: string;
	/**
	 * Set when the search is from less than what was typed (a street address searched from its ZIP
	 * code or city): says so and why, for the results page.
	 */
	note?: string;
}

export type Resolution =
	| { status: 'found'; place: Place }
	| { status: 'ambiguous'; choices: Place[] }
	| {
			status: 'not-found';
			message: string;
			suggestions: Place[];
			/** Set when the text could not be read as a place at all (too long, characters not allowed). */
			invalid?: true;
	  };

/** Turns a street address into places, best first; may reject (the caller falls back). */
export type Geocoder = (query: string) => Promise<Place[]>;

export function notFound(message: string, suggestions: Place[] = []): Resolution {
	return { status: 'not-found', message, suggestions };
}
