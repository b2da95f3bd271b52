// `npm start` (Electron) and `npm run start:browser` (web host + Chromium app/kiosk mode).
// Where the Electron binary is missing (it cannot always be downloaded), `npm start`
// says so and starts the very same kiosk through the web host instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunch } from './chromiumLaunch.mjs';

const require = createRequire(import.meta.url);
const mode = process.argv[2] ?? 'electron';
const extra = process.argv.slice(3);

function electronBinary() {
  try {
    const bin = require('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'].filter(Boolean);
  for (const c of candidates) {
    if (path.isAbsolute(c)) {
      if (fs.existsSync(c)) return c;
      continue;
    }
    const found = spawnSync(process.platform === 'win32' ? 'where' : 'which', [c], { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.split(/\r?\n/)[0];
  }
  return null;
}

function startElectron(bin) {
  const child = spawn(bin, ['.', ...extra], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startBrowser() {
  const host = spawn(process.execPath, ['dist/main/web-main.cjs', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  host.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    const match = /KIOSK_URL=(\S+)/.exec(buffered);
    if (!match) return;
    host.stdout.removeAllListeners('data');
    host.stdout.pipe(process.stdout);
    const url = match[1];
    const chromium = findChromium();
    if (!chromium) {
      console.log(`未找到 Chromium，请在浏览器中打开 / Chromium not found; open this address in a browser:\n  ${url}`);
      return;
    }
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-kiosk-chromium-'));
    const { args, runAs } = chromiumLaunch({
      url,
      profile,
      fullscreen: process.env.CREDIT_KIOSK_FULLSCREEN === '1',
      uid: process.getuid?.(),
      sudoUid: process.env.SUDO_UID,
      sudoGid: process.env.SUDO_GID,
    });
    if (runAs) fs.chownSync(profile, runAs.uid, runAs.gid);
    console.log('kiosk: web host started; opening Chromium in app mode (set CREDIT_KIOSK_FULLSCREEN=1 for kiosk mode)');
    const browser = spawn(chromium, args, { stdio: 'ignore', ...(runAs && { uid: runAs.uid, gid: runAs.gid, env: { ...process.env, HOME: profile } }) });
    browser.on('exit', () => host.kill('SIGTERM'));
  });
  host.on('exit', (code) => process.exit(code ?? 0));
  process.on('SIGINT', () => host.kill('SIGTERM'));
}

if (mode === 'electron') {
  const bin = electronBinary();
  if (bin) startElectron(bin);
  else {
    console.log('未安装 Electron 运行文件（无法下载时属正常），改用浏览器模式启动同一信息亭。');
    console.log('The Electron binary is not installed (normal where it cannot be downloaded); starting the same kiosk through the web host.');
    startBrowser();
  }
} else {
  startBrowser();
}
