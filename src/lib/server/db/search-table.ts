import { sql, type Kysely } from 'kysely';
import {
	FILTER_CODES,
	FILTER_GROUPS,
	matchesEverything,
	withoutImplied,
	type SelectedGroup
} from '../../filters';
import { conditionOf, type CodeCondition } from './service-filter';
import type { DB } from './schema';

// facility_search holds, per program, its point and its filter codes as two int8 bitmasks (bit i
// is FILTER_CODES[i]), written in spatial order. A filter is then a few AND instructions on a
// ~60-byte row instead of text[] overlaps on a ~1 KB one. The table is derived from facility and
// rebuilt whole: by the import, and when the filters' code list no longer matches the one the
// table was built with (a new release added a code).

const WORD_BITS = 64;
if (FILTER_CODES.length > 2 * WORD_BITS) throw new Error('More than 128 filter codes: add a word');
const BIT = new Map(FILTER_CODES.map((code, i) => [code, BigInt(i)]));

/** The two words of a code set, as int8 literals (signed, as PostgreSQL stores them). */
export function bitsOf(codes: Iterable<string>): [lo: string, hi: string] {
	let lo = 0n;
	let hi = 0n;
	for (const code of codes) {
		const bit = BIT.get(code);
		if (bit === undefined) continue;
		if (bit < WORD_BITS) lo |= 1n << bit;
		else hi |= 1n << (bit - BigInt(WORD_BITS));
	}
	return [BigInt.asIntN(64, lo).toString(), BigInt.asIntN(64, hi).toString()];
}

/**
 * The filter codes of a row, from its two words as text (int8 does not fit a JavaScript number).
 * A search page reads these instead of the program's whole services text[]: two short values to
 * parse per row instead of an array of ~100 strings (the largest cost of a search in the server
 * process, scripts/bench/README.md).
 */
export function codesOfBits(lo: string, hi: string): Set<string> {
	const codes = new Set<string>();
	[lo, hi].forEach((word, w) => {
		let bits = BigInt.asUintN(64, BigInt(word));
		// Two 32-bit halves, so the loop runs on plain numbers rather than BigInt shifts.
		for (let half = 0; half < 2; half++) {
			let n = Number(bits & 0xffffffffn);
			bits >>= 32n;
			while (n !== 0) {
				const low = n & -n;
				const code = FILTER_CODES[w * WORD_BITS + half * 32 + 31 - Math.clz32(low)];
				if (code !== undefined) codes.add(code);
				n ^= low;
			}
		}
	});
	return codes;
}

/** Has any, every or none of `codes`; words with no bits are skipped. */
const maskCondition: CodeCondition = (codes, test) => {
	const words = bitsOf(codes);
	const parts = (['filter_lo', 'filter_hi'] as const)
		.map((column, i) => ({ column, mask: words[i]! }))
		.filter(({ mask }) => mask !== '0')
		.map(({ column, mask }) =>
			test === 'all'
				? sql<boolean>`(${sql.ref(column)} & ${mask}::int8) = ${mask}::int8`
				: test === 'none'
					? sql<boolean>`(${sql.ref(column)} & ${mask}::int8) = 0`
					: sql<boolean>`(${sql.ref(column)} & ${mask}::int8) <> 0`
		);
	if (parts.length === 0) return sql<boolean>`${test !== 'any'}`;
	return sql<boolean>`(${sql.join(parts, test === 'any' ? sql` or ` : sql` and `)})`;
};

/** The same meaning as service-filter.ts's groupsCondition, on facility_search's bitmasks. */
export const bitsCondition = (groups: readonly SelectedGroup[]) =>
	conditionOf(groups, maskCondition);

/** Each value of a one-choice group (the scope), whose total is kept with the build. */
const SCOPES = FILTER_GROUPS.filter((g) => g.single).flatMap((group) =>
	group.options.map((option) => ({
		key: `${group.key}:${option.value}`,
		condition: matchesEverything(option)
			? sql<boolean>`true`
			: bitsCondition([{ group, options: [option] }])!
	}))
);

/**
 * The key of the kept total that answers these groups, when all they ask (once implied groups
 * are left out) is one scope: the nationwide search with no other filter.
 */
export function keptScopeTotal(groups: readonly SelectedGroup[]): string | undefined {
	const needed = withoutImplied(groups);
	const only = needed.length === 1 ? needed[0]! : undefined;
	if (!only?.group.single || only.options.length !== 1) return undefined;
	return `${only.group.key}:${only.options[0]!.value}`;
}

/**
 * Rebuilds facility_search from facility. Run inside the transaction that changed facility, so
 * the two never disagree. Bits are computed once per distinct code set (programs share them),
 * in SQL, so no row passes through JavaScript.
 */
export async function rebuildSearchTable(db: Kysely<DB>): Promise<void> {
	const codes = sql.val([...FILTER_CODES]);
	const scopeTotals = sql`jsonb_build_object(${sql.join(
		SCOPES.map((s) => sql`${s.key}::text, count(*) filter (where ${s.condition})`)
	)})`;
	await sql`delete from facility_search`.execute(db);
	// Fresh statistics first: right after an import the planner may still think facility is
	// nearly empty, and then joins the code sets to the programs by nested loop, comparing arrays
	// pairwise (a clean-clone CI run sat in this insert for over 8 minutes on PostgreSQL).
	await sql`analyze facility`.execute(db);
	await sql`
		with code_bit as (
			select code, (bit - 1)::int as bit from unnest(${codes}::text[]) with ordinality as c(code, bit)
		),
		code_set as (
			select s.services,
				coalesce(bit_or(1::int8 << b.bit) filter (where b.bit < ${WORD_BITS}), 0) as lo,
				coalesce(bit_or(1::int8 << (b.bit - ${WORD_BITS})) filter (where b.bit >= ${WORD_BITS}), 0) as hi
			from (select distinct services from facility) as s
			left join lateral unnest(s.services) as u(code) on true
			left join code_bit b on b.code = u.code
			group by s.services
		)
		insert into facility_search (id, location, filter_lo, filter_hi)
		select f.id, f.location, c.lo, c.hi
		from facility f join code_set c on c.services = f.services
		-- Neighbours on the map are neighbours on disk: a radius reads a few pages.
		order by ST_GeoHash(f.location::geometry, 8), f.id
	`.execute(db);
	await sql`
		insert into facility_search_build (one, codes, total, scope_totals, built_at)
		select true, ${codes}::text[], count(*), ${scopeTotals}, now() from facility_search
		on conflict (one) do update
		set codes = excluded.codes, total = excluded.total, scope_totals = excluded.scope_totals,
			built_at = excluded.built_at
	`.execute(db);
}

/**
 * Whether facility_search was built with today's filter codes and scopes (false before its first
 * build).
 */
async function isCurrent(db: Kysely<DB>): Promise<boolean> {
	const row = await db
		.selectFrom('facility_search_build')
		.select(['codes', 'scope_totals'])
		.executeTakeFirst();
	return (
		row !== undefined &&
		row.codes.length === FILTER_CODES.length &&
		row.codes.every((code, i) => code === FILTER_CODES[i]) &&
		SCOPES.every((s) => typeof row.scope_totals[s.key] === 'number')
	);
}

/**
 * Makes sure facility_search matches facility and today's filter codes, rebuilding it if not (a
 * database imported before the table existed, or by a release with other filters). Cheap when it
 * does: one single-row read.
 */
export async function ensureSearchTable(db: Kysely<DB>): Promise<void> {
	if (await isCurrent(db)) return;
	await db.transaction().execute(async (trx) => {
		// Two servers starting at once: the second waits, then finds the table current.
		await sql`lock table facility_search_build in exclusive mode`.execute(trx);
		if (await isCurrent(trx)) return;
		await rebuildSearchTable(trx);
	});
	await sql`analyze facility_search`.execute(db);
}
