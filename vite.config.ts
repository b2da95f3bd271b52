import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';

/** The face models the kiosk uses (src-renderer/face/faceEngine.ts), from @vladmandic/human's own package. */
export const FACE_MODELS = ['blazeface', 'faceres', 'antispoof', 'liveness'] as const;

/** The WASM backend's binaries (SIMD, and plain for a Chromium without SIMD), from @tensorflow/tfjs-backend-wasm's package. */
export const FACE_WASM = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'] as const;

/** Copies the face models (models/human/) and the WASM backend (models/tfjs-wasm/) into the build, so the screens load them from their own origin. */
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
      for (const file of FACE_WASM) {
        const source = fs.readFileSync(fileURLToPath(new URL(`./node_modules/@tensorflow/tfjs-backend-wasm/dist/${file}`, import.meta.url)));
        this.emitFile({ type: 'asset', fileName: `models/tfjs-wasm/${file}`, source });
      }
    },
  };
}

// A browser page of ours (the renderer; the platform's fleet view in vite.fleet.config.ts)
// is served from its own origin (app:// in Electron, loopback HTTP in the web host, the
// platform under /fleet/): relative base, no inline scripts, no eval — the CSP allows neither.
export function browserPage(folder: string, out: string, plugins: PluginOption[] = []): UserConfig {
  return {
    root: fileURLToPath(new URL(`./${folder}`, import.meta.url)),
    base: './',
    plugins: [react(), ...plugins],
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

export default defineConfig(browserPage('src-renderer', 'renderer', [faceModels()]));
