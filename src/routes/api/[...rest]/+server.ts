import { apiError } from '$lib/server/http';
import type { RequestHandler } from './$types';

// Anything under /api that no endpoint serves is a JSON 404, not the HTML error page.
export const fallback: RequestHandler = ({ url }) =>
	apiError(404, `no API endpoint at ${url.pathname.slice(0, 100)}; see /api/openapi.json`, 'path');
