// Staff accounts: who may sign in at a counter, with which role. PINs only as peppered
// scrypt hashes (pinHash.ts); a linked ID card only as a keyed hash; repeated failures lock the account.
import type Database from 'better-sqlite3';
import type { StaffAccountView } from '../../common/contract/staffViews';
import type { StaffRole } from '../../common/staff/roles';
import { DEFAULT_SCRYPT, hashPin, verifyPin } from './pinHash';

export interface StaffAccount {
  staffNo: string;
  name: string;
  role: StaffRole;
  active: boolean;
  cardLinked: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface LockoutPolicy {
  /** Failed PINs in a row before the account locks (default 5). */
  maxAttempts: number;
  /** How long a lock lasts (default 15 minutes); an unlock lifts it sooner. */
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockMs: 15 * 60_000 };

export type PinCheck =
  | { ok: true; account: StaffAccount }
  | { ok: false; reason: 'bad-credentials'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: string }
  | { ok: false; reason: 'inactive' };

interface Row {
  staff_no: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  card_key: string | null;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
}

// A hash to verify against when the staff number is unknown, so timing does not tell which numbers exist.
let dummyHash: Promise<string> | null = null;

export class StaffStore {
  constructor(
    private readonly db: Database.Database,
    private readonly options: { now: () => Date; pepper: Buffer; lockout?: LockoutPolicy; scrypt?: { N: number; r: number; p: number } },
  ) {}

  private get lockout(): LockoutPolicy {
    return this.options.lockout ?? DEFAULT_LOCKOUT;
  }

  private row(staffNo: string): Row | undefined {
    return this.db.prepare('SELECT * FROM staff_accounts WHERE staff_no = ?').get(staffNo) as Row | undefined;
  }

  get(staffNo: string): StaffAccount | null {
    const row = this.row(staffNo);
    return row ? toAccount(row) : null;
  }

  list(): StaffAccount[] {
    return (this.db.prepare('SELECT * FROM staff_accounts ORDER BY staff_no').all() as Row[]).map(toAccount);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM staff_accounts').get() as { n: number }).n;
  }

  async add(input: { staffNo: string; name: string; role: StaffRole; pin: string }): Promise<StaffAccount> {
    if (this.row(input.staffNo)) throw new StaffStoreError('EXISTS', `staff number ${input.staffNo} exists`);
    const hash = await hashPin(input.pin, this.options.pepper, this.options.scrypt ?? DEFAULT_SCRYPT);
    const at = this.options.now().toISOString();
    this.db
      .prepare('INSERT INTO staff_accounts (staff_no, name, role, pin_hash, created_at, updated_at) VALUES (?,?,?,?,?,?)')
      .run(input.staffNo, input.name, input.role, hash, at, at);
    return this.get(input.staffNo)!;
  }

  update(staffNo: string, change: { name?: string; role?: StaffRole; active?: boolean }): StaffAccount {
    const row = this.mustRow(staffNo);
    this.db
      .prepare('UPDATE staff_accounts SET name = ?, role = ?, active = ?, updated_at = ? WHERE staff_no = ?')
      .run(change.name ?? row.name, change.role ?? row.role, change.active === undefined ? row.active : change.active ? 1 : 0, this.options.now().toISOString(), staffNo);
    return this.get(staffNo)!;
  }

  async resetPin(staffNo: string, pin: string): Promise<StaffAccount> {
    this.mustRow(staffNo);
    const hash = await hashPin(pin, this.options.pepper, this.options.scrypt ?? DEFAULT_SCRYPT);
    this.db
      .prepare('UPDATE staff_accounts SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE staff_no = ?')
      .run(hash, this.options.now().toISOString(), staffNo);
    return this.get(staffNo)!;
  }

  unlock(staffNo: string): StaffAccount {
    this.mustRow(staffNo);
    this.db.prepare('UPDATE staff_accounts SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE staff_no = ?').run(this.options.now().toISOString(), staffNo);
    return this.get(staffNo)!;
  }

  linkCard(staffNo: string, cardKey: string): StaffAccount {
    this.mustRow(staffNo);
    this.db.transaction(() => {
      this.db.prepare('UPDATE staff_accounts SET card_key = NULL WHERE card_key = ?').run(cardKey);
      this.db.prepare('UPDATE staff_accounts SET card_key = ?, updated_at = ? WHERE staff_no = ?').run(cardKey, this.options.now().toISOString(), staffNo);
    })();
    return this.get(staffNo)!;
  }

  findByCard(cardKey: string): StaffAccount | null {
    const row = this.db.prepare('SELECT * FROM staff_accounts WHERE card_key = ?').get(cardKey) as Row | undefined;
    return row ? toAccount(row) : null;
  }

  /** The account if it is usable now (active, not locked), else why not. */
  usable(account: StaffAccount): PinCheck {
    if (!account.active) return { ok: false, reason: 'inactive' };
    if (account.lockedUntil && account.lockedUntil > this.options.now().toISOString()) return { ok: false, reason: 'locked', lockedUntil: account.lockedUntil };
    return { ok: true, account };
  }

  /** Checks a PIN, counting failures and locking after too many. */
  async checkPin(staffNo: string, pin: string): Promise<PinCheck> {
    const row = this.row(staffNo);
    if (!row) {
      dummyHash ??= hashPin('000000', this.options.pepper, this.options.scrypt ?? DEFAULT_SCRYPT);
      await verifyPin(pin, await dummyHash, this.options.pepper);
      return { ok: false, reason: 'bad-credentials', attemptsLeft: this.lockout.maxAttempts };
    }
    const state = this.usable(toAccount(row));
    if (!state.ok) return state;
    if (await verifyPin(pin, row.pin_hash, this.options.pepper)) {
      this.db.prepare('UPDATE staff_accounts SET failed_attempts = 0, locked_until = NULL WHERE staff_no = ?').run(staffNo);
      return { ok: true, account: this.get(staffNo)! };
    }
    // Count from the stored value, not the one read before the slow hash: two tries at once both count.
    const failed = (this.db.prepare('UPDATE staff_accounts SET failed_attempts = failed_attempts + 1 WHERE staff_no = ? RETURNING failed_attempts').get(staffNo) as { failed_attempts: number })
      .failed_attempts;
    if (failed >= this.lockout.maxAttempts) {
      const lockedUntil = new Date(this.options.now().getTime() + this.lockout.lockMs).toISOString();
      this.db.prepare('UPDATE staff_accounts SET locked_until = ?, failed_attempts = 0 WHERE staff_no = ?').run(lockedUntil, staffNo);
      return { ok: false, reason: 'locked', lockedUntil };
    }
    return { ok: false, reason: 'bad-credentials', attemptsLeft: this.lockout.maxAttempts - failed };
  }

  private mustRow(staffNo: string): Row {
    const row = this.row(staffNo);
    if (!row) throw new StaffStoreError('NOT_FOUND', `no staff number ${staffNo}`);
    return row;
  }
}

export class StaffStoreError extends Error {
  constructor(
    readonly code: 'EXISTS' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'StaffStoreError';
  }
}

function toAccount(row: Row): StaffAccount {
  return {
    staffNo: row.staff_no,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    cardLinked: row.card_key !== null,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
  };
}

export function accountView(a: StaffAccount): StaffAccountView {
  return {
    staffNo: a.staffNo,
    name: a.name,
    role: a.role,
    active: a.active,
    cardLinked: a.cardLinked,
    failedAttempts: a.failedAttempts,
    ...(a.lockedUntil !== null && { lockedUntil: a.lockedUntil }),
  };
}
