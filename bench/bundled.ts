// A worker entry bundled the way scripts/build-main.mjs ships it, for the benches: under
// the TypeScript loader a worker's or child's figures would include the loader's overhead.
import { buildSync } from 'esbuild';
import path from 'node:path';

export function bundledEntry(entry: string, name: string): string {
  const outfile = path.resolve('dist/bench', `${name}.cjs`);
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}
