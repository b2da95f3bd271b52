// A batch of a source export's lines (docs/sync.md) checked and turned into staged text:
// the bytes of whole lines, split where readline splits (\r\n, \n or a lone \r), each
// line parsed as JSON and by its package-line schema (records take their file's category
// and empty fields by default), then staged (stagedLines.ts). The same function runs in
// the publishing thread and in the staging workers, so both give the same lines and the
// same refusal for the first bad line of the batch. Bytes in, one string out: a message
// of either kind is copied (or moved) whole, not line by line.
import { RecordLineSchema, SubjectLineSchema } from '../../common/sync/packageLines';
import type { SyncErrorCode } from '../../common/sync/syncErrors';
import { SyncRefusal } from '../../common/sync/trustRules';
import { stagedRecord, stagedSubject } from './stagedLines';

export interface SourceBatch {
  /** The file's name, as refusals name it. */
  file: string;
  /** null for subjects.ndjson, else the category its file is named for. */
  category: string | null;
  /** Whole lines, each with its line break (the file's last may have none). */
  bytes: Uint8Array;
}

/**
 * The batch's lines counted, and their staged lines joined by \n (staged text holds no
 * line break: JSON escapes it, ids have none); or the first bad line (its index in the
 * batch, from 0) and what is wrong with it.
 */
export type StagedBatch =
  | { lineCount: number; stagedCount: number; staged: string }
  | { error: { index: number | null; code: SyncErrorCode | null; message: string } };

/** A bad line: what is wrong, after its place (a plain message: it crosses to the publishing thread). */
class BadLine extends Error {}

export function stageSourceBatch(batch: SourceBatch): StagedBatch {
  const lines = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength).toString('utf8').split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  let i = 0;
  try {
    for (; i < lines.length; i++) {
      const line = stageLine(batch, lines[i]!);
      if (line !== null) out.push(line);
    }
  } catch (err) {
    if (err instanceof BadLine) return { error: { index: i, code: 'SYNC_BAD_PACKAGE', message: err.message } };
    return { error: { index: null, code: null, message: (err as Error).message } };
  }
  return { lineCount: lines.length, stagedCount: out.length, staged: out.join('\n') };
}

/** The error a batch's refusal stands for, its line numbered from the file's start (`firstLine`: the batch's first line, from 1). */
export function refusalOf(batch: Pick<SourceBatch, 'file'>, firstLine: number, error: Extract<StagedBatch, { error: unknown }>['error']): Error {
  if (error.code === null) return new Error(error.message);
  return new SyncRefusal(error.code, error.index === null ? error.message : `${batch.file}:${firstLine + error.index}: ${error.message}`);
}

function stageLine(batch: SourceBatch, text: string): string | null {
  if (text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadLine('not JSON');
  }
  if (batch.category === null) {
    const parsed = SubjectLineSchema.safeParse(json);
    if (!parsed.success) throw badLine(parsed.error.issues);
    return stagedSubject(parsed.data);
  }
  const withDefaults = { category: batch.category, fields: {}, ...(json as object), dataVersion: 0 };
  const parsed = RecordLineSchema.safeParse(withDefaults);
  if (!parsed.success) throw badLine(parsed.error.issues);
  if (parsed.data.category !== batch.category) throw new BadLine(`category ${parsed.data.category} in ${batch.file}`);
  return stagedRecord(parsed.data);
}

function badLine(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): BadLine {
  const i = issues[0];
  return new BadLine(i ? `${i.path.map(String).join('.') || '(line)'} ${i.message}` : 'invalid');
}
