// Starts the built web host (dist/main/web-main.cjs) on loopback with a fresh data
// folder, exactly as `npm run start:browser` does, and hands the test its URL.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface KioskHost {
  url: string;
  dataDir: string;
  printedDir: string;
  stop(): Promise<void>;
}

export async function startKioskHost(config: Record<string, unknown> = {}): Promise<KioskHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  const printedDir = path.join(dataDir, 'printed');
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ printer: { kind: 'file', dir: printedDir }, ...config }));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['dist/main/web-main.cjs', '--data-dir', dataDir], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, CREDIT_KIOSK_DATA_DIR: dataDir },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${stderr}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /KIOSK_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${stderr}`));
    });
  });
  return {
    url,
    dataDir,
    printedDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
