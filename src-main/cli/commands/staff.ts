// `credit-kiosk staff add|list|reset-pin|unlock|deactivate`: account administration on
// the machine itself (whoever runs it holds the data folder). PINs come from the
// environment (CREDIT_KIOSK_STAFF_PIN) or the first line of stdin, never argv, so
// they stay out of shell history and process lists. Every change is audited.
import type Database from 'better-sqlite3';
import { isStaffNumber, STAFF_NUMBER_RULE } from '../../common/staff/staffNumber';
import type { Command } from 'commander';
import { STAFF_ROLES, type StaffRole } from '../../common/staff/roles';
import { modeConfig } from '../../node/config/dataFolders';
import { openKeyStore } from '../../node/keys/openKeyStore';
import { AuditLog } from '../../node/staff/auditLog';
import { loadPinPepper } from '../../node/staff/pinHash';
import { openStaffDb, staffDbFile } from '../../node/staff/staffDb';
import { accountView, StaffStore, StaffStoreError } from '../../node/staff/staffStore';
import { cliConfig, cliDataDir } from '../dataFolder';
import { emit, emitError, EXIT_USAGE } from '../output';

interface Common {
  json?: boolean;
  dataDir?: string;
  kioskId?: string;
}

async function readPin(): Promise<string> {
  const fromEnv = process.env.CREDIT_KIOSK_STAFF_PIN;
  if (fromEnv) return fromEnv.trim();
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

async function withStore(options: Common, body: (store: StaffStore, audit: (action: string, target: string) => void) => Promise<void>): Promise<void> {
  const dataDir = cliDataDir(options.dataDir);
  let db: Database.Database | undefined;
  try {
    // The pepper from the kiosk's own KeyStore (config `keys`), so PINs set here work at the counter.
    const pepper = loadPinPepper(openKeyStore(modeConfig(cliConfig(options.dataDir))));
    db = openStaffDb(staffDbFile(dataDir), { pepper });
    const store = new StaffStore(db, { now: () => new Date(), pepper });
    const log = new AuditLog(db);
    await body(store, (action, target) =>
      log.append({ at: new Date().toISOString(), kioskId: options.kioskId ?? 'cli', staffNo: 'cli', action: 'staff-managed', result: action, detail: { target } }),
    );
  } catch (err) {
    if (err instanceof StaffStoreError) emitError(options, err.code, err.message);
    else emitError(options, 'INTERNAL', (err as Error).message);
  } finally {
    db?.close();
  }
}

const common = (c: Command): Command => c.option('--json', 'print JSON').option('--data-dir <dir>', 'data folder').option('--kiosk-id <id>', 'kiosk id for the audit entry');

export function register(program: Command): void {
  const staff = program.command('staff').description('窗口人员账户管理 / counter staff accounts');
  common(staff.command('list').description('list accounts')).action((o: Common) =>
    withStore(o, async (store) => {
      const list = store.list().map(accountView);
      emit(o, list, list.map((a) => `${a.staffNo}\t${a.role}\t${a.active ? 'active' : 'inactive'}${a.lockedUntil ? `\tlocked until ${a.lockedUntil}` : ''}\t${a.name}`).join('\n') || '(no accounts)');
    }),
  );
  common(staff.command('add').description('add an account (PIN from CREDIT_KIOSK_STAFF_PIN or stdin)').argument('<staffNo>').requiredOption('--name <name>').option('--role <role>', STAFF_ROLES.join(' | '), 'staff')).action(
    (staffNo: string, o: Common & { name: string; role: string }) => {
      if (!isStaffNumber(staffNo) || !(STAFF_ROLES as readonly string[]).includes(o.role)) {
        emitError(o, 'USAGE', `${STAFF_NUMBER_RULE}；角色为 ${STAFF_ROLES.join('/')} / the role is one of ${STAFF_ROLES.join(', ')}`, EXIT_USAGE);
        return;
      }
      return withStore(o, async (store, audit) => {
        const pin = await readPin();
        if (!/^\d{6,12}$/.test(pin)) return emitError(o, 'USAGE', 'PIN 须为 6–12 位数字 / the PIN must be 6–12 digits', EXIT_USAGE);
        const a = await store.add({ staffNo, name: o.name, role: o.role as StaffRole, pin });
        audit('add', staffNo);
        emit(o, accountView(a), `added ${a.staffNo} (${a.role})`);
      });
    },
  );
  common(staff.command('reset-pin').description('set a new PIN (from CREDIT_KIOSK_STAFF_PIN or stdin), lifting any lock').argument('<staffNo>')).action((staffNo: string, o: Common) =>
    withStore(o, async (store, audit) => {
      const pin = await readPin();
      if (!/^\d{6,12}$/.test(pin)) return emitError(o, 'USAGE', 'PIN 须为 6–12 位数字 / the PIN must be 6–12 digits', EXIT_USAGE);
      const a = await store.resetPin(staffNo, pin);
      audit('reset-pin', staffNo);
      emit(o, accountView(a), `PIN reset for ${a.staffNo}`);
    }),
  );
  common(staff.command('unlock').description('lift a lockout').argument('<staffNo>')).action((staffNo: string, o: Common) =>
    withStore(o, async (store, audit) => {
      const a = store.unlock(staffNo);
      audit('unlock', staffNo);
      emit(o, accountView(a), `unlocked ${a.staffNo}`);
    }),
  );
  common(staff.command('deactivate').description('disable an account').argument('<staffNo>')).action((staffNo: string, o: Common) =>
    withStore(o, async (store, audit) => {
      const a = store.update(staffNo, { active: false });
      audit('deactivate', staffNo);
      emit(o, accountView(a), `deactivated ${a.staffNo}`);
    }),
  );
}
