// 报告核验: a printed report (or slip, or receipt) checked by what its QR carries — the
// seal, verified offline against the report keys this kiosk trusts — or by its number
// typed on the keypad, and then by the registries: this kiosk's own register of what it
// issued, and the platform's (GET /v1/reports/{number}) when it can be reached. What a
// genuine QR cannot prove (that the paper was not altered) the screen says; see
// docs/report-verification.md.
import type { KioskInput } from '../../common/contract/kioskApi';
import type { CitizenMethods } from '../../common/contract/kioskApi';
import type { ReportCheckView } from '../../common/contract/citizenApi';
import { ok, type Result } from '../../common/contract/result';
import { isReportNumber } from '../../common/report/reportNumber';
import { sealedDocumentKind } from '../../common/report/sealedDocumentNames';
import type { Logger } from '../logging/logger';
import type { IssuedReportEntry } from '../report/reportRegistry';
import { decodeQrPayload, keyIdOf, verifySeal, type QrSeal } from '../report/reportSeal';
import type { RegisteredReport } from '../sync/onlineClient';

export interface ReportCheckDeps {
  /** Report public keys (SPKI PEM) whose seals verify offline: this kiosk's own, at least. */
  trustedKeys: () => readonly string[];
  /** This kiosk's register of what it issued. */
  findIssued: (reportNumber: string) => IssuedReportEntry | null;
  /** The platform's registry; absent when no platform is configured. */
  platform?: { report(reportNumber: string): Promise<Result<RegisteredReport>> } | null;
  kioskId: string;
  logger: Logger;
  /** Counts the check in the usage statistics (the audit chain). */
  usage?: (fn: 'report-verified') => void;
}

/** The number's own time (yyyyMMddHHmmss, China time) as ISO 8601. */
function timeOfNumber(n: string): string {
  return `${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}T${n.slice(8, 10)}:${n.slice(10, 12)}:${n.slice(12, 14)}+08:00`;
}

export function createReportCheck(deps: ReportCheckDeps): Pick<CitizenMethods, 'verifyReportCode'> {
  async function check(text: string): Promise<ReportCheckView> {
    const typed = text.trim().toUpperCase();
    let seal: QrSeal | null = null;
    let number: string;
    if (isReportNumber(typed)) number = typed;
    else {
      seal = decodeQrPayload(text.trim());
      if (!seal || !isReportNumber(seal.reportNumber)) return none('not-ours');
      number = seal.reportNumber;
    }

    let sealState: ReportCheckView['seal'] = 'absent';
    if (seal) {
      const key = deps.trustedKeys().find((pem) => keyIdOf(pem) === seal.keyId);
      // A key this kiosk does not hold (another kiosk's) leaves the seal to the platform's registry.
      if (key) sealState = verifySeal(seal, key) ? 'valid' : 'invalid';
    }
    const local = deps.findIssued(number);
    const platform = await askPlatform(number);
    const registered = platform.entry;

    // What the registries hold must be what the QR carries.
    const mismatch =
      seal !== null &&
      ((local !== null && local.contentHash !== seal.contentHash) || (registered?.contentHash !== undefined && registered.contentHash !== seal.contentHash));
    const base = {
      reportNumber: number,
      seal: sealState,
      platform: mismatch && registered ? ('mismatch' as const) : platform.state,
      issuedAt: registered?.issuedAt ?? local?.issuedAt ?? timeOfNumber(number),
      issuedBy: registered?.kioskId ?? (local ? deps.kioskId : null),
      subjectMasked: registered?.subject?.maskedCode ?? null,
      edition: sealedDocumentKind(registered?.edition ?? local?.edition),
      pages: registered?.pages ?? local?.pages ?? null,
    };
    if (sealState === 'invalid' || mismatch) return { ...base, verdict: 'forged' };
    if (sealState === 'valid' || registered || local) return { ...base, verdict: 'genuine' };
    // A seal under a key no one registered is not ours; a typed number nobody here knows cannot be confirmed.
    return { ...base, verdict: seal && platform.state === 'not-registered' ? 'forged' : 'unknown' };
  }

  async function askPlatform(number: string): Promise<{ state: ReportCheckView['platform']; entry: RegisteredReport | null }> {
    if (!deps.platform) return { state: 'not-configured', entry: null };
    const r = await deps.platform.report(number);
    if (r.ok) return { state: 'confirmed', entry: r.value };
    if (r.error.code === 'SUBJECT_NOT_FOUND') return { state: 'not-registered', entry: null };
    deps.logger.warn({ event: 'report-registry-unreachable', code: r.error.code }, 'platform registry not reachable');
    return { state: 'unreachable', entry: null };
  }

  function none(verdict: 'not-ours'): ReportCheckView {
    return { verdict, reportNumber: null, seal: 'absent', platform: 'not-configured', issuedAt: null, issuedBy: null, subjectMasked: null, edition: null, pages: null };
  }

  return {
    verifyReportCode: async ({ text }: KioskInput<'verifyReportCode'>) => {
      const view = await check(text);
      deps.usage?.('report-verified');
      deps.logger.info({ event: 'report-verified', verdict: view.verdict, reportNumber: view.reportNumber, seal: view.seal, platform: view.platform }, 'report checked');
      return ok(view);
    },
  };
}
