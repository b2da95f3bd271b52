// The local credit cache as the services see it. Answers are async because the
// queries run off the main thread (worker, read-only connections).
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';

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
