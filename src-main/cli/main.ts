// `credit-kiosk`: operators' and scripts' door to the same services the screens use.
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE } from './output';
import { register as audit } from './commands/audit';
import { register as cacheCheck } from './commands/cacheCheck';
import { register as decodeFrame } from './commands/decodeFrame';
import { register as genData } from './commands/genData';
import { register as genDemo } from './commands/genDemo';
import { register as keygen } from './commands/keygen';
import { register as platform } from './commands/platform';
import { register as publish } from './commands/publish';
import { register as query } from './commands/query';
import { register as print } from './commands/print';
import { register as readers } from './commands/readers';
import { register as report } from './commands/report';
import { register as search } from './commands/search';
import { register as staff } from './commands/staff';
import { register as subjectKey } from './commands/subjectKey';
import { register as stats } from './commands/stats';
import { register as sync } from './commands/sync';
import { register as validate } from './commands/validate';
import { register as verifyReport } from './commands/verifyReport';

const program = new Command()
  .name('credit-kiosk')
  .description('信用查询一体机命令行 / credit kiosk command line')
  .version(process.env.npm_package_version ?? '0.1.0')
  .showHelpAfterError()
  .exitOverride();

for (const register of [validate, decodeFrame, readers, query, search, cacheCheck, genData, report, verifyReport, print, audit, stats, staff, subjectKey, keygen, publish, sync, platform, genDemo]) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // --help and --version end here with code 0; usage mistakes with 2.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
    return;
  }
  process.stderr.write(`credit-kiosk: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
