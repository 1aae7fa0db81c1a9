import { describe, expect, test } from 'vitest';
import { FILTER_GROUPS } from '../../src/lib/filters';
import { describeSelection, drawCases, searchParams, sentCenter, type SearchCase } from './cases';
import { getOk } from './http';
import {
	EDGE_METERS,
	haversineMeters,
	loadDirectory,
	METERS_PER_MILE,
	satisfies,
	withDefaults,
	type Program,
	type Selection
} from './oracle';

// The search page's facet counts ("Methadone (1,481)"), read from its data endpoint: for each
// option, the programs in the base set (the radius, or the country) that meet every selected
// group except the option's own, and the option itself. Checked against the oracle.

interface PageData {
	outcome: { status: string; total: number; facets: Record<string, number> | null };
}

/** Decodes SvelteKit's __data.json payload (devalue's flat form), plain values only. */
function unflatten(values: unknown[]): unknown {
	const done = new Map<number, unknown>();
	const hydrate = (index: number): unknown => {
		if (index === -1) return undefined;
		if (index < 0) throw new Error(`unexpected devalue special value ${index}`);
		if (done.has(index)) return done.get(index);
		const value = values[index];
		let out: unknown = value;
		if (Array.isArray(value)) {
			if (typeof value[0] === 'string') throw new Error(`unexpected devalue type ${value[0]}`);
			out = value.map((i) => hydrate(i as number));
		} else if (value !== null && typeof value === 'object') {
			out = Object.fromEntries(Object.entries(value).map(([k, i]) => [k, hydrate(i as number)]));
		}
		done.set(index, out);
		return out;
	};
	return hydrate(0);
}

async function pageData(c: SearchCase): Promise<PageData> {
	const body = await getOk<{ type: string; nodes: ({ type: string; data: unknown[] } | null)[] }>(
		'/search/__data.json',
		searchParams(c)
	);
	const node = body.nodes.at(-1);
	if (node?.type !== 'data') throw new Error(`no page data: ${JSON.stringify(body).slice(0, 300)}`);
	return unflatten(node.data) as PageData;
}

const directory = await loadDirectory();
const cases = drawCases(directory, 4242).filter((c) => c.center || c.radius === undefined);
const picked = [
	...cases.filter((c) => c.center).slice(0, 14),
	...cases.filter((c) => c.radius === undefined).slice(0, 3)
];

/** Lowest and highest count the oracle allows for each option (programs on the edge may go either way). */
function expectedFacets(c: SearchCase): Map<string, [number, number]> {
	const center = c.center && sentCenter(c.center);
	const radius = (c.radius ?? 0) * METERS_PER_MILE;
	const base: { program: Program; edge: boolean }[] = [];
	for (const program of directory) {
		if (!center) {
			base.push({ program, edge: false });
			continue;
		}
		const meters = haversineMeters(center, program);
		if (meters <= radius + EDGE_METERS) {
			base.push({ program, edge: meters >= radius - EDGE_METERS });
		}
	}
	const counts = new Map<string, [number, number]>();
	for (const group of FILTER_GROUPS) {
		// The search as the server reads it (default scope included), less the option's own group.
		const others: Selection = Object.fromEntries(
			Object.entries(withDefaults(c.selection)).filter(([key]) => key !== group.key)
		);
		const complete = { complete: true };
		const eligible = base.filter((b) => satisfies(b.program.services, others, complete));
		for (const option of group.options) {
			const meets = eligible.filter((b) =>
				satisfies(b.program.services, { [group.key]: [option.value] }, complete)
			);
			const sure = meets.filter((b) => !b.edge).length;
			counts.set(`${group.key}:${option.value}`, [sure, meets.length]);
		}
	}
	return counts;
}

let nonEmpty = 0;

describe.each(picked)('$label', (c) => {
	test(`facets: ${describeSelection(c.selection)}${c.radius ? `, ${c.radius} mi` : ''}`, async () => {
		const data = await pageData(c);
		expect(data.outcome.status).toBe('ok');
		const facets = data.outcome.facets!;
		expect(facets).not.toBeNull();
		const expected = expectedFacets(c);
		if ([...expected.values()].some(([low]) => low > 0)) nonEmpty += 1;
		expect(Object.keys(facets).sort()).toEqual([...expected.keys()].sort());
		const wrong = [...expected].filter(([key, [low, high]]) => {
			const got = facets[key]!;
			return !(got >= low && got <= high);
		});
		expect(
			wrong.map(([key, range]) => `${key}: got ${facets[key]}, expected ${range.join('..')}`)
		).toEqual([]);
	});
});

test('the facet cases are not all empty', () => {
	expect(picked.length).toBe(17);
	expect(nonEmpty).toBeGreaterThan(12);
});
