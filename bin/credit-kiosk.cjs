#!/usr/bin/env node
// The `credit-kiosk` command: the bundled CLI (built by `npm run build`).
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('credit-kiosk: 尚未构建，请先运行 npm run build / not built yet: run `npm run build` first\n');
  process.exit(2);
}
require(bundle);
