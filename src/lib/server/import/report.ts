import type { ImportResult } from './index';

const SHOWN_REJECTIONS = 20;

const percent = (part: number, whole: number) =>
	whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;

/** The import summary as a few readable lines for the terminal. */
export function formatSummary(summary: ImportResult, backend: string): string {
	const { sourceRows, imported, merged, rejected, precision } = summary;
	const lines = [
		`Imported ${imported} facilities into ${backend} in ${(summary.durationMs / 1000).toFixed(1)} s` +
			` (import_run ${summary.runId}).`,
		`  source rows ${sourceRows} = imported ${imported} + merged duplicates ${merged} + rejected ${rejected}`,
		...summary.files.map(
			(f) =>
				`    ${f.file} (${f.format}): ${f.sourceRows} rows, ${f.imported} imported, ` +
				`${f.merged} merged, ${f.rejected} rejected`
		),
		`  placed by address ${precision.address} (${percent(precision.address, imported)}),` +
			` by ZIP centroid ${precision.zip} (${percent(precision.zip, imported)})`,
		`  location sources: ${entries(summary.byLocationSource)}`,
		`  address matches by rule: ${entries(summary.byMatchRule)}`,
		`  ${summary.farFromZip.count} address points lie over ${summary.farFromZip.thresholdKm} km` +
			` from their ZIP centroid (kept); ${summary.notes.length} rows noted`,
		`  service codes: ${summary.serviceCodes}`
	];
	if (summary.rejections.length > 0) {
		lines.push(`Rejected rows (first ${Math.min(SHOWN_REJECTIONS, rejected)} of ${rejected}):`);
		for (const r of summary.rejections.slice(0, SHOWN_REJECTIONS)) {
			lines.push(`  ${r.file}:${r.line}: ${r.reason}`);
		}
	}
	if (summary.rejections.length > 0 || summary.notes.length > 0) {
		lines.push(
			`Full lists: summary->'rejections' and ->'notes' of import_run ${summary.runId},` +
				' or run with --json.'
		);
	}
	return lines.join('\n');
}

function entries(counts: Record<string, number>): string {
	return Object.entries(counts)
		.map(([key, count]) => `${key} ${count}`)
		.join(', ');
}
