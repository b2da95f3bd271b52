// Linux: systemd-creds seals a secret with the TPM2 where there is one, else with the
// host's credential key under /var/lib/systemd (root only), and binds the secret's
// name into the seal, so a blob renamed to another key does not open.
import { execFileSync } from 'node:child_process';
import type { KeyName } from './keyStore';
import type { SecretProtector } from './protectedKeyStore';

const credentialName = (name: KeyName): string => `credit-kiosk-${name}`;

export function systemdCredsAvailable(command = 'systemd-creds'): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function systemdCredsProtector(command = 'systemd-creds'): SecretProtector {
  const run = (args: string[], input: Buffer): Buffer => execFileSync(command, args, { input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 20 });
  return {
    backend: 'systemd-creds',
    seal: (name, plain) => run(['encrypt', `--name=${credentialName(name)}`, '-', '-'], plain),
    open: (name, sealed) => run(['decrypt', `--name=${credentialName(name)}`, '-', '-'], sealed),
  };
}
