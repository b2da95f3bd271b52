// Bundles the main-side entry points (hosts, preload, CLI, workers) into dist/main
// as CommonJS. Packages stay external: they ship in node_modules (native addons,
// data files), and electron-builder packs the production dependencies.
import { build } from 'esbuild';
import fs from 'node:fs';

const entries = {
  'electron-main': 'src-main/hosts/electron/main.ts',
  preload: 'src-main/hosts/electron/preload.ts',
  'web-main': 'src-main/hosts/web/main.ts',
  cli: 'src-main/cli/main.ts',
};
// Worker entry points, bundled when present (each runs in its own thread).
for (const [name, file] of Object.entries({ 'cache-worker': 'src-main/node/cache/cacheWorker.ts', 'sync-apply-worker': 'src-main/node/sync/syncApplyWorkerEntry.ts', 'publish-staging-worker': 'src-main/node/sync/stagingWorkerEntry.ts' })) {
  if (fs.existsSync(file)) entries[name] = file;
}

await build({
  entryPoints: entries,
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'process.env.CREDIT_KIOSK_BUNDLED': '"1"' },
});
console.log(`built ${Object.keys(entries).length} main-side bundles into dist/main`);
