import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

// A browser page of ours (the renderer; the platform's fleet view in vite.fleet.config.ts)
// is served from its own origin (app:// in Electron, loopback HTTP in the web host, the
// platform under /fleet/): relative base, no inline scripts, no eval — the CSP allows neither.
export function browserPage(folder: string, out: string): UserConfig {
  return {
    root: fileURLToPath(new URL(`./${folder}`, import.meta.url)),
    base: './',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL(`./dist/${out}`, import.meta.url)),
      emptyOutDir: true,
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      target: 'chrome120',
      sourcemap: false,
    },
  };
}

export default defineConfig(browserPage('src-renderer', 'renderer'));
