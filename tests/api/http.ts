import { inject } from 'vitest';

// Real HTTP against the server the global setup started (tests/e2e/global-setup.ts).

export type Params = readonly (readonly [string, string | number])[];

export interface Answer<T = unknown> {
	status: number;
	contentType: string;
	text: string;
	body: T;
}

export function url(path: string, params: Params = []): string {
	const query = new URLSearchParams(params.map(([k, v]) => [k, String(v)])).toString();
	return `${inject('baseURL')}${path}${query ? `?${query}` : ''}`;
}

/** GETs a path; the body is parsed as JSON when it is JSON, and left undefined otherwise. */
export async function get<T = unknown>(path: string, params: Params = []): Promise<Answer<T>> {
	const response = await fetch(url(path, params));
	const text = await response.text();
	const contentType = response.headers.get('content-type') ?? '';
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, contentType, text, body: body as T };
}

/** GETs a path that must answer 200 with JSON. */
export async function getOk<T>(path: string, params: Params = []): Promise<T> {
	const answer = await get<T>(path, params);
	if (answer.status !== 200) {
		throw new Error(`GET ${url(path, params)}: ${answer.status} ${answer.text.slice(0, 500)}`);
	}
	return answer.body;
}
