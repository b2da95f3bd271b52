// Composition root: builds the services from the config and exposes them as one
// KioskApi. Both hosts (Electron, web) start the kiosk here; nothing else wires.
// The mode decides everything demo: only a demo config builds the demo cache, seeds
// the demo accounts and offers the demo reader panel, all inside the demo's own
// folder; a production start first removes what a demo left (audited), and with no
// data yet it starts all the same, for an operator to import the first package.
import fs from 'node:fs';
import path from 'node:path';
import type { KioskApi } from '../../common/contract/kioskApi';
import type { DemoCardView, KioskInfo } from '../../common/contract/views';
import type { IdCard } from '../../common/domain/idCard';
import type { CardReader } from '../../../native/reader/cardReader';
import { createSimulatedReader } from '../../../native/reader/simulator/createSimulatedReader';
import { createDemoPhotoDecoder, type DemoPhoto } from '../../../native/reader/simulator/demoPhotoDecoder';
import { createUsbCardReader } from '../../../native/reader/usbCardReader';
import { ensureDemoCache, resolveCacheLocation } from '../cache/cacheLocation';
import { loadCacheKey } from '../cache/cacheKeys';
import { readDemoCards } from '../cache/demoData';
import { openCacheOrNoData } from '../cache/noDataCache';
import { createReopenableCache } from '../cache/reopenableCache';
import { modeConfig } from '../config/dataFolders';
import type { KioskConfig } from '../config/kioskConfig';
import { disclosurePolicyOf } from '../config/creditRules';
import type { ChildLauncher } from '../process/childLauncher';
import { findResourcesDir } from '../config/resourcesDir';
import { createKioskService, type DemoCards } from '../kiosk/kioskService';
import { loadCommitmentCatalogue } from '../commitment/commitmentCatalogueFile';
import { createCommitmentService } from '../commitment/commitmentService';
import { CommitmentStore } from '../commitment/commitmentStore';
import { openKioskKeyStore, type KeyStoreHost } from '../keys/openKeyStore';
import { createLogger, type Logger } from '../logging/logger';
import { createPrinter } from '../printing/createPrinter';
import { PrintQuotaStore } from '../printing/printQuota';
import { createReportIssuer, issuerSeal } from '../report/reportIssuer';
import { EventHub } from '../kiosk/eventHub';
import { createStaffService } from '../staff/staffService';
import { createAdminService } from '../admin/adminService';
import { applyInWorker, bundledApplyWorker } from '../sync/applyWorker';
import { createSyncService } from '../sync/syncService';
import { startOutboxDuties } from '../outbox/outboxDuties';
import { onlineClientFromConfig, outboxFromConfig, platformClientFromConfig } from '../sync/syncWiring';
import { loadTrustedRoot } from '../sync/trustedRoot';
import { createCitizenServices } from '../citizen/citizenServices';
import { createRepairRoom } from '../repair/repairRoom';
import { appliedFleetSettings, createFleetConfigSync, FLEET_CONFIG_STATE_FILE } from '../sync/fleetConfigSync';
import { removeDemoArtefacts } from './demoArtefacts';
import { applyLiveSettings, applyStoredFleetSettings } from './liveSettings';
import { createVendorPhotoDecoder } from '../face/vendorPhotoDecoder';
import { resolveFacePolicy } from '../../common/face/facePolicy';
import { FACE_AUDIT_ACTION } from '../../common/face/faceDecision';
import { createSetupRuntime } from './setupRuntime';

export interface KioskRuntime {
  api: KioskApi;
  config: KioskConfig;
  /** A face step is open: the Electron host grants the camera only then. */
  cameraAllowed?(): boolean;
  /** Ends any session, stops devices, closes the cache. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: KioskConfig;
  /** Folder holding demo data, reader profiles, report config; found next to the bundle by default. */
  resourcesDir?: string;
  logger?: Logger;
  now?: () => Date;
  /** What the host offers the KeyStore (the Electron host: its safeStorage). */
  keyStoreHost?: KeyStoreHost;
  /** Starts the sync apply child: child_process.fork by default; the Electron host passes its utilityProcess launcher. */
  launchChild?: ChildLauncher;
}

const APP_VERSION = '0.1.0';

export async function createKioskRuntime(options: RuntimeOptions): Promise<KioskRuntime> {
  if (options.config.unconfigured) return createSetupRuntime(options.config, APP_VERSION);
  const demoMode = options.config.mode === 'demo';
  // Every file this mode makes lives in its folder (config/dataFolders.ts).
  const config = modeConfig(options.config);
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const resourcesDir = options.resourcesDir ?? findResourcesDir();
  // Before anything is opened: production never finds a demo account, key or subject.
  const demoRemoved = demoMode ? null : removeDemoArtefacts({ dataDir: config.dataDir, resourcesDir });
  const logger = options.logger ?? createLogger({
      logDir: path.join(config.dataDir, 'logs'),
      retention: { maxBytes: config.retention.logMaxBytes, maxFiles: config.retention.logMaxFiles, maxAgeDays: config.retention.logMaxAgeDays },
    });

  // Fleet configuration applied before, kept across restarts; later ones arrive with each sync.
  const fleetConfigFile = path.join(config.dataDir, FLEET_CONFIG_STATE_FILE);
  applyStoredFleetSettings(config, fleetConfigFile, logger);

  const keys = await openKioskKeyStore(config, options.keyStoreHost);
  const cacheKey = loadCacheKey(keys);
  const configured = resolveCacheLocation({ dataDir: config.dataDir });
  const location = demoMode
    ? ensureDemoCache({ dataDir: config.dataDir, demoDir: path.join(resourcesDir, 'demo'), key: cacheKey, now: now() })
    : { ...configured, key: cacheKey };
  // A full city cache is large: check the header at start and the whole file in the
  // background (a corrupt file then says so and offers re-sync). No file yet: the
  // kiosk starts with no data and the first import opens the file.
  const cache = await createReopenableCache(() => openCacheOrNoData({ file: location.file, key: location.key, integrity: demoMode ? 'quick' : 'header' }));
  const hub = new EventHub();

  const { reader, demo } = await createReader(config, resourcesDir);
  const printer = createPrinter(config.printer, { dataDir: config.dataDir, printedFileDays: config.retention.printedFileDays });
  const quota = new PrintQuotaStore(path.join(config.dataDir, 'print-quota.sqlite'), config.printQuotaPerDay);
  // One client for all HTTP to the platform; one outbox for all it is owed (stored even with no platform yet).
  const platform = platformClientFromConfig(config);
  const outbox = outboxFromConfig(config, cacheKey, platform, now);
  const reports = createReportIssuer({ config, keys, resourcesDir, outbox });
  if (!demoMode && !config.report.sealImage) logger.warn({ event: 'no-seal-image' }, '未配置出具机构电子印章图片（report.sealImage），报告不带印章图片 / no issuer seal image configured: reports carry none');
  void reports.warmUp().catch((err: unknown) => logger.warn({ event: 'report-warm-up-failed', err }, 'report warm-up failed'));

  const disclosurePolicy = disclosurePolicyOf(config);
  const staff = await createStaffService({
    cache,
    disclosurePolicy,
    hub,
    logger,
    dataDir: config.dataDir,
    keys,
    resourcesDir,
    kioskId: config.kioskId,
    reader,
    demo: demoMode,
    maxDataAgeHours: config.freshness.maxDataAgeHours,
    deliveredOutboxDays: config.retention.deliveredOutboxDays,
    outbox,
    adminIdleSeconds: config.adminConsole.idleSeconds,
    timeZone: config.timeZone,
    now,
  });

  const online = onlineClientFromConfig(config, platform);
  const facePolicy = resolveFacePolicy(config.faceCheck, config.mode);
  // One object: fleet configuration changes it live (liveSettings).
  const info: KioskInfo = {
    kioskId: config.kioskId,
    appVersion: APP_VERSION,
    mode: config.mode,
    station: config.station,
    idleSeconds: config.session.idleSeconds,
    countdownSeconds: config.session.countdownSeconds,
    issuer: config.issuer,
    voiceVolume: config.voice.enabled ? config.voice.volume : 0,
    timeZone: config.timeZone,
    adminIdleSeconds: config.adminConsole.idleSeconds,
    faceCheck: Object.values(facePolicy.required).some(Boolean),
    faceEngine: facePolicy.engine,
  };
  const service = createKioskService({
    info,
    cache,
    online: online,
    reader,
    readerSimulated: config.reader.kind === 'simulated',
    printer,
    issueReport: reports.issue,
    previewReport: reports.preview,
    quota,
    demo,
    logger,
    hub,
    usage: (fn, subject) => staff.recordUsage(fn, subject),
    disclosurePolicy,
    facePolicy,
    // Only the outcome and its band are counted: no person, no score, no image.
    faceOutcome: ({ fn, outcome, band }) => staff.auditAction('', FACE_AUDIT_ACTION, outcome, { fn, band }),
    maxSessionMs: config.session.maxSessionSeconds * 1000,
    maxDataAgeHours: config.freshness.maxDataAgeHours,
    now,
  });
  const citizen = createCitizenServices({ config, keys, resourcesDir, access: service.citizen, outbox, online, logger, usage: (fn) => staff.recordUsage(fn), now });
  const commitmentStore = new CommitmentStore(path.join(config.dataDir, 'commitments.sqlite'));
  const trustedRoot = (): Buffer => loadTrustedRoot(config.sync?.trustedRootFile, options.config.dataDir, { production: !demoMode, resourcesDir });
  const sync = createSyncService({
    config,
    dataDir: config.dataDir,
    cacheFile: location.file,
    cacheKey: location.key,
    hub,
    logger,
    trustedRoot,
    reopenCache: () => cache.reopen(),
    client: platform,
    fleetConfig: createFleetConfigSync({
      stateFile: fleetConfigFile,
      shippedRoot: trustedRoot,
      cacheFile: location.file,
      apply: (settings) => applyLiveSettings({ config, info, quota, counter: staff }, settings),
      outbox,
      logger,
    }),
    now,
    // Applying a package runs in its own thread when bundled, so lookups keep answering.
    ...(bundledApplyWorker() && { apply: applyInWorker(bundledApplyWorker()!, options.launchChild) }),
  });
  const admin = createAdminService({ kiosk: service, staff, sync, hub, importRoots: config.sync?.importRoots ?? [], outbox: () => outbox.status(), now });
  const letters = {
    catalogue: loadCommitmentCatalogue(resourcesDir),
    keys,
    dataDir: config.dataDir,
    kioskId: config.kioskId,
    issuer: config.issuer,
    ...(config.report.verifyUrl && { verifyUrl: config.report.verifyUrl }),
    sealImage: issuerSeal(config, resourcesDir),
    outbox,
    store: commitmentStore,
    now,
  };
  const commitments = createCommitmentService({
    issuer: letters,
    kiosk: service,
    counter: staff,
    logger,
  });
  // 信用修复申请: the letter through the same issuer, the pages through the one platform client.
  const repair = createRepairRoom({
    config,
    keys,
    cacheKey,
    resourcesDir,
    access: service.citizen,
    letters,
    outbox,
    platform,
    audit: (action, detail) => staff.auditAction('', action, 'ok', detail),
    staffOf: async (token) => {
      const s = await staff.staffSession({ token });
      return s.ok ? s.value.staffNo : null;
    },
    counter: staff,
    logger,
    retryMs: Math.max(60_000, config.outbox.heartbeatMinutes * 60_000),
    now,
  });
  const { cameraAllowed: repairCameraAllowed, staffSignedOut, ...repairMethods } = repair.room;
  // A staff member signed out (by hand or idle) no longer holds the counter's document camera.
  hub.subscribe((event) => {
    if (event.type === 'staff-signed-out') staffSignedOut(event.staffNo);
  });
  const api: KioskApi = { ...service, ...sync, ...staff, ...admin, ...citizen.methods, ...commitments, ...repairMethods, subscribe: (listener, onOpen) => hub.subscribe(listener, onOpen) };

  if (demoRemoved && demoRemoved.removed.length > 0) {
    staff.auditAction('system', 'demo-artefacts-removed', 'ok', { removed: demoRemoved.removed, legacy: demoRemoved.legacy });
    logger.warn({ event: 'demo-artefacts-removed', removed: demoRemoved.removed, legacy: demoRemoved.legacy }, 'production start removed what the demo left');
  }
  await reader.start();
  sync.start();
  outbox.start();
  const duties = startOutboxDuties({
    outbox,
    anchorAudit: () => staff.anchorAudit(),
    enqueueUsageDays: () => staff.enqueueUsageDays(),
    state: async () => {
      const status = await service.getStatus({});
      return { appVersion: APP_VERSION, status: status.ok ? status.value : null, configVersion: appliedFleetSettings(fleetConfigFile)?.version ?? null };
    },
    heartbeatMs: config.outbox.heartbeatMinutes * 60_000,
    anchorMs: config.outbox.anchorMinutes * 60_000,
    logger,
  });
  logger.info({ event: 'kiosk-started', kioskId: config.kioskId, mode: config.mode, reader: config.reader.kind, printer: config.printer.kind }, 'kiosk started');

  return {
    api,
    config,
    // The face step's camera, or the repair journey's document camera (高拍仪) while its step is open.
    cameraAllowed: () => service.cameraAllowed() || repairCameraAllowed(),
    close: async () => {
      duties.stop();
      await sync.close();
      await service.close();
      // Sessions end on close: the last head is anchored before the staff file closes.
      staff.anchorAudit();
      await staff.close();
      citizen.close();
      repair.close();
      await outbox.close();
      await platform?.close();
      commitmentStore.close();
      quota.close();
      reports.close();
      logger.info({ event: 'kiosk-stopped' }, 'kiosk stopped');
      logger.flush();
    },
  };
}

async function createReader(config: KioskConfig, resourcesDir: string): Promise<{ reader: CardReader; demo: DemoCards | null }> {
  if (config.reader.kind === 'hardware') {
    const { reader } = await createUsbCardReader({
      ...(config.reader.profilesFile !== undefined && { profilesPath: config.reader.profilesFile }),
      ...(config.reader.preferred !== undefined && { preferred: config.reader.preferred }),
      announceRemoval: config.reader.announceRemoval,
      ...(config.reader.photoDecoder && { photoDecoder: createVendorPhotoDecoder(config.reader.photoDecoder) }),
    });
    return { reader, demo: null };
  }
  // The simulated reader speaks the real SAM frames behind a real transport profile.
  const cards = config.mode === 'demo' ? readDemoCards(path.join(resourcesDir, 'demo')) : [];
  const { reader, device } = createSimulatedReader({
    profile: config.reader.profile,
    name: '模拟读卡器 / simulated reader',
    // The demo cards' photos, standing in for the vendor's WLT decoder (docs/readers.md).
    ...(config.mode === 'demo' && { photoDecoder: createDemoPhotoDecoder(demoPhotos(path.join(resourcesDir, 'demo', 'photos'), cards)) }),
    ...(config.reader.photoDecoder && { photoDecoder: createVendorPhotoDecoder(config.reader.photoDecoder) }),
  });
  if (config.mode !== 'demo') return { reader, demo: null };
  const demo: DemoCards = {
    list: (): DemoCardView[] => cards.map((c) => ({ id: c.id, label: c.label, cardType: c.type })),
    get: (id: string): IdCard | null => {
      const found = cards.find((c) => c.id === id);
      if (!found) return null;
      const { id: _id, label: _label, ...card } = found;
      return card;
    },
    place: (card) => device.placeCard(card),
    remove: () => device.removeCard(),
    setConnected: (connected) => (connected ? device.plug() : device.unplug()),
    // SW3 41 (card read failed) on every read, as a damaged or badly placed card gives.
    setReadFault: (fault) => (fault === 'none' ? device.clearFaults() : device.injectFault({ type: 'status', sw3: 0x41 }, { on: 'read', times: 10_000 })),
  };
  return { reader, demo };
}

/** resources/demo/photos/<card id>.jpg, where one ships (made by scripts/make-demo-photos.mjs). */
function demoPhotos(dir: string, cards: ReadonlyArray<{ id: string; idNumber: string }>): DemoPhoto[] {
  return cards.flatMap((card) => {
    const file = path.join(dir, `${card.id}.jpg`);
    return fs.existsSync(file) ? [{ idNumber: card.idNumber, jpeg: fs.readFileSync(file) }] : [];
  });
}
