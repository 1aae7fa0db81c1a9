import type { Database } from './connect';

// `npm start` opens the embedded database itself (it must hold it before it migrates, imports and
// serves the operator socket) and hands it to the built app in the same process, which would
// otherwise open a second one: the app's bundle is a separate copy of these modules, so the
// handover goes through a global under a registered symbol rather than a module variable.
const KEY = Symbol.for('mat-locator.database');

type WithDatabase = typeof globalThis & { [KEY]?: Database };

/** For the process that opened the database, before it loads the app. */
export function provideDatabase(database: Database): void {
	(globalThis as WithDatabase)[KEY] = database;
}

/** The database the host process opened, if it did. */
export function providedDatabase(): Database | undefined {
	return (globalThis as WithDatabase)[KEY];
}
