import { MEDICATIONS, type Medication } from '$lib/filters';
import { escapeHtml } from '$lib/html';
import type { MedicationSummary } from '$lib/medication';

/**
 * A program's medications as markup for {@html} (styled in app.css), so that a list
 * of twenty results hydrates without an {#each} and three {#if} blocks per program.
 */
export function medicationsHtml(
	medications: readonly Medication[],
	/** What the codes say about each one (where known: a saved shortlist entry has no summary). */
	summary?: MedicationSummary,
	/** Also name the medications the program does not list. */
	showMissing = false
): string {
	const offered = MEDICATIONS.filter((m) => medications.includes(m.value));
	const missing = MEDICATIONS.filter((m) => !medications.includes(m.value));
	const lines = summary?.lines ?? offered.map((m) => m.label);
	const list =
		offered.length === 0
			? '<span>none listed</span>'
			: `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
	const notListed =
		showMissing && offered.length > 0 && missing.length > 0
			? ` <span class="missing">Not listed: ${escapeHtml(missing.map((m) => m.label.toLowerCase()).join(', '))}</span>`
			: '';
	return (
		`<div class="med-list"><span class="heading">Medications:</span> ${list}${notListed}</div>` +
		(summary?.elsewhere
			? '<p class="med-elsewhere">Accepts clients on medication prescribed elsewhere</p>'
			: '') +
		(summary?.contradiction
			? `<p class="med-contradiction" data-testid="contradiction">${escapeHtml(summary.contradiction)}</p>`
			: '')
	);
}
