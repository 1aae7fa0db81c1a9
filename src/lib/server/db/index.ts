import { readConfig } from '../config';
import { connect } from './connect';

// The app's one database client. Which backend it talks to is decided here, from DATABASE_URL,
// and nowhere else. A request's query never needs seconds; one that takes QUERY_TIMEOUT_MS (10 s)
// is stuck (or the server is), and failing it as 503 beats holding the request open.
const config = readConfig();
const database = connect({
	databaseUrl: config.DATABASE_URL,
	dataDir: config.DATA_DIR,
	queryTimeoutMs: config.QUERY_TIMEOUT_MS || undefined
});

export const db = database.db;
export const dbKind = database.kind;
export const closeDb = database.close;
