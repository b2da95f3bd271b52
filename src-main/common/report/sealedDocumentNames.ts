// What each sealed document is called, zh-CN and English: the one table the report check
// screen and `verify-report` both name documents from. Report editions are all "the report".
import type { SealedEdition } from './reportModel';

export const SEALED_DOCUMENT_NAMES = {
  report: { zh: '公共信用信息报告', en: 'Public credit information report' },
  'check-slip': { zh: '信用核查单', en: 'Credit check slip' },
  'objection-receipt': { zh: '异议申请回执', en: 'Objection receipt' },
  commitment: { zh: '信用承诺书', en: 'Credit commitment' },
} as const;

export type SealedDocumentKind = keyof typeof SEALED_DOCUMENT_NAMES;

/** The kind of an edition as sealed or registered (standard, no-violation → report); null when unknown. */
export function sealedDocumentKind(edition: string | null | undefined): SealedDocumentKind | null {
  if (edition === 'standard' || edition === 'no-violation') return 'report';
  return edition === 'check-slip' || edition === 'objection-receipt' || edition === 'commitment' ? edition : null;
}

/** Both sides, e.g. for a terminal: "信用核查单 / Credit check slip". */
export function sealedDocumentName(kind: SealedDocumentKind): string {
  return `${SEALED_DOCUMENT_NAMES[kind].zh} / ${SEALED_DOCUMENT_NAMES[kind].en}`;
}

// Every sealed edition has its kind (a new edition must be named here).
const _covered: Record<SealedEdition, SealedDocumentKind> = { standard: 'report', 'no-violation': 'report', 'check-slip': 'check-slip', 'objection-receipt': 'objection-receipt', commitment: 'commitment' };
void _covered;
