// Credit subjects (信用主体) as the cache, the platform and the screens know them.

export const SUBJECT_KINDS = ['natural-person', 'enterprise', 'non-enterprise-legal-person', 'individual-business'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** 双公示 subject type codes: 01 自然人, 02 法人, 03 非法人组织, 04 个体工商户. */
export const SUBJECT_TYPE_CODES: Record<SubjectKind, string> = {
  'natural-person': '01',
  enterprise: '02',
  'non-enterprise-legal-person': '03',
  'individual-business': '04',
};

export interface Subject {
  /** Stable identifier inside the cache and the sync packages. */
  id: string;
  kind: SubjectKind;
  /** USCC, or the resident ID number of a natural person (held in clear only in memory). */
  code: string;
  /** Older registration numbers that records may still carry (注册号, 组织机构代码). */
  formerCodes: string[];
  name: string;
  legalRepresentative?: string;
  /** 类型, e.g. 有限责任公司（自然人投资或控股）. */
  entityType?: string;
  registeredCapital?: string;
  establishedOn?: string;
  address?: string;
  registrationAuthority?: string;
  /** 登记状态, e.g. 存续, 注销. */
  registrationStatus?: string;
}

export function isPerson(subject: Pick<Subject, 'kind'>): boolean {
  return subject.kind === 'natural-person';
}
