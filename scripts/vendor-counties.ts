// Writes src/lib/map/data/counties/, the offline basemap's county lines: one TopoJSON per state
// cut from us-atlas's counties-10m (see that folder's SOURCE.md), and index.json, each state's
// box. Run again after updating us-atlas: `npm run vendor:counties`. The unit test
// (src/lib/map/counties.test.ts) checks the files against the package, so they cannot drift.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { countiesByState } from '../src/lib/map/counties-source';

const require = createRequire(import.meta.url);
const { files, index } = countiesByState(require('us-atlas/counties-10m.json') as Topology);
const dir = new URL('../src/lib/map/data/counties/', import.meta.url);
await mkdir(dir, { recursive: true });
for (const name of await readdir(dir)) if (name.endsWith('.json')) await rm(new URL(name, dir));
for (const [state, file] of files)
	await writeFile(new URL(`${state}.json`, dir), JSON.stringify(file));
await writeFile(new URL('index.json', dir), JSON.stringify(index, null, '\t') + '\n');
console.log(`county lines of ${files.size} states written to ${dir.pathname}`);
