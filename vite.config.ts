import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The face models the kiosk uses (src-renderer/face/faceEngine.ts), from @vladmandic/human's own package. */
export const FACE_MODELS = ['blazeface', 'faceres', 'antispoof', 'liveness'] as const;

/** Copies the face models into the build (models/human/), so the screens load them from their own origin. */
function faceModels(): Plugin {
  return {
    name: 'face-models',
    generateBundle() {
      for (const model of FACE_MODELS) {
        for (const ext of ['json', 'bin']) {
          const source = fs.readFileSync(fileURLToPath(new URL(`./node_modules/@vladmandic/human/models/${model}.${ext}`, import.meta.url)));
          this.emitFile({ type: 'asset', fileName: `models/human/${model}.${ext}`, source });
        }
      }
    },
  };
}

// The renderer is served from our own origin (app:// in Electron, loopback HTTP in
// the web host): relative base, no inline scripts, no eval — the CSP allows neither.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react(), faceModels()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: false,
  },
});
