// Free prints per subject per day (自身信用信息免费查询; a daily cap keeps the
// kiosk's paper for everyone). Counted in SQLite so a restart does not reset it.
import type Database from 'better-sqlite3';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

const QUOTA_V1 = 'CREATE TABLE IF NOT EXISTS print_quota (subject_key TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (subject_key, day))';

export const PRINT_QUOTA_STORE: StoreSpec = { label: { zh: '打印配额库', en: 'print quota store' }, migrations: [ddlMigration(1, 'prints per subject and day (as shipped before the store opener, which left user_version 0)', QUOTA_V1)] };

/** What the kiosk service asks of the quota: a print counted, or refused once today's limit is reached. */
export interface PrintQuota {
  /** Counts a print for the subject today if under the limit; false when the quota is reached. */
  tryConsume(subjectKey: string, today: string): Promise<boolean>;
  /** Free prints left today for the subject; null when there is no limit. */
  remaining(subjectKey: string, today: string): Promise<number | null>;
}

export class PrintQuotaStore implements PrintQuota {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private perDay: number,
  ) {
    this.db = openStore(file, PRINT_QUOTA_STORE, { context: undefined });
  }

  async remaining(subjectKey: string, today: string): Promise<number | null> {
    if (this.perDay === 0) return null;
    const row = this.db.prepare('SELECT count FROM print_quota WHERE subject_key = ? AND day = ?').get(subjectKey, today) as { count: number } | undefined;
    return Math.max(0, this.perDay - (row?.count ?? 0));
  }

  async tryConsume(subjectKey: string, today: string): Promise<boolean> {
    if (this.perDay === 0) return true; // 0 = no limit
    const consume = this.db.transaction(() => {
      const row = this.db.prepare('SELECT count FROM print_quota WHERE subject_key = ? AND day = ?').get(subjectKey, today) as { count: number } | undefined;
      if ((row?.count ?? 0) >= this.perDay) return false;
      this.db.prepare('INSERT INTO print_quota (subject_key, day, count) VALUES (?, ?, 1) ON CONFLICT (subject_key, day) DO UPDATE SET count = count + 1').run(subjectKey, today);
      return true;
    });
    return consume.immediate();
  }

  /** A new daily limit (fleet configuration), counted against today's prints so far. */
  setPerDay(perDay: number): void {
    this.perDay = perDay;
  }

  close(): void {
    this.db.close();
  }
}
