import { mount, unmount } from 'svelte';
import { snapshotOf, type ProgramLike } from '$lib/shortlist/snapshot';
import SaveButton from './SaveButton.svelte';

/**
 * The save control in DOM that Svelte does not render, such as a MapLibre popup:
 *
 *     const el = document.createElement('div');
 *     const destroy = mountSaveButton(el, program); // a search result or /api/facilities/{id}
 *     popup.setDOMContent(el).on('close', destroy);
 *
 * It shares this tab's shortlist, so the header count and other buttons follow it.
 */
export function mountSaveButton(
	target: Element,
	program: ProgramLike,
	from: string | null = null
): () => void {
	const component = mount(SaveButton, { target, props: { program: snapshotOf(program, from) } });
	return () => void unmount(component);
}
