// For markup drawn as one string ({@html}): hydration adopts the server's nodes in one step, where
// a component or {#each} block per item costs effects and attribute writes on each of them.
const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text made safe for an element's content or a quoted attribute value. */
export const escapeHtml = (text: string | number) =>
	String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
