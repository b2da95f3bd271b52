// The text a release stages for each validated source line (releaseBuilder sorts and merges
// these): `id \t subject JSON` for a subject, `subjectId \t id \t record JSON` for a record,
// with the record's dataVersion left as a mark the release fills in. Made in the publishing
// thread or in a staging worker (stagingPool.ts), the same way in both.
import type { SubjectLine } from '../../common/sync/packageLines';

type SubjectFields = SubjectLine['subject'];
type RecordFields = SubjectLine['records'][number];

/**
 * Stands for a record's `"dataVersion":N,` in staged text: the release writes the version
 * there. JSON.stringify writes U+0001 as an escape, so the raw character occurs nowhere else.
 */
export const DV_MARK = '\u0001';

/**
 * A record as staged: its JSON as the schema parsed it (keys in schema order, so the same
 * record always gives the same text) with dataVersion cut out. The first raw `,"fields":` is
 * the key itself (inside string values quotes are escaped), and dataVersion comes just before it.
 */
export function recordText(r: RecordFields): string {
  const text = JSON.stringify(r);
  const fields = text.indexOf(',"fields":');
  const version = text.lastIndexOf(',"dataVersion":', fields);
  if (fields < 0 || version < 0 || !/^,"dataVersion":\d+$/.test(text.slice(version, fields))) throw new Error('a record not in its schema’s key order');
  return `${text.slice(0, version + 1)}${DV_MARK}${text.slice(fields + 1)}`;
}

export const stagedSubject = (s: SubjectFields): string => `${s.id}\t${JSON.stringify(s)}`;

export const stagedRecord = (r: RecordFields): string => `${r.subjectId}\t${r.id}\t${recordText(r)}`;

/** The record id of a staged record line (ids hold no tab). */
export function stagedRecordId(line: string): string {
  const t1 = line.indexOf('\t');
  return line.slice(t1 + 1, line.indexOf('\t', t1 + 1));
}
