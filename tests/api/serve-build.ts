// The built app behind scripts/serve/http.ts, as `npm start` serves it, without its database
// steps (migrate, import): for tests of how requests are taken (proxy settings, the form check)
// that must start a server of their own with other settings and never reach the database.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/test/server';
// Imported before the handler: proxy.ts settles the settings adapter-node reads as it loads.
import { createAppServer } from '../../scripts/serve/http';

const { handler } = await import(pathToFileURL(path.join(root, 'build', 'handler.js')).href);
createAppServer(handler).listen(Number(process.env.PORT), '127.0.0.1', () => {
	console.log('listening');
});
process.once('SIGTERM', () => process.exit(0));
