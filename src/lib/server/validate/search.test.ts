import { describe, expect, it } from 'vitest';
import { InputError } from './params';
import { parseSearchParams } from './search';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

function fieldOf(query: string): string {
	try {
		parse(query);
	} catch (e) {
		if (e instanceof InputError) return e.field;
		throw e;
	}
	throw new Error(`"${query}" was accepted`);
}

describe('parseSearchParams', () => {
	it('applies the defaults', () => {
		expect(parse('')).toEqual({
			radius: 25,
			limit: 20,
			offset: 0,
			filters: { scope: ['medication'] }
		});
	});

	it('takes one scope, and keeps an old link’s moved and retired values working', () => {
		expect(parse('scope=all').filters.scope).toEqual(['all']);
		expect(fieldOf('scope=all&scope=supports')).toBe('scope');
		expect(fieldOf('scope=everything')).toBe('scope');
		expect(parse('family=pregnant&counseling=telehealth&counseling=dbt').filters).toEqual({
			scope: ['medication'],
			group: ['pregnant'],
			setting: ['telehealth']
		});
	});

	it('reads a place, a radius, paging and repeated filters', () => {
		expect(
			parse(
				'near=01608&radius=50&medication=methadone&medication=buprenorphine&family=pregnant&limit=100&offset=40'
			)
		).toEqual({
			near: '01608',
			radius: 50,
			limit: 100,
			offset: 40,
			filters: {
				medication: ['methadone', 'buprenorphine'],
				group: ['pregnant'],
				scope: ['medication']
			}
		});
	});

	it('reads coordinates and treats empty form fields as absent', () => {
		expect(parse('near=&lat=42.26&lng=-71.8&radius=')).toMatchObject({
			lat: 42.26,
			lng: -71.8,
			radius: 25
		});
	});

	it('treats an empty filter value as no choice, like an empty field', () => {
		expect(parse('medication=&payment=medicaid&medication=%20').filters).toEqual({
			payment: ['medicaid'],
			scope: ['medication']
		});
	});

	it('ignores a filter value given twice', () => {
		expect(parse('medication=methadone&medication=methadone').filters).toEqual({
			medication: ['methadone'],
			scope: ['medication']
		});
	});

	it.each([
		['color=blue', 'color'],
		['medication=heroin', 'medication'],
		['radius=30', 'radius'],
		['radius=abc', 'radius'],
		['lat=91&lng=0', 'lat'],
		['lat=0&lng=-180.5', 'lng'],
		['lat=abc&lng=1', 'lat'],
		['lat=NaN&lng=1', 'lat'],
		['lat=1e2&lng=1', 'lat'],
		['lat=40', 'lng'],
		['lng=-70', 'lat'],
		['near=Boston&lat=1&lng=1', 'near'],
		['near=a&near=b', 'near'],
		['limit=0', 'limit'],
		['limit=101', 'limit'],
		['limit=1e3', 'limit'],
		['offset=-1', 'offset'],
		[`near=${'x'.repeat(201)}`, 'near'],
		['near=%00', 'near']
	])('refuses %s, naming %s', (query, field) => {
		expect(fieldOf(query)).toBe(field);
	});

	it('keeps an overlong unknown key short in the message', () => {
		try {
			parse(`${'k'.repeat(5000)}=1`);
			expect.unreachable();
		} catch (e) {
			expect((e as InputError).message.length).toBeLessThan(200);
		}
	});
});
