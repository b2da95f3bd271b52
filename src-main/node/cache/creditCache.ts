// The local credit cache as the services see it. Answers are async because the
// queries run off the main thread (worker, read-only connections).
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject, SubjectKind } from '../../common/domain/subject';
import type { HitRecord } from '../../common/staff/hits';

export interface SubjectWithRecords {
  subject: Subject;
  /** Every record held, archive included; callers apply the disclosure policy. */
  records: CreditRecord[];
}

export interface CacheDataInfo {
  dataVersion: number;
  /** ISO timestamp: the cut-off time of the data (数据截止时间). */
  dataAsOf: string;
  subjects: number;
}

export interface CreditCache {
  /** By resident ID number, USCC, or an older registration number. */
  findByCode(code: string): Promise<SubjectWithRecords | null>;
  dataInfo(): Promise<CacheDataInfo>;
  close(): Promise<void>;
}

// ── The local cache's further queries (name search, legal representatives, checks). ──

export interface SearchOptions {
  /** 1-based. */
  page?: number;
  /** 1–100, default 20. */
  pageSize?: number;
}

export interface SearchHit {
  subjectId: string;
  kind: SubjectKind;
  name: string;
  code: string;
  match: 'exact' | 'prefix' | 'substring';
}

export interface SearchPage {
  /** The query as normalised and bounded. */
  query: string;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /** Matches considered; capped for very common queries (then totalIsCapped). */
  total: number;
  totalIsCapped: boolean;
}

export interface CacheCheck {
  ok: boolean;
  schemaVersion: number;
  dataVersion: number;
  dataAsOf: string;
  source: string;
  cipher: string;
  subjects: number;
  subjectsByKind: Record<SubjectKind, number>;
  records: number;
  fileBytes: number;
}

/** A subject with only the records a hit can come from (HIT_CATEGORIES), each with only what decides a hit. */
export interface SubjectHits {
  subject: Subject;
  records: HitRecord[];
}

export interface LocalCreditCache extends CreditCache {
  /** Many codes in one round trip, answers in the same order (the batch check). */
  findManyByCode(codes: readonly string[]): Promise<Array<SubjectWithRecords | null>>;
  /**
   * The batch check's hits-only path: many codes in one round trip, each subject with only
   * its hit-category records, narrowed to the fields a hit is decided by (what hitsOf reads).
   */
  findHitsByCode(codes: readonly string[]): Promise<Array<SubjectHits | null>>;
  /** Name search over organisations (natural persons are never searchable by name). */
  search(text: string, options?: SearchOptions): Promise<SearchPage>;
  /** Organisations whose registered legal representative is this person (by ID number where the data has it, else by name). */
  findRepresentedBy(person: { idNumber: string; name: string }): Promise<Subject[]>;
  /** quick_check, counts and versions. */
  check(): Promise<CacheCheck>;
}
