// What an ID card reader yields (GA 467 text block, decoded). Field names are the
// CLI's `decode-frame --json` contract; keep them stable.

export const CARD_TYPES = ['resident', 'hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export interface CardPhoto {
  /** WLT is encrypted; only vendor libraries decode it. */
  format: 'wlt' | 'bmp' | 'jpeg';
  decoded: boolean;
  /** Base64 of the bytes as read (WLT) or as decoded. */
  data?: string;
}

export interface IdCard {
  type: CardType;
  /** Chinese name (may be empty on a 2017 foreign card without one). */
  name: string;
  nameEn?: string;
  sex: string;
  sexCode: string;
  nation?: string;
  nationCode?: string;
  birthDate: string;
  address?: string;
  /** Resident ID number, or the permit number of a foreign or HMT card. */
  idNumber: string;
  idNumberValid: boolean;
  issuer?: string;
  validFrom: string;
  /** YYYY-MM-DD, or 长期 for cards valid without end. */
  validTo: string;
  passNumber?: string;
  issueCount?: string;
  nationality?: string;
  renewalCount?: string;
  cardVersion?: string;
  photo?: CardPhoto;
}

/** A card is expired when its validTo is a date before today (长期 never expires). */
export function isCardExpired(card: Pick<IdCard, 'validTo'>, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(card.validTo) && card.validTo < today;
}
