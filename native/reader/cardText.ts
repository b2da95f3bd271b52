// The 256-byte card text (UTF-16LE, space padded) of the four card kinds, decoded
// into IdCard and encoded back (the simulator and tests build cards with it).
// Byte 248 holds the kind: ' ' resident, 'J' HMT residence permit, 'I' foreign
// permanent resident 2017, 'Y' foreign permanent resident 2023.
import { checkResidentId } from '../../src-main/common/codes/residentId';
import type { CardType, IdCard } from '../../src-main/common/domain/idCard';
import { nationCode as nationCodeOf, nationName } from './nationCodes';
import { CARD_TEXT_LENGTH } from './readPayload';
import { sexCode as sexCodeOf, sexName } from './sexCodes';

/** [byte offset, byte length] */
type Span = readonly [number, number];

const TYPE_MARKER: Span = [248, 2];

const RESIDENT = {
  name: [0, 30],
  sex: [30, 2],
  nation: [32, 4],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuer: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  passNumber: [220, 18], // 'J' only
  issueCount: [238, 4], // 'J' only
} as const satisfies Record<string, Span>;

const FOREIGN_2017 = {
  nameEn: [0, 120],
  sex: [120, 2],
  idNumber: [122, 30],
  nationality: [152, 6],
  name: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  birthDate: [220, 16],
  cardVersion: [236, 4],
  issuer: [240, 8], // acceptance authority code
} as const satisfies Record<string, Span>;

const FOREIGN_2023 = {
  name: [0, 30],
  sex: [30, 2],
  renewalCount: [32, 4],
  birthDate: [36, 16],
  nameEn1: [52, 70],
  idNumber: [122, 36],
  validFrom: [188, 16],
  validTo: [204, 16],
  nameEn2: [220, 22],
  nationality: [242, 6],
} as const satisfies Record<string, Span>;

export const CARD_TYPE_MARKERS: Record<CardType, string> = {
  resident: ' ',
  'hmt-residence-permit': 'J',
  'foreign-permanent-2017': 'I',
  'foreign-permanent-2023': 'Y',
};

export type CardTextError = { code: 'CARD_UNSUPPORTED' | 'FRAME_PAYLOAD'; message: string };
export type CardTextResult = { ok: true; card: IdCard } | { ok: false; error: CardTextError };

const utf16 = new TextDecoder('utf-16le');

/** Fields are padded with spaces; some readers pad with NULs instead. */
function trimPadding(text: string): string {
  let start = 0;
  let end = text.length;
  const pad = (c: string | undefined): boolean => c === '\u0000' || (c !== undefined && /\s/.test(c));
  while (start < end && pad(text[start])) start++;
  while (end > start && pad(text[end - 1])) end--;
  return text.slice(start, end);
}

function field(text: Uint8Array, [offset, length]: Span): string {
  return trimPadding(utf16.decode(text.subarray(offset, offset + length)));
}

/** YYYYMMDD → YYYY-MM-DD; 长期 stays 长期; anything else is kept as read rather than guessed at. */
export function formatCardDate(raw: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : raw;
}

/** The card kind from the marker at byte 248, or undefined for a kind we do not know. */
export function cardTypeOf(text: Uint8Array): CardType | undefined {
  const marker = text[TYPE_MARKER[0]] ?? -1;
  const high = text[TYPE_MARKER[0] + 1] ?? -1;
  if (high !== 0) return undefined;
  // Some readers hand back zeros instead of spaces in the reserved area of older resident cards.
  if (marker === 0x20 || marker === 0x00) return 'resident';
  for (const [type, m] of Object.entries(CARD_TYPE_MARKERS) as [CardType, string][]) if (m.charCodeAt(0) === marker) return type;
  return undefined;
}

export function decodeCardText(text: Uint8Array): CardTextResult {
  if (text.length !== CARD_TEXT_LENGTH) {
    return { ok: false, error: { code: 'FRAME_PAYLOAD', message: `card text is ${text.length} bytes, expected ${CARD_TEXT_LENGTH}` } };
  }
  const type = cardTypeOf(text);
  if (!type) {
    const b = (text[248]! | (text[249]! << 8)).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, error: { code: 'CARD_UNSUPPORTED', message: `unknown card type marker U+${b} at byte 248` } };
  }
  switch (type) {
    case 'resident':
    case 'hmt-residence-permit':
      return { ok: true, card: decodeResidentLayout(text, type) };
    case 'foreign-permanent-2017':
      return { ok: true, card: decodeForeign2017(text) };
    case 'foreign-permanent-2023':
      return { ok: true, card: decodeForeign2023(text) };
  }
}

function decodeResidentLayout(text: Uint8Array, type: 'resident' | 'hmt-residence-permit'): IdCard {
  const f = (span: Span): string => field(text, span);
  const sexCode = f(RESIDENT.sex);
  const nationCode = f(RESIDENT.nation);
  const idNumber = f(RESIDENT.idNumber).toUpperCase();
  const card: IdCard = {
    type,
    name: f(RESIDENT.name),
    sex: sexName(sexCode),
    sexCode,
    birthDate: formatCardDate(f(RESIDENT.birthDate)),
    address: f(RESIDENT.address),
    idNumber,
    idNumberValid: checkResidentId(idNumber).valid,
    issuer: f(RESIDENT.issuer),
    validFrom: formatCardDate(f(RESIDENT.validFrom)),
    validTo: formatCardDate(f(RESIDENT.validTo)),
  };
  // HMT permits leave the nation field empty; keep the field absent rather than blank.
  if (nationCode) {
    card.nationCode = nationCode;
    const nation = nationName(nationCode);
    if (nation) card.nation = nation;
  }
  if (type === 'hmt-residence-permit') {
    card.passNumber = f(RESIDENT.passNumber);
    card.issueCount = f(RESIDENT.issueCount);
  }
  return card;
}

function decodeForeign2017(text: Uint8Array): IdCard {
  const f = (span: Span): string => field(text, span);
  const sexCode = f(FOREIGN_2017.sex);
  const idNumber = f(FOREIGN_2017.idNumber).toUpperCase();
  return {
    type: 'foreign-permanent-2017',
    name: f(FOREIGN_2017.name),
    nameEn: f(FOREIGN_2017.nameEn),
    sex: sexName(sexCode),
    sexCode,
    birthDate: formatCardDate(f(FOREIGN_2017.birthDate)),
    idNumber,
    // The 15-character permit number's check rule is not public: only its shape is checked.
    idNumberValid: /^[A-Z]{3}\d{12}$/.test(idNumber),
    issuer: f(FOREIGN_2017.issuer),
    validFrom: formatCardDate(f(FOREIGN_2017.validFrom)),
    validTo: formatCardDate(f(FOREIGN_2017.validTo)),
    nationality: f(FOREIGN_2017.nationality),
    cardVersion: f(FOREIGN_2017.cardVersion),
  };
}

function decodeForeign2023(text: Uint8Array): IdCard {
  const f = (span: Span): string => field(text, span);
  const raw = (span: Span): string => utf16.decode(text.subarray(span[0], span[0] + span[1]));
  const sexCode = f(FOREIGN_2023.sex);
  const idNumber = f(FOREIGN_2023.idNumber).toUpperCase();
  // The English name runs on from part 1 into part 2 without a separator; join, then trim.
  const nameEn = trimPadding(raw(FOREIGN_2023.nameEn1) + raw(FOREIGN_2023.nameEn2));
  return {
    type: 'foreign-permanent-2023',
    name: f(FOREIGN_2023.name),
    nameEn,
    sex: sexName(sexCode),
    sexCode,
    birthDate: formatCardDate(f(FOREIGN_2023.birthDate)),
    // The 2023 number follows GB 11643's layout and check character.
    idNumber,
    idNumberValid: checkResidentId(idNumber).valid,
    validFrom: formatCardDate(f(FOREIGN_2023.validFrom)),
    validTo: formatCardDate(f(FOREIGN_2023.validTo)),
    nationality: f(FOREIGN_2023.nationality),
    renewalCount: f(FOREIGN_2023.renewalCount),
  };
}

// ---- encoder -------------------------------------------------------------

function put(out: Uint8Array, [offset, length]: Span, value: string | undefined, what: string): void {
  if (value === undefined || value === '') return;
  const bytes = Buffer.from(value, 'utf16le');
  if (bytes.length > length) throw new RangeError(`${what} "${value}" needs ${bytes.length} bytes; the card field holds ${length}`);
  out.set(bytes, offset);
}

/** YYYY-MM-DD → YYYYMMDD; 长期 and anything else unchanged. */
export function cardDateText(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replaceAll('-', '') : date;
}

function sexCodeFor(card: IdCard): string {
  return card.sexCode || sexCodeOf(card.sex) || '0';
}

/**
 * Lays an IdCard out as the 256-byte text a SAM returns. Throws RangeError when a
 * field does not fit its place on the card (the caller built an impossible card).
 */
export function encodeCardText(card: IdCard): Uint8Array {
  const out = new Uint8Array(CARD_TEXT_LENGTH);
  for (let i = 0; i < out.length; i += 2) out[i] = 0x20; // space padding, UTF-16LE
  switch (card.type) {
    case 'resident':
    case 'hmt-residence-permit': {
      const L = RESIDENT;
      put(out, L.name, card.name, 'name');
      put(out, L.sex, sexCodeFor(card), 'sex code');
      const nation = card.nationCode ?? (card.nation ? nationCodeOf(card.nation) : undefined);
      if (card.type === 'resident') put(out, L.nation, nation, 'nation code');
      put(out, L.birthDate, cardDateText(card.birthDate), 'birth date');
      put(out, L.address, card.address, 'address');
      put(out, L.idNumber, card.idNumber, 'ID number');
      put(out, L.issuer, card.issuer, 'issuer');
      put(out, L.validFrom, cardDateText(card.validFrom), 'valid from');
      put(out, L.validTo, cardDateText(card.validTo), 'valid to');
      if (card.type === 'hmt-residence-permit') {
        put(out, L.passNumber, card.passNumber, 'pass number');
        put(out, L.issueCount, card.issueCount, 'issue count');
      }
      break;
    }
    case 'foreign-permanent-2017': {
      const L = FOREIGN_2017;
      put(out, L.nameEn, card.nameEn, 'English name');
      put(out, L.sex, sexCodeFor(card), 'sex code');
      put(out, L.idNumber, card.idNumber, 'permit number');
      put(out, L.nationality, card.nationality, 'nationality');
      put(out, L.name, card.name, 'name');
      put(out, L.validFrom, cardDateText(card.validFrom), 'valid from');
      put(out, L.validTo, cardDateText(card.validTo), 'valid to');
      put(out, L.birthDate, cardDateText(card.birthDate), 'birth date');
      put(out, L.cardVersion, card.cardVersion, 'card version');
      put(out, L.issuer, card.issuer, 'acceptance authority');
      break;
    }
    case 'foreign-permanent-2023': {
      const L = FOREIGN_2023;
      const part1Chars = L.nameEn1[1] / 2;
      const nameEn = card.nameEn ?? '';
      put(out, L.name, card.name, 'name');
      put(out, L.sex, sexCodeFor(card), 'sex code');
      put(out, L.renewalCount, card.renewalCount, 'renewal count');
      put(out, L.birthDate, cardDateText(card.birthDate), 'birth date');
      put(out, L.nameEn1, nameEn.slice(0, part1Chars), 'English name');
      put(out, L.nameEn2, nameEn.slice(part1Chars), 'English name (part 2)');
      put(out, L.idNumber, card.idNumber, 'ID number');
      put(out, L.validFrom, cardDateText(card.validFrom), 'valid from');
      put(out, L.validTo, cardDateText(card.validTo), 'valid to');
      put(out, L.nationality, card.nationality, 'nationality');
      break;
    }
  }
  put(out, TYPE_MARKER, CARD_TYPE_MARKERS[card.type], 'card type');
  return out;
}
