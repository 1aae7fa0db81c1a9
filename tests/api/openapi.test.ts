import { expect, test } from 'vitest';
import { FILTER_GROUPS } from '../../src/lib/filters';
import { get, getOk } from './http';

interface Parameter {
	name: string;
	in: string;
	schema: { type?: string; enum?: unknown[]; items?: { enum?: string[] } };
}

interface Operation {
	parameters?: Parameter[];
	responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface Document {
	openapi: string;
	info: { title: string; version: string };
	paths: Record<string, { get: Operation }>;
	components: { schemas: Record<string, unknown> };
}

const PATHS = [
	'/api/filters',
	'/api/facilities',
	'/api/facilities.geojson',
	'/api/facilities/{id}',
	'/api/places/nearest-zip'
];

test('/api/openapi.json is an OpenAPI 3.1 document of the five endpoints', async () => {
	const doc = await getOk<Document>('/api/openapi.json');
	expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
	expect(doc.info.title).toEqual(expect.any(String));
	expect(doc.info.version).toEqual(expect.any(String));
	expect(Object.keys(doc.paths).sort()).toEqual([...PATHS].sort());
	for (const path of PATHS) {
		expect(doc.paths[path]!.get.responses['200'], `${path} 200`).toBeDefined();
	}
	expect(doc.paths['/api/facilities']!.get.responses['400']).toBeDefined();
	expect(doc.paths['/api/facilities.geojson']!.get.responses['400']).toBeDefined();
	expect(doc.paths['/api/facilities/{id}']!.get.responses['404']).toBeDefined();
	const id = doc.paths['/api/facilities/{id}']!.get.parameters?.find((p) => p.name === 'id');
	expect(id?.in).toBe('path');

	// Every $ref points at a schema the document has.
	const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)];
	expect(refs.length).toBeGreaterThan(0);
	for (const [, name] of refs) expect(doc.components.schemas[name!], name).toBeDefined();
});

test('/api/facilities documents every parameter the server accepts, filters with their values', async () => {
	const doc = await getOk<Document>('/api/openapi.json');
	const params = doc.paths['/api/facilities']!.get.parameters!;
	const byName = new Map(params.map((p) => [p.name, p]));
	for (const name of ['near', 'lat', 'lng', 'radius', 'limit', 'offset']) {
		expect(byName.get(name)?.in, name).toBe('query');
	}
	expect(byName.get('radius')!.schema.enum).toEqual([5, 10, 25, 50, 100, 250]);
	for (const group of FILTER_GROUPS) {
		const param = byName.get(group.key);
		expect(param, group.key).toBeDefined();
		const values = group.options.map((o) => o.value);
		if (group.single) {
			// The scope: one value, with a default.
			expect(param!.schema.type).toBe('string');
			expect(param!.schema.enum).toEqual(values);
		} else {
			expect(param!.schema.type).toBe('array');
			expect(param!.schema.items?.enum).toEqual(values);
		}
	}
	expect(params.length).toBe(6 + FILTER_GROUPS.length);
});

test('every documented filter value is accepted, and nothing undocumented is', async () => {
	const doc = await getOk<Document>('/api/openapi.json');
	const params = doc.paths['/api/facilities']!.get.parameters!;
	const near = [
		['lat', '40.7128'],
		['lng', '-74.006'],
		['radius', '5'],
		['limit', '1']
	] as const;
	for (const param of params.filter((p) => p.schema.type === 'array')) {
		for (const value of param.schema.items!.enum!) {
			const answer = await get('/api/facilities', [...near, [param.name, value]]);
			expect(answer.status, `${param.name}=${value}: ${answer.text.slice(0, 200)}`).toBe(200);
		}
		const wrong = await get('/api/facilities', [...near, [param.name, 'not-an-option']]);
		expect(wrong.status).toBe(400);
	}
});
