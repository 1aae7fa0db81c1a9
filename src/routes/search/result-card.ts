import { Navigation, Phone } from 'lucide';
import { iconHtml } from '$lib/components/icon';
import { medicationsHtml } from '$lib/components/medication-list';
import { directionsHref } from '$lib/directions';
import type { DisplayName } from '$lib/display-name';
import { formatNumber } from '$lib/format';
import { escapeHtml as e } from '$lib/html';
import { telHref } from '$lib/phone';
import type { ResultItem } from '$lib/server/search';

/**
 * What a result card says about its program, as markup for {@html} (styled in ResultItem.svelte):
 * the results page's twenty cards were about a third of its hydration as components, and none of
 * this changes while the card is shown (a new search draws new cards).
 */
export function resultCardHtml(item: ResultItem, named: DisplayName, beyond: boolean): string {
	// The program's address carries nothing of the search: no place, no point. Relative to the
	// search page, as the server writes links (kit.paths.relative), so that hydration finds the
	// same string the server drew.
	const href = `./facilities/${encodeURIComponent(item.id)}`;
	const title = `<h3><a href="${e(href)}">${e(named.title)}</a></h3>`;
	const subtitle = named.subtitle ? `<p class="name2">${e(named.subtitle)}</p>` : '';
	const distance =
		item.distanceMiles === null
			? ''
			: `<span class="distance">${formatNumber(item.distanceMiles, 1)} mi</span> ` +
				(beyond ? '<span class="outside">beyond your radius</span> ' : '') +
				'<span aria-hidden="true">·</span> ';
	const approx =
		item.precision === 'zip'
			? ' <span class="approx">Approximate location (ZIP center)</span>'
			: '';
	const where = `<p class="where">${distance}${e(item.city)}, ${e(item.state)}${approx}</p>`;
	const call = item.phone ? telHref(item.phone) : null;
	// One tap each: the first things a person on a phone does with a program. A number without
	// 10 digits to dial is shown as text.
	const phone = call
		? `<a class="call" href="${e(call)}" data-testid="call">${iconHtml(Phone, 16)} Call ` +
			`<span class="number">${e(item.phone ?? '')}</span></a> `
		: item.phone
			? `<span class="number">${e(item.phone)}</span> `
			: '';
	// Another site, opened only when clicked.
	const directions =
		`<a class="directions" href="${e(directionsHref(item))}" rel="external noopener noreferrer">` +
		`${iconHtml(Navigation, 16)} Directions<span class="visually-hidden">&nbsp;to ` +
		`${e(named.title)} (opens OpenStreetMap)</span></a>`;
	const why =
		item.matched.length > 0
			? `<p class="why" data-testid="why"><span class="why-label">Why it matched:</span> ` +
				`${e(item.matched.map((m) => m.label).join(', '))}</p>`
			: '';
	return (
		title +
		subtitle +
		where +
		`<p class="act">${phone}${directions}</p>` +
		medicationsHtml(item.medications, item.medication) +
		why
	);
}
