import { expect, test } from 'vitest';
import { getOk } from './http';

// npm test runs this project twice, once per backend (API_EXPECT_DATABASE): make sure each run
// really is served by the backend it claims, with the whole national directory imported.
test('the server answers from the expected backend with the national directory', async () => {
	const health = await getOk<{ status: string; database: string; facilities: number }>('/healthz');
	expect(health.status).toBe('ok');
	expect(health.database).toBe(process.env.API_EXPECT_DATABASE ?? health.database);
	expect(health.facilities).toBeGreaterThan(12_000);
});
