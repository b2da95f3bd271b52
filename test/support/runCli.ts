// Runs credit-kiosk subcommands in-process, as `credit-kiosk ARGS --json` would,
// capturing what they print and the exit code they set.
import { Command } from 'commander';
import { vi } from 'vitest';

type Register = (program: Command) => void;

export async function runCliJson(registers: readonly Register[], args: readonly string[]): Promise<{ out: unknown; exit: number }> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  const program = new Command().exitOverride();
  for (const register of registers) register(program);
  try {
    await program.parseAsync(['node', 'credit-kiosk', ...args]);
    return { out: JSON.parse(chunks.join('')), exit: Number(process.exitCode ?? 0) };
  } finally {
    vi.restoreAllMocks();
  }
}
