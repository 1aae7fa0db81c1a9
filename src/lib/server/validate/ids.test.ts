import * as v from 'valibot';
import { expect, test } from 'vitest';
import { IdsQuery } from './ids';
import { InputError, parseInput } from './params';

const parse = (ids: string | undefined) => parseInput(IdsQuery, { ids }).ids;

function failure(ids: string | undefined): InputError {
	try {
		parse(ids);
	} catch (e) {
		if (e instanceof InputError) return e;
	}
	throw new Error(`expected ${ids} to fail`);
}

test('ids: comma-separated, trimmed, repeats dropped, order kept', () => {
	expect(parse('bbbbbbbbbbbb, aaaaaaaaaaaa,bbbbbbbbbbbb,')).toEqual([
		'bbbbbbbbbbbb',
		'aaaaaaaaaaaa'
	]);
});

test('bad ids are a problem with the ids field', () => {
	expect(failure(undefined)).toMatchObject({ field: 'ids' });
	expect(failure('')).toMatchObject({ field: 'ids', message: /required/ });
	expect(failure('aaaaaaaaaaaa,DROP TABLE')).toMatchObject({
		field: 'ids.1',
		message: /not a program id/
	});
	const many = Array.from({ length: 51 }, (_, i) => i.toString(16).padStart(12, '0')).join(',');
	expect(failure(many)).toMatchObject({ field: 'ids', message: /at most 50/ });
	expect(v.is(IdsQuery, { ids: many.split(',').slice(0, 50).join(',') })).toBe(true);
});
