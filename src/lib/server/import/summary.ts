import { FAR_FROM_ZIP_KM } from './place';
import type { Loaded } from './sources';
import type { FileSummary, ImportSummary, PlacedFacility, Rejection } from './types';

/** Counts what happened to every source row, per file, as the import goes. */
export class Tally {
	private readonly files = new Map<string, FileSummary>();
	private readonly rejections: Rejection[] = [];
	private readonly notes: Rejection[] = [];
	private readonly far: Rejection[] = [];
	private readonly precision = { address: 0, zip: 0 };
	private readonly byLocationSource: Record<string, number> = {};
	private readonly byMatchRule: Record<string, number> = {};
	private readonly coordinateLists: ImportSummary['coordinateLists'];

	constructor(loaded: Loaded) {
		for (const { file, format, rows } of loaded.facilities) {
			if (this.files.has(file)) throw new Error(`${file} is listed twice as a facility source`);
			this.files.set(file, {
				file,
				format,
				sourceRows: rows.length,
				imported: 0,
				merged: 0,
				rejected: 0
			});
		}
		this.coordinateLists = loaded.coordinates.map(({ file, rows }) => {
			const usable = rows.flatMap(({ result }) => ('ok' in result ? [result.ok] : []));
			return {
				file,
				list: usable[0]?.list ?? '',
				rows: rows.length,
				usable: usable.length,
				skipped: rows.length - usable.length
			};
		});
	}

	reject(rejection: Rejection): void {
		this.rejections.push(rejection);
		this.file(rejection.file).rejected++;
	}

	merge(file: string): void {
		this.file(file).merged++;
	}

	imported(f: PlacedFacility): void {
		this.file(f.file).imported++;
		this.precision[f.precision]++;
		increment(this.byLocationSource, f.locationSource);
		if (f.rule) increment(this.byMatchRule, f.rule);
		const { file, line } = f;
		// A caveat worth reading, e.g. the row's own coordinates were unusable.
		if (f.note) this.notes.push({ file, line, reason: `${f.note}; placed at ${f.locationSource}` });
		if (f.precision === 'address' && f.kmFromZip !== null && f.kmFromZip > FAR_FROM_ZIP_KM) {
			this.far.push({ file, line, reason: `${Math.round(f.kmFromZip)} km from ZIP centroid` });
		}
	}

	summary(serviceCodes: number): Omit<ImportSummary, 'durationMs'> {
		const files = [...this.files.values()];
		for (const f of files) {
			if (f.imported + f.merged + f.rejected !== f.sourceRows) {
				throw new Error(`Import miscounted ${f.file}: ${JSON.stringify(f)}`);
			}
		}
		const sum = (key: 'sourceRows' | 'imported' | 'merged' | 'rejected') =>
			files.reduce((total, f) => total + f[key], 0);
		return {
			sourceRows: sum('sourceRows'),
			imported: sum('imported'),
			merged: sum('merged'),
			rejected: sum('rejected'),
			rejections: this.rejections,
			precision: { ...this.precision },
			byLocationSource: sortedByCount(this.byLocationSource),
			byMatchRule: sortedByCount(this.byMatchRule),
			farFromZip: { thresholdKm: FAR_FROM_ZIP_KM, count: this.far.length, facilities: this.far },
			notes: this.notes,
			files,
			coordinateLists: this.coordinateLists,
			serviceCodes
		};
	}

	private file(name: string): FileSummary {
		const found = this.files.get(name);
		if (!found) throw new Error(`${name} is not a facility source of this import`);
		return found;
	}
}

function increment(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

function sortedByCount(counts: Record<string, number>): Record<string, number> {
	return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
}
