// A subject as platform events name it: masked as on a public screen, and the keyed
// hash the report registry uses (so the platform can join checks and reports of one
// subject without ever holding a code in clear).
import type { z } from 'zod';
import type { EventSubject } from '../../common/platform/platformEvents';
import { maskIdNumber } from '../../common/rules/masking';
import type { SubjectKeyer } from '../keys/subjectKeyer';

export function eventSubject(keyer: Pick<SubjectKeyer, 'reportSubject'>, subject: { kind: string; code: string }): z.infer<typeof EventSubject> {
  return { kind: subject.kind === 'natural-person' ? 'person' : 'enterprise', maskedCode: maskIdNumber(subject.code.trim().toUpperCase()), key: keyer.reportSubject(subject.code) };
}
