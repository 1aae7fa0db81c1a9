import type { Handle } from '@sveltejs/kit';
import { clientKey } from './client-key';
import { asClient } from './db/index';

/** Runs each request as its client's, so the database gate (db/fair-gate.ts) serves clients in turn. */
export const perClientTurns: Handle = ({ event, resolve }) =>
	asClient(
		clientKey(() => event.getClientAddress()),
		() => resolve(event)
	);
