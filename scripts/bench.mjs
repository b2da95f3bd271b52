// `npm run bench`: runs each bench/*.bench.ts in its own process (so one's memory and
// JIT state do not colour another's) and lets it print its figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const only = process.argv.slice(2);
const files = fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file)], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
