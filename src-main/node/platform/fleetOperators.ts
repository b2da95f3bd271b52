// The fleet view's operators: names with scrypt password hashes (node/staff/pinHash, the
// kiosk's one password hash) in a JSON file the platform's operations team keeps, peppered
// by a key in the platform's state folder so a copied operators file alone checks no guess.
// Sessions live in memory (a restart signs everyone out): a random token in an HttpOnly,
// SameSite=Strict cookie, idle and absolute limits, and a lock after repeated failures.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { createPrivateFile } from '../store/privateFile';
import { loadStateSecret } from './stateSecret';
import { hashPin, verifyPin } from '../staff/pinHash';

export const OperatorName = z.string().regex(/^[A-Za-z0-9._-]{2,40}$/);
const OperatorsFileSchema = z.object({ operators: z.array(z.object({ name: OperatorName, hash: z.string().min(20).max(400) }).strict()).max(500) }).strict();
export type OperatorsFile = z.infer<typeof OperatorsFileSchema>;

export const MIN_PASSWORD_LENGTH = 10;
const PEPPER_FILE = 'fleet-operator-pepper';
const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
const IDLE_MS = 30 * 60_000;
const ABSOLUTE_MS = 12 * 3_600_000;

export class OperatorError extends Error {
  constructor(
    readonly code: 'FLEET_BAD_CREDENTIALS' | 'FLEET_LOCKED' | 'FLEET_WEAK_PASSWORD' | 'FLEET_BAD_OPERATORS',
    message: string,
  ) {
    super(message);
    this.name = 'OperatorError';
  }
}

/** The pepper (32 random bytes as hex, 0600) in the platform's state folder, created on first use. */
export function loadOperatorPepper(stateDir: string): Buffer {
  return loadStateSecret(stateDir, PEPPER_FILE, (file) => new OperatorError('FLEET_BAD_OPERATORS', `运维人员口令密钥无效 / the operator pepper file holds no key: ${file}`));
}

export function readOperators(file: string): OperatorsFile {
  if (!fs.existsSync(file)) return { operators: [] };
  const parsed = OperatorsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new OperatorError('FLEET_BAD_OPERATORS', `运维人员文件无效 / invalid operators file: ${file}: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Adds an operator or sets a new password (the file is rewritten 0600). */
export async function setOperatorPassword(file: string, pepper: Buffer, name: string, password: string): Promise<void> {
  OperatorName.parse(name);
  if (password.length < MIN_PASSWORD_LENGTH) throw new OperatorError('FLEET_WEAK_PASSWORD', `口令至少 ${MIN_PASSWORD_LENGTH} 个字符 / the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const current = readOperators(file);
  const hash = await hashPin(password, pepper);
  const operators = [...current.operators.filter((o) => o.name !== name), { name, hash }];
  createPrivateFile(file);
  fs.writeFileSync(file, `${JSON.stringify({ operators }, null, 2)}\n`);
}

interface Session {
  operator: string;
  created: number;
  seen: number;
}

export interface OperatorSessions {
  /** A new session token for a right name and password; OperatorError otherwise. */
  signIn(name: string, password: string): Promise<string>;
  /** The operator of a live session (and the session kept alive), or null. */
  check(token: string | undefined): string | null;
  signOut(token: string | undefined): void;
}

export function createOperatorSessions(options: { operators: () => OperatorsFile; pepper: Buffer; now?: () => number }): OperatorSessions {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, Session>();
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  // A hash of an unknown name is still computed, so a wrong name takes as long as a wrong password.
  const decoy = hashPin(crypto.randomBytes(16).toString('hex'), options.pepper);
  const key = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
  return {
    async signIn(name, password) {
      const f = failures.get(name);
      if (f && f.lockedUntil > now()) throw new OperatorError('FLEET_LOCKED', '失败次数过多，请稍后再试 / too many failed attempts; try again later');
      const found = options.operators().operators.find((o) => o.name === name);
      const ok = await verifyPin(password, found?.hash ?? (await decoy), options.pepper);
      if (!found || !ok) {
        const count = (f?.count ?? 0) + 1;
        failures.set(name, { count: count >= MAX_FAILURES ? 0 : count, lockedUntil: count >= MAX_FAILURES ? now() + LOCK_MS : 0 });
        throw new OperatorError('FLEET_BAD_CREDENTIALS', '用户名或口令错误 / wrong name or password');
      }
      failures.delete(name);
      const token = crypto.randomBytes(32).toString('base64url');
      sessions.set(key(token), { operator: name, created: now(), seen: now() });
      return token;
    },
    check(token) {
      if (!token) return null;
      const s = sessions.get(key(token));
      if (!s) return null;
      const t = now();
      if (t - s.seen > IDLE_MS || t - s.created > ABSOLUTE_MS) {
        sessions.delete(key(token));
        return null;
      }
      s.seen = t;
      return s.operator;
    },
    signOut(token) {
      if (token) sessions.delete(key(token));
    },
  };
}
