import { describe, expect, test } from 'vitest';
import { get, url, type Params } from './http';

// Bad input is a 400 naming the parameter, as `{ error: { message, field } }`: never a 200 that
// quietly ignores it, never a 500, never a stack trace.

interface ErrorBody {
	error: { message: string; field?: string; suggestions?: unknown; choices?: unknown };
}

const long = 'A'.repeat(10_000);

// [what, parameters, the field the error must name]
const cases: [string, Params, string][] = [
	['unknown filter key', [['colour', 'red']], 'colour'],
	['filter key in the wrong case', [['Medication', 'methadone']], 'Medication'],
	['unknown filter value', [['medication', 'heroin']], 'medication'],
	[
		'unknown value beside a good one',
		[
			['medication', 'methadone'],
			['medication', 'x']
		],
		'medication'
	],
	['value of another group', [['age', 'methadone']], 'age'],
	[
		'radius not in the list',
		[
			['near', '10001'],
			['radius', '7']
		],
		'radius'
	],
	[
		'radius too large',
		[
			['lat', '40'],
			['lng', '-74'],
			['radius', '1000']
		],
		'radius'
	],
	[
		'radius zero',
		[
			['lat', '40'],
			['lng', '-74'],
			['radius', '0']
		],
		'radius'
	],
	[
		'radius negative',
		[
			['lat', '40'],
			['lng', '-74'],
			['radius', '-25']
		],
		'radius'
	],
	[
		'radius not a number',
		[
			['lat', '40'],
			['lng', '-74'],
			['radius', 'far']
		],
		'radius'
	],
	[
		'lat above 90',
		[
			['lat', '90.5'],
			['lng', '0']
		],
		'lat'
	],
	[
		'lat below -90',
		[
			['lat', '-91'],
			['lng', '0']
		],
		'lat'
	],
	[
		'lng above 180',
		[
			['lat', '0'],
			['lng', '180.000001']
		],
		'lng'
	],
	[
		'lng below -180',
		[
			['lat', '0'],
			['lng', '-200']
		],
		'lng'
	],
	[
		'lat not a number',
		[
			['lat', 'abc'],
			['lng', '0']
		],
		'lat'
	],
	[
		'lat NaN',
		[
			['lat', 'NaN'],
			['lng', '0']
		],
		'lat'
	],
	[
		'lat Infinity',
		[
			['lat', 'Infinity'],
			['lng', '0']
		],
		'lat'
	],
	[
		'lat in exponent form',
		[
			['lat', '1e1'],
			['lng', '0']
		],
		'lat'
	],
	[
		'lng hexadecimal',
		[
			['lat', '0'],
			['lng', '0x10']
		],
		'lng'
	],
	[
		'lat with a unit',
		[
			['lat', '40°'],
			['lng', '-74']
		],
		'lat'
	],
	['limit in exponent form', [['limit', '1e3']], 'limit'],
	['limit zero', [['limit', '0']], 'limit'],
	['limit above 100', [['limit', '101']], 'limit'],
	['limit fractional', [['limit', '10.5']], 'limit'],
	['offset negative', [['offset', '-1']], 'offset'],
	['offset not a number', [['offset', 'ten']], 'offset'],
	['offset huge', [['offset', '99999999999999999999']], 'offset'],
	['unknown place', [['near', 'Xyzzyville, ZZ']], 'near'],
	['overlong place', [['near', long]], 'near'],
	['control character in place', [['near', 'Boston\u0000, MA']], 'near'],
	['lat without lng', [['lat', '40']], 'lng'],
	['lng without lat', [['lng', '-74']], 'lat'],
	[
		'near with lat and lng',
		[
			['near', '10001'],
			['lat', '40'],
			['lng', '-74']
		],
		'near'
	],
	[
		'radius twice',
		[
			['lat', '40'],
			['lng', '-74'],
			['radius', '5'],
			['radius', '10']
		],
		'radius'
	],
	[
		'near twice',
		[
			['near', '10001'],
			['near', '10002']
		],
		'near'
	],
	[
		'lat twice',
		[
			['lat', '40'],
			['lat', '41'],
			['lng', '-74']
		],
		'lat'
	],
	[
		'limit twice',
		[
			['limit', '10'],
			['limit', '10']
		],
		'limit'
	],
	['overlong unknown key', [[long, '1']], `${'A'.repeat(40)}…`]
];

/** Nothing in an error body may look like a stack trace or an internal error. */
function expectNoInternals(text: string): void {
	expect(text).not.toMatch(/^\s*at\s/m);
	expect(text).not.toMatch(/\bat \S+ \(|node:internal|\/src\/|\.ts:\d+/);
	expect(text).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|Error):/);
}

describe.each(['/api/facilities', '/api/facilities.geojson'])('%s', (path) => {
	test.each(cases)('%s → 400 on the field', async (_what, params, field) => {
		const answer = await get<ErrorBody>(path, params);
		expect(answer.status, `${url(path, params).slice(0, 300)}: ${answer.text.slice(0, 300)}`).toBe(
			400
		);
		expect(answer.contentType).toMatch(/^application\/json/);
		expect(answer.body.error.field).toBe(field);
		expect(typeof answer.body.error.message).toBe('string');
		expect(answer.body.error.message.length).toBeGreaterThan(5);
		// The message stays short however long the input was.
		expect(answer.body.error.message.length).toBeLessThan(300);
		expectNoInternals(answer.text);
	});

	test('an unknown place comes with a list of suggestions', async () => {
		const answer = await get<ErrorBody>(path, [['near', 'Xyzzyville, ZZ']]);
		expect(answer.status).toBe(400);
		expect(Array.isArray(answer.body.error.suggestions)).toBe(true);
	});

	test('an ambiguous place comes with choices to pick from', async () => {
		const answer = await get<ErrorBody>(path, [['near', 'Springfield']]);
		expect(answer.status).toBe(400);
		expect(answer.body.error.field).toBe('near');
		expect(Array.isArray(answer.body.error.choices)).toBe(true);
		expect((answer.body.error.choices as unknown[]).length).toBeGreaterThan(1);
	});
});

describe('accepted edge values', () => {
	test.each<[string, Params]>([
		[
			'the poles and the antimeridian',
			[
				['lat', '-90'],
				['lng', '-180'],
				['radius', '5']
			]
		],
		[
			'lat 90, lng 180',
			[
				['lat', '90'],
				['lng', '180']
			]
		],
		[
			'signs and spaces',
			[
				['lat', ' +40.5 '],
				['lng', '-074']
			]
		],
		[
			'a leading-dot decimal',
			[
				['lat', '.5'],
				['lng', '-.5']
			]
		],
		['limit 1', [['limit', '1']]],
		['limit 100', [['limit', '100']]],
		[
			'an empty field counts as not given',
			[
				['near', ''],
				['lat', ''],
				['lng', ''],
				['radius', '']
			]
		],
		['an empty filter value counts as no choice', [['setting', '']]],
		[
			'a filter value repeated',
			[
				['medication', 'methadone'],
				['medication', 'methadone']
			]
		]
	])('%s → 200', async (_what, params) => {
		const answer = await get<{ total: number }>('/api/facilities', params);
		expect(answer.status, answer.text.slice(0, 300)).toBe(200);
		expect(typeof answer.body.total).toBe('number');
	});
});

describe('one program', () => {
	test.each([
		['an unknown id', '000000000000'],
		['an id of the wrong shape', 'NOT-AN-ID'],
		['an overlong id', 'a'.repeat(300)],
		['a path in the id', '..%2F..%2Fetc%2Fpasswd'],
		['a quote in the id', "x'%20or%20'1'%3D'1"]
	])('%s → 404 JSON', async (_what, id) => {
		const answer = await get<ErrorBody>(`/api/facilities/${id}`);
		expect(answer.status).toBe(404);
		expect(answer.contentType).toMatch(/^application\/json/);
		expect(answer.body.error.message).toEqual(expect.any(String));
		expect(answer.body.error.field).toBe('id');
		expectNoInternals(answer.text);
	});

	test('a malformed escape in the path is a client error, not a 500', async () => {
		const answer = await get(`/api/facilities/%E0%A4%A`);
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.status).toBeLessThan(500);
		expectNoInternals(answer.text);
	});
});
