// A subject as platform events name it (platformEvents.EventSubject): masked as on a
// public screen, and the report registry's keyed hash to join on — never the code in clear.
import type { z } from 'zod';
import type { EventSubject } from '../../common/platform/platformEvents';
import { maskSubjectCode } from '../../common/rules/masking';
import type { Subject } from '../../common/domain/subject';
import type { SubjectKeyer } from './subjectKeyer';

export function eventSubjectOf(keyer: Pick<SubjectKeyer, 'reportSubject'>, subject: Pick<Subject, 'kind' | 'code'>): z.infer<typeof EventSubject> {
  return { kind: subject.kind === 'natural-person' ? 'person' : 'enterprise', maskedCode: maskSubjectCode(subject.code), key: keyer.reportSubject(subject.code) };
}
