// The sync service: scheduled pulls, folder imports, status with the freshness
// policy, progress and result events. One run at a time; after an applied package
// the kiosk's cache is reopened so lookups see the new version (until then they
// keep the old one). Only getSyncStatus is a KioskApi method: a pull or an import
// on request is a privileged action, reached only through the admin console's
// adminAction, which authorises the staff token (one door, one check).
import fs from 'node:fs';
import path from 'node:path';
import { fail, ok, type Result } from '../../common/contract/result';
import type { KioskInput } from '../../common/contract/kioskApi';
import type { SyncRunView, SyncStatusView } from '../../common/contract/syncApi';
import { assessFreshness, staleNotice } from '../../common/sync/freshness';
import { SyncRefusal } from '../../common/sync/trustRules';
import type { KioskConfig } from '../config/kioskConfig';
import type { EventHub } from '../kiosk/eventHub';
import type { Logger } from '../logging/logger';
import { folderSource } from './folderSource';
import { httpSource } from './httpSource';
import type { PlatformClient } from '../platformClient/platformClient';
import type { RepoSource } from './repoSource';
import { runSyncCycle, type SyncCycleOptions } from './syncClient';
import { readSyncMarks } from './syncMarks';

export interface SyncServiceDeps {
  config: KioskConfig;
  dataDir: string;
  cacheFile: string;
  cacheKey: Buffer;
  hub: EventHub;
  logger: Logger;
  /** The trusted root (bytes of root.json), read when a sync runs: a refusal (none, or the demo root in production) refuses that sync, not the kiosk's start. */
  trustedRoot: () => Buffer;
  now?: () => Date;
  /** Reopens the kiosk's cache after a new version was applied. */
  reopenCache: () => Promise<void>;
  /** The kiosk's one platform client (pinned CA, deadlines, breaker); default: one made from the config. */
  client?: PlatformClient | null;
  /** Runs an apply in a low-priority child process (see applyInWorker); default in-thread. */
  apply?: SyncCycleOptions['apply'];
  /** Fleet configuration, checked from the same source after each run (fleetConfigSync). */
  fleetConfig?: { check(source: RepoSource, now: Date): Promise<unknown> };
}

export interface SyncMethods {
  getSyncStatus(input: KioskInput<'getSyncStatus'>): Promise<Result<SyncStatusView>>;
}

/** What the admin service calls once it has authorised the staff member; never exposed to screens. */
export interface SyncActions {
  /** A pull from the platform now. */
  pullNow(): Promise<Result<SyncRunView>>;
  /** An import from a folder (USB media) under one of the configured import roots. */
  importFolder(folder: string): Promise<Result<SyncRunView>>;
}

export function createSyncService(deps: SyncServiceDeps): SyncMethods & SyncActions & { start(): void; close(): Promise<void> } {
  const now = deps.now ?? (() => new Date());
  const sync = deps.config.sync;
  const staging = path.join(deps.dataDir, 'sync-staging');
  let running = false;
  let lastRun: SyncRunView | null = null;
  let timer: NodeJS.Timeout | undefined;

  const readText = (file: string | undefined): string | undefined => (file ? fs.readFileSync(path.resolve(deps.dataDir, file), 'utf8').trim() : undefined);

  async function run(kind: 'http' | 'folder', source: () => RepoSource): Promise<SyncRunView> {
    if (running) return view(kind, 'refused', new SyncRefusal('SYNC_BUSY'));
    running = true;
    deps.hub.emit({ type: 'sync-progress', phase: 'metadata', done: 0, total: 1 });
    const src = source();
    try {
      const result = await runSyncCycle({
        source: src,
        cacheFile: deps.cacheFile,
        cacheKey: deps.cacheKey,
        shippedRoot: deps.trustedRoot(),
        stagingDir: staging,
        now: now(),
        onProgress: (phase, done, total) => deps.hub.emit({ type: 'sync-progress', phase, done, total }),
        ...(deps.apply && { apply: deps.apply }),
      });
      if (result.outcome === 'applied') await deps.reopenCache();
      const message =
        result.outcome === 'applied'
          ? `已更新到第 ${result.version} 版数据 / updated to data version ${result.version}`
          : result.outcome === 'refreshed'
            ? '数据已是最新，时间戳已刷新 / data current; timestamp refreshed'
            : '数据已是最新 / data already current';
      lastRun = {
        ok: true,
        outcome: result.outcome,
        message,
        version: result.version,
        at: now().toISOString(),
        source: kind,
        ...(result.outcome === 'applied' && { kind: result.apply.kind, subjects: result.apply.subjects, records: result.apply.records, tombstones: result.apply.tombstones }),
      };
      deps.logger.info({ sync: { outcome: result.outcome, version: result.version, source: kind } }, 'sync finished');
    } catch (err) {
      const refusal = err instanceof SyncRefusal ? err : new SyncRefusal('SYNC_APPLY_FAILED', (err as Error).message);
      const outcome = refusal.code === 'SYNC_DOWNLOAD_FAILED' || refusal.code === 'SYNC_APPLY_FAILED' ? 'failed' : 'refused';
      lastRun = view(kind, outcome, refusal);
      deps.logger.warn({ sync: { code: refusal.code, source: kind } }, refusal.message);
    } finally {
      // Whatever became of the data, the fleet configuration is checked (a refusal is acknowledged).
      await deps.fleetConfig?.check(src, now()).catch((err: unknown) => deps.logger.warn({ event: 'fleet-config-failed', err }, 'fleet configuration check failed'));
      running = false;
    }
    deps.hub.emit({ type: 'sync-result', ok: lastRun.ok, dataVersion: lastRun.version ?? 0, message: lastRun.message });
    return lastRun;
  }

  function view(kind: 'http' | 'folder', outcome: 'refused' | 'failed', refusal: SyncRefusal): SyncRunView {
    return { ok: false, outcome, code: refusal.code, message: refusal.message, version: readSyncMarks(deps.cacheFile).dataVersion, at: now().toISOString(), source: kind };
  }

  function pull(): Promise<SyncRunView> {
    if (!sync?.platformUrl) return Promise.resolve(view('http', 'refused', new SyncRefusal('SYNC_NOT_CONFIGURED')));
    return run('http', () =>
      deps.client ? httpSource({ client: deps.client }) : httpSource({ url: new URL('repo/', sync.platformUrl!.endsWith('/') ? sync.platformUrl! : `${sync.platformUrl!}/`).toString(), ca: readText(sync.caFile) }),
    );
  }

  return {
    async getSyncStatus() {
      const marks = readSyncMarks(deps.cacheFile);
      const fresh = assessFreshness({ dataAsOf: marks.dataAsOf, timestampExpires: marks.timestampExpires, maxDataAgeHours: deps.config.freshness.maxDataAgeHours, now: now() });
      return ok({
        version: marks.dataVersion,
        dataAsOf: marks.dataAsOf,
        timestampExpires: marks.timestampExpires,
        stale: fresh.stale,
        staleReason: fresh.reason,
        ageHours: fresh.ageHours,
        notice: fresh.stale ? staleNotice(marks.dataAsOf) : '',
        running,
        platformConfigured: Boolean(sync?.platformUrl),
        lastRun,
      });
    },
    async pullNow() {
      return ok(await pull());
    },
    async importFolder(folder) {
      const dir = path.resolve(folder);
      const roots = (sync?.importRoots ?? []).map((r) => path.resolve(r));
      if (!roots.some((r) => dir === r || dir.startsWith(r + path.sep))) {
        return fail('INVALID_INPUT', '只能从允许的移动介质目录导入 / import only from the configured removable-media folders');
      }
      return ok(await run('folder', () => folderSource(dir)));
    },
    start() {
      const minutes = sync?.intervalMinutes ?? 0;
      if (!sync?.platformUrl || minutes === 0 || timer) return;
      const tick = (): void => {
        void pull();
      };
      timer = setInterval(tick, minutes * 60_000);
      timer.unref();
      setTimeout(tick, 5_000).unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

