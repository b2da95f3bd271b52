// The head every sealed document shares with the report — format, kind, edition,
// number, times, issuer, provenance — for the documents other than a report that are
// drawn and sealed the same way (the counter's check slip, the objection receipt).
import type { Provenance } from '../contract/views';
import { REPORT_FORMAT, type ReportKind, type ReportModel, type SealedEdition } from './reportModel';
import { civilTime } from './reportNumber';
import { REPORT_TEXTS as T } from './reportTexts';

export interface SealedDocumentHead {
  kind: ReportKind;
  edition: Exclude<SealedEdition, 'standard' | 'no-violation'>;
  title: string;
  subtitle: string;
  number: string;
  /** ISO 8601: when it was made (its number is made from it). */
  at: string;
  issuer: string;
  kioskId: string;
  provenance: Provenance;
  /** How the provenance sentence names the document (本核查单, 本回执). */
  noun: string;
}

type HeadFields = 'format' | 'kind' | 'edition' | 'title' | 'subtitle' | 'reportNumber' | 'generatedAt' | 'issuedAt' | 'issuer' | 'kioskId' | 'dataCutoff' | 'provenance' | 'provenanceText';

export function sealedDocumentHead(d: SealedDocumentHead): Pick<ReportModel, HeadFields> {
  const p = d.provenance;
  return {
    format: REPORT_FORMAT,
    kind: d.kind,
    edition: d.edition,
    title: d.title,
    subtitle: d.subtitle,
    reportNumber: d.number,
    generatedAt: civilTime(new Date(d.at)).display,
    issuedAt: new Date(d.at).toISOString(),
    issuer: d.issuer,
    kioskId: d.kioskId,
    dataCutoff: p.source === 'cache' ? p.dataAsOf : p.askedAt,
    provenance: p,
    provenanceText: (p.source === 'cache' ? T.provenanceCache(p.dataAsOf, p.dataVersion) : T.provenanceOnline(p.askedAt)).replace('本报告', d.noun),
  };
}
