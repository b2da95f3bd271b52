// `credit-kiosk subject-key new --out FILE` and `subject-key install --from FILE`: one
// subject key for a whole fleet. The platform matches what kiosks send (commitments name
// their subject only by a keyed hash) under one key (`platform export --subject-key`), so
// every kiosk of a city must hold that key before its first start. A kiosk that already
// holds another key keeps it: its keyed hashes (audit, statistics, report registry) were
// made under it, and replacing it would silently break them.
import type { Command } from 'commander';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { modeConfig } from '../../node/config/dataFolders';
import { openKeyStore } from '../../node/keys/openKeyStore';
import { readSubjectKeyFile } from '../../node/keys/subjectKeyer';
import { createPrivateFile, PRIVATE_FILE_MODE } from '../../node/store/privateFile';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_USAGE } from '../output';

interface Options {
  out?: string;
  from?: string;
  dataDir?: string;
  json?: boolean;
}

/** A short, non-secret name of a key, to compare two machines' keys by eye. */
const fingerprint = (hex: string): string => crypto.createHash('sha256').update(`credit-kiosk-subject-key:${hex}`).digest('hex').slice(0, 16);

export function register(program: Command): void {
  const cmd = program.command('subject-key').description('全市统一的主体密钥 / the fleet-wide subject key');

  cmd
    .command('new')
    .description('生成主体密钥文件（不覆盖）/ make a subject key file (never overwritten)')
    .option('--out <file>', 'key file to create (0600)')
    .option('--json', 'print JSON')
    .action((options: Options) => {
      if (!options.out) return emitError(options, 'USAGE', '用法 / usage: credit-kiosk subject-key new --out FILE', EXIT_USAGE);
      try {
        if (fs.existsSync(options.out)) throw Object.assign(new Error(`文件已存在 / the file exists: ${path.resolve(options.out)}`), { code: 'INVALID_INPUT' });
        const hex = crypto.randomBytes(32).toString('hex');
        createPrivateFile(options.out);
        fs.writeFileSync(options.out, `${hex}\n`, { mode: PRIVATE_FILE_MODE });
        emit(options, { file: path.resolve(options.out), fingerprint: fingerprint(hex) }, `${path.resolve(options.out)}: 主体密钥 / subject key ${fingerprint(hex)}`);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });

  cmd
    .command('install')
    .description('把全市主体密钥装入本机（须在首次启动前）/ give this kiosk the fleet subject key (before its first start)')
    .option('--from <file>', 'the fleet subject key file')
    .option('--data-dir <dir>', 'kiosk data folder')
    .option('--json', 'print JSON')
    .action((options: Options) => {
      if (!options.from) return emitError(options, 'USAGE', '用法 / usage: credit-kiosk subject-key install --from FILE [--data-dir DIR]', EXIT_USAGE);
      try {
        const wanted = readSubjectKeyFile(options.from);
        // The kiosk's own KeyStore (config `keys`): takes the key only where none is held yet.
        const keys = openKeyStore(modeConfig(cliConfig(options.dataDir)));
        const held = keys.ensure('subject', () => Buffer.from(`${wanted}\n`)).toString('latin1').trim().toLowerCase();
        if (held !== wanted) {
          emitError(
            options,
            'SUBJECT_KEY_DIFFERS',
            `本机已有另一主体密钥（${fingerprint(held)}），不予替换：其审计、统计与报告登记的主体摘要均由它生成 / this kiosk already holds another subject key (${fingerprint(held)}); it is not replaced, as its audit, statistics and report registry are keyed under it`,
          );
          return;
        }
        emit(options, { installed: true, fingerprint: fingerprint(held), store: keys.backend }, `主体密钥 / subject key ${fingerprint(held)} (${keys.backend})`);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
