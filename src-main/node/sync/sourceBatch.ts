// A batch of a source export's lines (docs/sync.md) checked and turned into staged text:
// each line parsed as JSON and by its package-line schema (records take their file's
// category and empty fields by default), then staged (stagedLines.ts). The same function
// runs in the publishing thread and in the staging workers, so both give the same lines
// and the same refusal for the first bad line of the batch.
import { RecordLineSchema, SubjectLineSchema } from '../../common/sync/packageLines';
import type { SyncErrorCode } from '../../common/sync/syncErrors';
import { SyncRefusal } from '../../common/sync/trustRules';
import { stagedRecord, stagedSubject } from './stagedLines';

export interface SourceBatch {
  /** The file's name, as refusals name it. */
  file: string;
  /** null for subjects.ndjson, else the category its file is named for. */
  category: string | null;
  /** The line number of `lines[0]` (from 1). */
  firstLine: number;
  lines: string[];
}

/** The staged lines of a batch (blank lines give none), or the refusal for its first bad line. */
export type StagedBatch = { lines: string[] } | { error: { code: SyncErrorCode | null; message: string } };

export function stageSourceBatch(batch: SourceBatch): StagedBatch {
  const out: string[] = [];
  try {
    for (let i = 0; i < batch.lines.length; i++) {
      const line = stageLine(batch, batch.lines[i]!, `${batch.file}:${batch.firstLine + i}`);
      if (line !== null) out.push(line);
    }
  } catch (err) {
    // The detail only: the publishing thread makes the SyncRefusal (see refusalOf).
    if (err instanceof BadLine) return { error: { code: 'SYNC_BAD_PACKAGE', message: err.message } };
    return { error: { code: null, message: (err as Error).message } };
  }
  return { lines: out };
}

/** The error a batch's refusal stands for, as the publishing thread throws it. */
export function refusalOf(error: { code: SyncErrorCode | null; message: string }): Error {
  return error.code ? new SyncRefusal(error.code, error.message) : new Error(error.message);
}

/** A bad line, by its place and what is wrong (a plain message: it crosses to the publishing thread). */
class BadLine extends Error {}

function stageLine(batch: SourceBatch, text: string, where: string): string | null {
  if (text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadLine(`${where}: not JSON`);
  }
  if (batch.category === null) {
    const parsed = SubjectLineSchema.safeParse(json);
    if (!parsed.success) throw inputError(where, parsed.error.issues);
    return stagedSubject(parsed.data);
  }
  const withDefaults = { category: batch.category, fields: {}, ...(json as object), dataVersion: 0 };
  const parsed = RecordLineSchema.safeParse(withDefaults);
  if (!parsed.success) throw inputError(where, parsed.error.issues);
  if (parsed.data.category !== batch.category) throw new BadLine(`${where}: category ${parsed.data.category} in ${batch.file}`);
  return stagedRecord(parsed.data);
}

function inputError(where: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): BadLine {
  const i = issues[0];
  return new BadLine(`${where}: ${i ? `${i.path.map(String).join('.') || '(line)'} ${i.message}` : 'invalid'}`);
}
