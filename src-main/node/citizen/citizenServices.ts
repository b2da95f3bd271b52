// The citizen services of issue 18 wired from the config: objections and the report
// check. The runtime builds them in one line; their stores close with the kiosk.
import path from 'node:path';
import type { CitizenMethods } from '../../common/contract/kioskApi';
import type { KioskConfig } from '../config/kioskConfig';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { CitizenAccess } from './citizenAccess';
import type { Logger } from '../logging/logger';
import { issuerSeal, reportPaths } from '../report/reportIssuer';
import { ensureReportKey } from '../report/reportKeys';
import { ReportRegistry } from '../report/reportRegistry';
import type { OnlineClient } from '../sync/onlineClient';
import type { EventSink } from '../outbox/outbox';
import { createObjectionService } from './objectionService';
import { ObjectionStore } from './objectionStore';
import { platformSealKey } from './phoneSeal';
import { createReportCheck } from './reportCheck';

export interface CitizenServicesDeps {
  config: KioskConfig;
  keys: KeyStore;
  resourcesDir: string;
  access: CitizenAccess;
  outbox: EventSink;
  online: OnlineClient | null;
  logger: Logger;
  /** Counts objections filed and reports checked in the usage statistics. */
  usage?: (fn: 'report-verified' | 'objection-submitted') => void;
  now?: () => Date;
}

export function createCitizenServices(deps: CitizenServicesDeps): { methods: CitizenMethods; close(): void } {
  const { config, keys } = deps;
  const keyer = loadSubjectKeyer(keys);
  const store = new ObjectionStore(path.join(config.dataDir, 'objections.sqlite'));
  // The phone is sealed to the platform's key; a demo kiosk uses the demo platform's, production needs its own.
  const phoneKey = platformSealKey(config, deps.resourcesDir);
  if (!phoneKey) deps.logger.warn({ event: 'objection-not-configured' }, 'no platform key for the objection phone (config objection.phoneKeyFile): objections are refused');
  const objection = createObjectionService({
    access: deps.access,
    config: config.objection,
    store,
    keyer,
    outbox: deps.outbox,
    phoneKey,
    keys,
    dataDir: config.dataDir,
    issuer: config.issuer,
    kioskId: config.kioskId,
    verifyUrl: config.report.verifyUrl,
    sealImage: issuerSeal(config, deps.resourcesDir),
    timeZone: config.timeZone,
    logger: deps.logger,
    ...(deps.usage && { usage: deps.usage }),
    ...(deps.now && { now: deps.now }),
  });
  const { keyDir, registryFile } = reportPaths(config.dataDir);
  const check = createReportCheck({
    trustedKeys: () => [ensureReportKey(keys, keyDir).publicKeyPem],
    findIssued: (n) => {
      const registry = new ReportRegistry(registryFile, { keyer });
      try {
        return registry.find(n);
      } finally {
        registry.close();
      }
    },
    platform: deps.online,
    kioskId: config.kioskId,
    logger: deps.logger,
    ...(deps.usage && { usage: deps.usage }),
  });
  return { methods: { ...objection, ...check }, close: () => store.close() };
}
