import { FILTER_ALIASES, FILTER_GROUPS } from '../filters';
import { DEFAULT_LIMIT, DEFAULT_RADIUS, MAX_LIMIT, RADIUS_CHOICES } from './validate/search';

// The API's OpenAPI 3.1 description, built from the same vocabulary and limits the endpoints
// validate with, so the document cannot drift from what the server accepts.

const error = {
	description: 'Bad input: the message names the parameter (`field`).',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
};

const searchParameters = [
	{
		name: 'near',
		in: 'query',
		description:
			'A place: a 5-digit ZIP, "City, ST", an unambiguous city name, or "lat, lng". Resolved offline. Not with lat/lng.',
		schema: { type: 'string', maxLength: 200 }
	},
	{
		name: 'lat',
		in: 'query',
		description: 'Latitude of the center; needs lng.',
		schema: { type: 'number', minimum: -90, maximum: 90 }
	},
	{
		name: 'lng',
		in: 'query',
		description: 'Longitude of the center; needs lat.',
		schema: { type: 'number', minimum: -180, maximum: 180 }
	},
	{
		name: 'radius',
		in: 'query',
		description: 'Miles around the place.',
		schema: { type: 'integer', enum: [...RADIUS_CHOICES], default: DEFAULT_RADIUS }
	},
	...FILTER_GROUPS.map((g) =>
		g.single
			? {
					name: g.key,
					in: 'query',
					description:
						'Which programs a search covers: `medication` (the default) lists programs offering methadone, buprenorphine or naltrexone (codes MU, BU, NU); `supports` adds those accepting clients on a medication prescribed elsewhere (MOA); `all` is every substance use program.',
					schema: {
						type: 'string',
						enum: g.options.map((o) => o.value),
						default: g.single.default
					}
				}
			: {
					name: g.key,
					in: 'query',
					description: `${g.label}: repeat for several; options within a group are any-of, groups are all-of. Codes per option: GET /api/filters (only options some program meets are listed there; the rest are accepted and match nothing). Values that moved keep working (${
						Object.keys(FILTER_ALIASES)
							.filter((k) => k.startsWith(`${g.key}=`))
							.join(', ') || 'none moved'
					}).`,
					style: 'form',
					explode: true,
					schema: { type: 'array', items: { type: 'string', enum: g.options.map((o) => o.value) } }
				}
	)
];

const paging = [
	{
		name: 'limit',
		in: 'query',
		schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }
	},
	{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }
];

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'MAT Locator API',
		version: '1',
		description:
			'Programs offering medication for opioid use disorder, from SAMHSA’s national directory. Distances are great-circle miles. Locations with precision "zip" are the center of the ZIP code, not the address.'
	},
	paths: {
		'/api/filters': {
			get: {
				summary: 'The filter groups, their options and the SAMHSA codes behind each option',
				responses: { 200: { description: 'Filter groups', content: { 'application/json': {} } } }
			}
		},
		'/api/facilities': {
			get: {
				summary:
					'Search programs: nearest first within the radius, or nationwide when no place is given',
				parameters: [...searchParameters, ...paging],
				responses: {
					200: {
						description:
							'`{ total, limit, offset, place, radiusMiles, items: [...], beyond: [...], telehealth }`: `beyond` holds, on the first page of a search with fewer than 5 matches within the radius, the nearest matches outside it (each with its distance), never counted in `total`; with them, `telehealth` (`{ state, total, items }`: the programs in the place’s state that meet the search and offer telehealth, nearest three) or null. Each item’s `medication` says what the codes mean: `kind` (the map color), `lines`, `elsewhere`, and `contradiction` when the listing says both that it uses a medication and that it does not treat opioid use disorder (NOOP) or use medication for it (NMOA).',
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/SearchResult' } }
						}
					},
					400: error
				}
			}
		},
		'/api/facilities.geojson': {
			get: {
				summary: 'The same search as a GeoJSON FeatureCollection, unpaged, for a map',
				parameters: searchParameters,
				responses: {
					200: {
						description:
							'FeatureCollection of Points [lng, lat]; properties: id, kind (methadone, buprenorphine, naltrexone, check (a listing that contradicts itself) or other: the color on the map, the same as each list item’s medication.kind) and approx (true when placed at the center of its ZIP code)',
						content: { 'application/geo+json': {} },
						headers: {
							ETag: { description: 'Send it back as If-None-Match to revalidate' },
							'Cache-Control': { description: '`private, no-cache`' }
						}
					},
					304: { description: 'Not modified: the If-None-Match ETag is still current' },
					400: error
				}
			}
		},
		'/api/places/nearest-zip': {
			get: {
				summary:
					'The ZIP code whose center is nearest a point (what "Use my location" searches from)',
				parameters: [
					{ name: 'lat', in: 'query', required: true, schema: { type: 'number' } },
					{ name: 'lng', in: 'query', required: true, schema: { type: 'number' } }
				],
				responses: {
					200: { description: '`{ zip, city, state }`', content: { 'application/json': {} } },
					400: error,
					404: { ...error, description: 'No U.S. ZIP code within 60 km' }
				}
			}
		},
		'/api/facilities/{id}': {
			get: {
				summary: 'Everything known about one program',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
				responses: {
					200: { description: 'The program', content: { 'application/json': {} } },
					404: { ...error, description: 'No program has this id' }
				}
			}
		}
	},
	components: {
		schemas: {
			Error: {
				type: 'object',
				required: ['error'],
				properties: {
					error: {
						type: 'object',
						required: ['message'],
						properties: {
							message: { type: 'string' },
							field: { type: 'string' },
							choices: { type: 'array', description: 'For an ambiguous place' },
							suggestions: { type: 'array', description: 'For a place not found' }
						}
					}
				}
			},
			SearchResult: {
				type: 'object',
				required: ['total', 'items'],
				properties: {
					total: { type: 'integer' },
					items: {
						type: 'array',
						items: {
							type: 'object',
							required: [
								'id',
								'name',
								'displayName',
								'distanceMiles',
								'lat',
								'lng',
								'precision',
								'matched',
								'medications'
							],
							properties: {
								id: { type: 'string' },
								name: { type: 'string', description: 'First line of the name, as SAMHSA lists it' },
								displayName: {
									type: 'string',
									description:
										'Both lines of the name as one, joined where the first breaks mid-phrase'
								},
								distanceMiles: { type: ['number', 'null'] },
								lat: { type: 'number' },
								lng: { type: 'number' },
								precision: { enum: ['address', 'zip'] },
								matched: { type: 'array', items: { type: 'object' } },
								medications: {
									type: 'array',
									items: { enum: ['methadone', 'buprenorphine', 'naltrexone'] }
								}
							}
						}
					}
				}
			}
		}
	}
} as const;
