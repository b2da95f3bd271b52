// `credit-kiosk keygen --out FILE [--type ed25519|sm2]`: a repository signing key
// (run on the platform's offline machine; the kiosk never holds one).
import type { Command } from 'commander';
import path from 'node:path';
import { keyIdOf, publicKeyOf, generateKey } from '../../node/sync/signing';
import { writeKeyFile } from '../../node/sync/keyFile';
import { emit, emitError, EXIT_USAGE } from '../output';

interface KeygenOptions {
  out?: string;
  type: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('keygen')
    .description('生成仓库签名密钥 / generate a repository signing key')
    .option('--out <file>', 'key file to create (never overwritten)')
    .option('--type <type>', 'ed25519 (default) or sm2 (SM2/SM3)', 'ed25519')
    .option('--json', 'print JSON')
    .action((options: KeygenOptions) => {
      if (!options.out || (options.type !== 'ed25519' && options.type !== 'sm2')) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk keygen --out FILE [--type ed25519|sm2]', EXIT_USAGE);
        return;
      }
      try {
        const key = generateKey(options.type);
        writeKeyFile(options.out, key);
        const pub = publicKeyOf(key);
        const result = { file: path.resolve(options.out), keyid: keyIdOf(pub), publicKey: pub };
        emit(options, result, `${result.file}: ${options.type} key ${result.keyid}`);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
