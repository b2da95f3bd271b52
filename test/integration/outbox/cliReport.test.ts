// A report issued with the command line (`credit-kiosk report`) is owed to the platform's
// registry like one printed at the screen: it waits in the kiosk's one outbox, sealed with
// the kiosk's key, its subject masked and keyed — the kiosk's runtime delivers it.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { register as report } from '../../../src-main/cli/commands/report';
import { loadCacheKey } from '../../../src-main/node/cache/cacheKeys';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { modeConfig } from '../../../src-main/node/config/dataFolders';
import { openKeyStore } from '../../../src-main/node/keys/openKeyStore';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { runCliJson } from '../../support/runCli';
import { QINGHE_USCC, removeTempDirs, tempDir } from '../cache/cacheTestFiles';

afterEach(() => removeTempDirs());

describe('credit-kiosk report', () => {
  it('queues the issued report for the platform’s registry in the one outbox', async () => {
    const dir = tempDir('cli-report-outbox-');
    const { out, exit } = await runCliJson([report], ['report', QINGHE_USCC, '--out', path.join(dir, 'r.pdf'), '--json', '--data-dir', dir]);
    expect(exit).toBe(0);
    const { reportNumber, contentHash } = out as { reportNumber: string; contentHash: string };

    const config = modeConfig(loadKioskConfig({ dataDir: dir, env: {} }));
    const outbox = createOutbox({ file: path.join(config.dataDir, 'outbox.sqlite'), key: loadCacheKey(openKeyStore(config)) });
    try {
      const queued = outbox.pendingEvents().filter((e) => e.type === 'report-issued');
      expect(queued).toHaveLength(1);
      expect(queued[0]!.payload).toEqual({
        reportNumber,
        edition: 'standard',
        subject: { kind: 'enterprise', maskedCode: expect.stringMatching(/\*/), key: expect.stringMatching(/^[0-9a-f]+$/) },
        issuedAt: expect.any(String),
        digest: contentHash,
      });
      expect(JSON.stringify(queued)).not.toContain(QINGHE_USCC);
    } finally {
      await outbox.close();
    }
  });
});
