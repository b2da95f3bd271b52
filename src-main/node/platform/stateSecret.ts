// A platform secret kept in its state folder: 32 random bytes as hex in a file of the
// platform's account alone (0600), made on first use. Made whole or not at all (written
// aside, then linked into place), so a crash or a second process starting at the same
// moment never leaves an empty file or two different keys.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile, PRIVATE_FILE_MODE } from '../store/privateFile';

/** The 32-byte secret in `stateDir/name`; `invalid` makes the error for a file that holds none. */
export function loadStateSecret(stateDir: string, name: string, invalid: (file: string) => Error): Buffer {
  const file = path.join(stateDir, name);
  if (!fs.existsSync(file)) {
    const aside = `${file}.${crypto.randomBytes(6).toString('hex')}.new`;
    createPrivateFile(aside);
    try {
      fs.writeFileSync(aside, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: PRIVATE_FILE_MODE });
      fs.linkSync(aside, file);
    } catch (err) {
      // Another process made it first: theirs is the key.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(aside, { force: true });
    }
  }
  const text = fs.readFileSync(file, 'latin1').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw invalid(file);
  return Buffer.from(text, 'hex');
}
