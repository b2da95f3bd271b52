// The status tags a report header and a summary carry (守信激励对象, 失信惩戒对象 …),
// derived from the records visible now.
import type { CreditRecord } from '../domain/creditRecord';
import type { Subject } from '../domain/subject';

export const STATUS_TAGS = {
  honoured: '守信激励对象',
  punished: '失信惩戒对象',
  abnormal: '经营异常',
} as const;

export function statusTagsOf(subject: Pick<Subject, 'registrationStatus'>, visible: ReadonlyArray<Pick<CreditRecord, 'category'>>): string[] {
  const tags: string[] = [];
  if (visible.some((r) => r.category === 'honour')) tags.push(STATUS_TAGS.honoured);
  if (visible.some((r) => r.category === 'serious-dishonesty')) tags.push(STATUS_TAGS.punished);
  if (visible.some((r) => r.category === 'abnormal-operation')) tags.push(STATUS_TAGS.abnormal);
  if (subject.registrationStatus) tags.push(subject.registrationStatus);
  return tags;
}
