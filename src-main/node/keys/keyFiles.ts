// Where each secret lives in the plain file store: the names the kiosk has always
// used in its data folder, so a development folder (and an upgraded kiosk, before its
// keys are moved under OS protection) keeps its keys.
import fs from 'node:fs';
import path from 'node:path';
import type { KeyName } from './keyStore';

const FILES: Record<KeyName, string> = {
  cache: 'cache.key',
  'report-signing': path.join('report-keys', 'report-signing-key.pem'),
  subject: 'staff-subject.key',
  'pin-pepper': 'staff-pin-pepper.key',
};

/** What the plain file store keeps at the top of a data folder (a file, or the folder holding one). */
export const PLAIN_KEY_ENTRIES: readonly string[] = [...new Set(Object.values(FILES).map((file) => file.split(path.sep)[0]!))];

export function plainKeyFile(dataDir: string, name: KeyName): string {
  return path.join(dataDir, FILES[name]);
}

/**
 * Writes a secret file 0600 (folder 0700) whole under a temporary name, then links it
 * into place: a crash cannot leave a torn key, and of two processes the first one's wins.
 * Returns the bytes now in place.
 */
export function writeSecretOnce(file: string, bytes: Buffer): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return fs.readFileSync(file);
}
