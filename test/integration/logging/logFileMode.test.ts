// The kiosk's log file is its account's alone, like its stores and keys.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/node/logging/logger';
import { removeTempDirs, tempDir } from '../cache/cacheTestFiles';

afterEach(removeTempDirs);

describe('the log file', () => {
  it('is created 0600 in a 0700 folder', async () => {
    const logDir = path.join(tempDir('logs-'), 'logs');
    const logger = createLogger({ logDir });
    logger.info({ event: 'test' }, 'hello');
    const file = path.join(logDir, 'kiosk.log');
    await expect.poll(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('hello')).toBe(true);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect((fs.statSync(logDir).mode & 0o777).toString(8)).toBe('700');
    logger.flush();
  });
});
