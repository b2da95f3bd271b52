// The SAM commands the kiosk uses (CMD, PARA) and the SW3 each answers with on success.

export interface SamCommand {
  readonly name: string;
  readonly cmd: number;
  readonly para: number;
  readonly successSw3: number;
}

function command(name: string, cmd: number, para: number, successSw3: number): SamCommand {
  return Object.freeze({ name, cmd, para, successSw3 });
}

export const SAM_COMMANDS = {
  reset: command('reset SAM', 0x10, 0xff, 0x90),
  status: command('SAM status', 0x11, 0xff, 0x90),
  samId: command('read SAM ID', 0x12, 0xff, 0x90),
  find: command('find card', 0x20, 0x01, 0x9f),
  select: command('select card', 0x20, 0x02, 0x90),
  read: command('read text + photo', 0x30, 0x01, 0x90),
  readAddress: command('read appended address', 0x30, 0x03, 0x90),
  readWithFingerprint: command('read text + photo + fingerprint', 0x30, 0x10, 0x90),
} as const;

export type SamCommandKey = keyof typeof SAM_COMMANDS;

export function findSamCommand(cmd: number, para: number): [SamCommandKey, SamCommand] | undefined {
  for (const [key, c] of Object.entries(SAM_COMMANDS) as [SamCommandKey, SamCommand][]) {
    if (c.cmd === cmd && c.para === para) return [key, c];
  }
  return undefined;
}
