import { readConfig } from '../config';
import { connect } from './connect';

// The app's one database client. Which backend it talks to is decided here, from DATABASE_URL,
// and nowhere else.
const config = readConfig();
const database = connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });

export const db = database.db;
export const dbKind = database.kind;
export const closeDb = database.close;
