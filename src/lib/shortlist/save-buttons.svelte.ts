import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { Star } from 'lucide';
import { iconMask } from '$lib/components/icon';
import { escapeHtml as e } from '$lib/html';
import type { ProgramSnapshot } from './schema';
import { shortlist } from './store.svelte';

// A Save button is markup written once (by the server too) and brought up to date in place,
// not a component: a results page has twenty, and as components they were about a fifth of its
// hydration on a phone. In place, a pressed button keeps the keyboard's focus.

const STAR = iconMask(Star);
const STAR_FILLED = iconMask(Star, 'currentColor');

/**
 * A program's Save button, as the server draws it: hidden (its room kept, so nothing moves) until
 * the list is read. Without JavaScript there is nowhere to keep a list, and a button that did
 * nothing would mislead, so it is not shown at all (data-js-only); the shortlist page says why.
 * Styled in app.css (`.save`).
 */
export function saveButtonHtml(program: Pick<ProgramSnapshot, 'id' | 'name'>): string {
	return (
		`<button type="button" class="save pending" aria-pressed="false" data-js-only ` +
		`data-save="${e(program.id)}"><span class="icon" aria-hidden="true" ` +
		`style="--icon: ${e(STAR)}"></span><span class="label" aria-hidden="true">Save</span>` +
		// The name says which program (and which list): "Save: Hector Reyes House to Client B".
		`<span class="visually-hidden">Save: ${e(program.name)}</span>` +
		`<span class="list" aria-hidden="true"></span></button>`
	);
}

function show(button: HTMLElement, program: ProgramSnapshot, list: string | null): void {
	const saved = shortlist.has(program.id);
	// The four spans saveButtonHtml() writes, in its order.
	const [icon, label, name, listed] = button.children as unknown as [
		HTMLElement,
		HTMLElement,
		HTMLElement,
		HTMLElement
	];
	button.classList.toggle('pending', !shortlist.ready);
	button.classList.toggle('saved', saved);
	button.setAttribute('aria-pressed', String(saved));
	icon.style.setProperty('--icon', saved ? STAR_FILLED : STAR);
	label.textContent = saved ? 'Saved' : 'Save';
	const where = list ? ` ${saved ? 'in' : 'to'} ${list}` : '';
	name.textContent = `${saved ? 'Saved' : 'Save'}: ${program.name}${where}`;
	listed.textContent = where.trim();
}

/**
 * Makes the Save buttons (`saveButtonHtml`) inside an element work for these programs: a press
 * saves or removes its program, and each shows whether its program is in the current list.
 */
export function saveButtons(programs: readonly ProgramSnapshot[]): Attachment<HTMLElement> {
	return (root) => {
		// Read only, and made anew with the programs: not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byId = new Map(programs.map((p) => [p.id, p]));
		const onclick = (event: MouseEvent) => {
			const button = (event.target as Element).closest<HTMLElement>('button[data-save]');
			const program = button && root.contains(button) && byId.get(button.dataset.save ?? '');
			if (program && shortlist.ready) shortlist.toggle(program);
		};
		root.addEventListener('click', onclick);

		// After the markup is drawn (a user effect runs after the page's own updates).
		$effect(() => {
			// Which list it goes to, once there is more than one to choose from.
			const list = shortlist.lists.length > 1 ? shortlist.current.name : null;
			for (const button of root.querySelectorAll<HTMLElement>('button[data-save]')) {
				const program = byId.get(button.dataset.save ?? '');
				if (program) show(button, program, list);
			}
		});

		// A saved program seen again brings its entry up to date (a nearer search's distance, the
		// name and phones of an entry migrated from an older list) without touching the person's
		// note. Once per program shown, not on every change to the list: two tabs showing
		// different searches would otherwise keep overwriting each other's distance.
		$effect(() => {
			if (!shortlist.ready) return;
			untrack(() => {
				for (const program of programs) if (shortlist.has(program.id)) shortlist.refresh(program);
			});
		});

		return () => root.removeEventListener('click', onclick);
	};
}
