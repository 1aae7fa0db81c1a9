import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					// Each file opens its own database; PGlite is CPU-bound WASM and the
					// machine has two cores, so files run one at a time.
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 300_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'api',
					include: ['tests/api/**/*.test.ts'],
					environment: 'node',
					// One built server, started like e2e's (PGlite, or E2E_DATABASE_URL), serves
					// every file; its database is a single connection on PGlite.
					fileParallelism: false,
					testTimeout: 300_000,
					hookTimeout: 300_000,
					globalSetup: ['tests/e2e/global-setup.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'faults',
					include: ['tests/faults/**/*.test.ts'],
					environment: 'node',
					// The built server on E2E_DATABASE_URL, a throwaway PostgreSQL cluster that the
					// tests stop and start (scripts/test/with-postgres.sh); never the embedded one.
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 300_000,
					globalSetup: ['tests/e2e/global-setup.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'embedded',
					include: ['tests/embedded/**/*.test.ts'],
					environment: 'node',
					// The built server on its own embedded database, with the operator's commands
					// run against it while it serves (scripts/start.ts, db/operator-socket.ts).
					fileParallelism: false,
					testTimeout: 900_000,
					hookTimeout: 600_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 300_000,
					globalSetup: ['tests/e2e/global-setup.ts']
				}
			}
		]
	}
});
