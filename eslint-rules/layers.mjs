// Layering by where code may run (ARCHITECTURE.md, "Rules of the house").
// Each layer names what it may import; anything else is an error. An allow-list,
// after VS Code's code-import-patterns, so a new package must be placed deliberately.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Order matters: the first matching prefix names the layer. */
const LAYERS = [
  ['common', 'src-main/common/'],
  ['node', 'src-main/node/'],
  ['electron-host', 'src-main/hosts/electron/'],
  ['web-host', 'src-main/hosts/web/'],
  ['cli', 'src-main/cli/'],
  ['native', 'native/'],
  ['renderer', 'src-renderer/'],
  // The platform's fleet view: a browser page like the renderer, sharing its components.
  ['fleet', 'src-fleet/'],
];

/** Packages the browser-side layers may use (no Node, no Electron). */
const BROWSER_PACKAGES = ['react', 'react-dom', 'i18next', 'react-i18next', '@fontsource/noto-sans-sc', 'qrcode', '@vladmandic/human'];
/** Packages only the Electron host may use. */
const ELECTRON_ONLY = ['electron'];
/** Packages that never belong in browser code or pure code. */

const RULES = {
  common: { layers: ['common'], builtins: false, packages: ['zod'] },
  node: { layers: ['common', 'node', 'native'], builtins: true, packages: 'any-but-electron' },
  native: { layers: ['common', 'native'], builtins: true, packages: 'any-but-electron' },
  'electron-host': { layers: ['common', 'node', 'native', 'electron-host'], builtins: true, packages: 'any' },
  'web-host': { layers: ['common', 'node', 'native', 'web-host'], builtins: true, packages: 'any-but-electron' },
  cli: { layers: ['common', 'node', 'native', 'cli', 'web-host'], builtins: true, packages: 'any-but-electron' },
  renderer: { layers: ['common', 'renderer'], builtins: false, packages: BROWSER_PACKAGES },
  fleet: { layers: ['common', 'renderer', 'fleet'], builtins: false, packages: BROWSER_PACKAGES },
};

function layerOf(absFile) {
  const rel = path.relative(ROOT, absFile).split(path.sep).join('/');
  for (const [name, prefix] of LAYERS) if (rel.startsWith(prefix)) return name;
  return null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtinModules.includes(packageName(spec));
}

function check(fromLayer, spec, absFrom) {
  const rule = RULES[fromLayer];
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.resolve(path.dirname(absFrom), spec);
    const toLayer = layerOf(target);
    if (toLayer === null || rule.layers.includes(toLayer)) return null;
    return `layer '${fromLayer}' may not import from layer '${toLayer}' (${spec})`;
  }
  if (isBuiltin(spec)) {
    return rule.builtins ? null : `layer '${fromLayer}' may not import the Node built-in '${spec}'`;
  }
  const pkg = packageName(spec);
  if (rule.packages === 'any') return null;
  if (rule.packages === 'any-but-electron') {
    return ELECTRON_ONLY.includes(pkg) ? `only hosts/electron may import '${pkg}'` : null;
  }
  if (rule.packages.includes(pkg) || (pkg.startsWith('@fontsource/') && rule.packages.some((p) => p.startsWith('@fontsource/')))) return null;
  return `layer '${fromLayer}' may not import the package '${pkg}'`;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of ARCHITECTURE.md' },
    schema: [],
    messages: { forbidden: '{{why}}' },
  },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!layer) return {};
    const report = (node, spec) => {
      if (typeof spec !== 'string') return;
      const why = check(layer, spec, file);
      if (why) context.report({ node, messageId: 'forbidden', data: { why } });
    };
    return {
      ImportDeclaration: (node) => report(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && report(node.source, node.source.value),
      ExportAllDeclaration: (node) => report(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && report(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          report(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layers: layersRule } };
