// Issuing one signed credit commitment: the kind and fields checked, a second identical
// commitment refused while the first stands, then numbered, drawn and sealed like a
// report (one PDF toolkit, the report key), registered, and queued for the platform
// through the kiosk's one outbox — all or nothing: a session that ended while the
// letter was drawn queues nothing.
import type { SealImage } from '../pdf/sealStamp';
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { chosenFields, findKind, type ChosenFields, type CommitmentCatalogue } from '../../common/commitment/commitmentCatalogue';
import { commitmentLetterModel, commitmentValidUntil, type CommitmentSignature } from '../../common/commitment/commitmentLetter';
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import { fail, ok, type Result } from '../../common/contract/result';
import type { Provenance } from '../../common/contract/views';
import type { Subject } from '../../common/domain/subject';
import { canonicalJson } from '../../common/encoding/canonicalJson';
import type { EventPayload } from '../../common/platform/platformEvents';
import { civilTime, makeReportNumber, type RandomBytes } from '../../common/report/reportNumber';
import { eventSubject } from '../outbox/eventSubject';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { PdfFonts } from '../pdf/pdfFonts';
import { reportPaths } from '../report/reportIssuer';
import { ensureReportKey } from '../report/reportKeys';
import { renderReportPdf } from '../report/reportPdf';
import { ReportRegistry } from '../report/reportRegistry';
import type { CommitmentStore } from './commitmentStore';

/** The kiosk's one outbox, as the commitment path uses it. */
export interface CommitmentOutbox {
  enqueue(type: 'commitment', payload: EventPayload<'commitment'>): string;
}

export interface CommitmentIssuerOptions {
  catalogue: CommitmentCatalogue;
  keys: KeyStore;
  /** The report key and the issued-document registry live here (reportPaths). */
  dataDir: string;
  kioskId: string;
  issuer: string;
  verifyUrl?: string;
  /** The issuer's seal image (report.sealImage), stamped like on reports. */
  sealImage?: SealImage | null;
  outbox: CommitmentOutbox;
  store: CommitmentStore;
  now: () => Date;
  randomBytes?: RandomBytes;
  fonts?: PdfFonts;
}

export interface CommitmentRequest {
  kindId: string;
  fields: ChosenFields;
  subject: Subject;
  signerName: string;
  signature: CommitmentSignature;
  channel: 'kiosk' | 'counter';
  provenance: Provenance;
  staffId?: string;
  /** Asked once the letter is drawn, before anything is recorded: false (the card was lifted) drops it. */
  stillWanted?: () => boolean;
  /** What this letter is for (e.g. the penalty of a repair application): printed, and part of its identity. */
  about?: { title: string; fields: { label: string; value: string }[] };
}

export interface IssuedCommitment {
  commitmentNumber: string;
  validUntil: string;
  pdf: Buffer;
  pages: number;
  eventId: string;
}

export async function issueCommitment(options: CommitmentIssuerOptions, request: CommitmentRequest): Promise<Result<IssuedCommitment>> {
  const kind = findKind(options.catalogue, request.kindId);
  if (!kind) return fail('INVALID_INPUT', `未知的承诺类型 / unknown commitment kind: ${request.kindId}`);
  const fields = chosenFields(kind, request.fields);
  if (!fields.ok) return fields;
  const keyer = loadSubjectKeyer(options.keys);
  const subjectKey = keyer.reportSubject(request.subject.code);
  const identity = createHash('sha256').update(canonicalJson({ subjectKey, kind: kind.id, fields: fields.value, ...(request.about && { about: request.about }) })).digest('hex');
  const signedAt = options.now();
  const standing = options.store.standing(identity, civilTime(signedAt).date);
  if (standing) return fail('ALREADY_COMMITTED', `${DEFAULT_ERROR_MESSAGES.ALREADY_COMMITTED}（${standing.commitmentNumber}，有效期至 ${standing.validUntil}）`);

  const commitmentNumber = makeReportNumber(signedAt, options.randomBytes ?? ((n) => nodeRandomBytes(n)));
  const model = commitmentLetterModel({
    catalogue: options.catalogue,
    kind,
    fields: fields.value,
    subject: request.subject,
    signerName: request.signerName,
    signature: request.signature,
    commitmentNumber,
    signedAt,
    issuer: options.issuer,
    kioskId: options.kioskId,
    channel: request.channel,
    provenance: request.provenance,
    ...(options.verifyUrl && { verifyUrl: options.verifyUrl }),
    ...(request.about && { about: request.about }),
  });
  const { keyDir, registryFile } = reportPaths(options.dataDir);
  const key = ensureReportKey(options.keys, keyDir);
  const rendered = await renderReportPdf(model, { signer: key.signer, ...(options.fonts && { fonts: options.fonts }), ...(options.sealImage && { sealImage: options.sealImage }) });
  if (request.stillWanted && !request.stillWanted()) return fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);

  const validUntil = commitmentValidUntil(kind, signedAt);
  const payload: EventPayload<'commitment'> = {
    commitmentNumber,
    kindId: kind.id,
    commitmentType: kind.type,
    catalogueVersion: options.catalogue.version,
    subject: eventSubject(keyer, request.subject),
    acceptingUnit: options.catalogue.acceptingUnit,
    fields: fields.value,
    signedAt: signedAt.toISOString(),
    validUntil,
    signature: request.signature.kind,
    channel: request.channel,
    ...(request.staffId !== undefined && { staffId: request.staffId }),
    contentHash: rendered.contentHash,
  };
  const eventId = options.store.record({ commitmentNumber, identity, signedAt: signedAt.toISOString(), validUntil }, () => options.outbox.enqueue('commitment', payload));
  const registry = new ReportRegistry(registryFile, { keyer });
  try {
    registry.register({ reportNumber: commitmentNumber, subjectKeyHash: subjectKey, issuedAt: signedAt.toISOString(), pages: rendered.pages, edition: 'commitment', kind: model.kind, contentHash: rendered.contentHash, keyId: key.keyId });
  } finally {
    registry.close();
  }
  return ok({ commitmentNumber, validUntil, pdf: rendered.pdf, pages: rendered.pages, eventId });
}
