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

// Since Electron 42, require('electron') downloads a missing binary on the spot; look for an
// installed one without fetching anything (`npx install-electron` installs it).
function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const exe = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const bin = path.join(dir, 'dist', exe);
    return fs.existsSync(bin) ? bin : null;
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
    // Chromium gets the single-use launch URL: its command line is readable by every local process.
    const launch = /KIOSK_LAUNCH_URL=(\S+)/.exec(buffered);
    if (!match || !launch) return;
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
      url: launch[1],
      profile,
      fullscreen: process.env.CREDIT_KIOSK_FULLSCREEN === '1',
      uid: process.getuid?.(),
      sudoUid: process.env.SUDO_UID,
      sudoGid: process.env.SUDO_GID,
    });
    if (runAs) fs.chownSync(profile, runAs.uid, runAs.gid);
    console.log('kiosk: web host started; opening Chromium in app mode (set CREDIT_KIOSK_FULLSCREEN=1 for kiosk mode)');
    const browser = spawn(chromium, args, { stdio: 'ignore', ...(runAs && { uid: runAs.uid, gid: runAs.gid, env: { ...process.env, HOME: profile } }) });
    // The profile holds the session's cache and storage: it goes with the browser.
    const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true });
    process.on('exit', removeProfile);
    browser.on('exit', () => {
      removeProfile();
      host.kill('SIGTERM');
    });
  });
  host.on('exit', (code) => process.exit(code ?? 0));
  process.on('SIGINT', () => host.kill('SIGTERM'));
}

if (mode === 'electron') {
  const bin = electronBinary();
  if (bin) startElectron(bin);
  else {
    console.log('未安装 Electron 运行文件（无法下载时属正常），改用浏览器模式启动同一信息亭。');
    console.log('The Electron binary is not installed (normal where it cannot be downloaded; `npx install-electron` fetches it); starting the same kiosk through the web host.');
    startBrowser();
  }
} else {
  startBrowser();
}
