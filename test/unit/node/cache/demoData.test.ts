// The embedded demo: every code valid, every case the kiosk demonstrates present.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResidentId } from '../../../../src-main/common/codes/residentId';
import { validateSubjectCode } from '../../../../src-main/common/codes/subjectCode';
import { checkUscc } from '../../../../src-main/common/codes/uscc';
import { isCardExpired } from '../../../../src-main/common/domain/idCard';
import { SUBJECT_KINDS } from '../../../../src-main/common/domain/subject';
import { publicVisibility } from '../../../../src-main/common/rules/disclosurePolicy';
import { readDemoCards, readDemoData, resolveDemoSubjects } from '../../../../src-main/node/cache/demoData';

const DEMO_DIR = path.resolve(__dirname, '../../../../resources/demo');
const { data } = readDemoData(DEMO_DIR);
const cards = readDemoCards(DEMO_DIR);
const NOW = new Date('2026-05-15T00:00:00Z');
const TODAY = '2026-05-15';

describe('demo-data.json', () => {
  it('has valid check characters in every code', () => {
    for (const { subject } of data.subjects) {
      const v = validateSubjectCode(subject.code);
      expect(v.valid, `${subject.id} ${subject.code}`).toBe(true);
      expect(v.kind).toBe(subject.kind === 'natural-person' ? 'resident-id' : 'uscc');
      if (subject.legalRepresentativeIdNumber) expect(checkResidentId(subject.legalRepresentativeIdNumber).valid).toBe(true);
      for (const former of subject.formerCodes) expect(former).toMatch(/^\d{15}$/);
    }
  });

  it('holds every kind of subject, two of the enterprises and the natural persons', () => {
    const kinds = data.subjects.map((s) => s.subject.kind);
    for (const kind of SUBJECT_KINDS) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'enterprise').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'natural-person').length).toBeGreaterThanOrEqual(2);
    const ids = data.subjects.flatMap((s) => [s.subject.id, ...s.records.map((r) => r.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names a demo person as the legal representative of a demo enterprise', () => {
    const people = data.subjects.filter((s) => s.subject.kind === 'natural-person').map((s) => s.subject);
    const represented = data.subjects.filter((s) => people.some((p) => p.name === s.subject.legalRepresentative && p.code === s.subject.legalRepresentativeIdNumber));
    expect(represented.map((s) => s.subject.id)).toEqual(['demo-s-qinghe']);
  });

  it('keeps its disclosure cases whatever day it is loaded', () => {
    for (const now of [NOW, new Date('2031-01-01T00:00:00Z'), new Date('2040-07-01T00:00:00Z')]) {
      const today = now.toISOString().slice(0, 10);
      const records = resolveDemoSubjects(data, now).flatMap((s) => s.records);
      const vis = (id: string) => publicVisibility(records.find((r) => r.id === id)!, today);
      expect(vis('demo-r-qinghe-pen-current')).toEqual({ visible: true });
      expect(vis('demo-r-qinghe-pen-expired')).toEqual({ visible: false, reason: 'past-deadline' });
      expect(vis('demo-r-dingsheng-pen-repaired')).toEqual({ visible: false, reason: 'repaired' });
      expect(vis('demo-r-qinghe-honour-1')).toEqual({ visible: true });
      expect(vis('demo-r-dingsheng-sd-1')).toEqual({ visible: true });
      expect(records.find((r) => r.id === 'demo-r-qinghe-honour-1')?.category).toBe('honour');
    }
  });
});

describe('cards.json', () => {
  const byId = new Map(cards.map((c) => [c.id, c]));

  it('has valid numbers on every card', () => {
    for (const card of cards) {
      expect(card.label).toMatch(/[\u4e00-\u9fff]/);
      if (card.type === 'foreign-permanent-2017') continue;
      expect(checkResidentId(card.idNumber).valid, card.id).toBe(card.idNumberValid);
      expect(card.birthDate.replace(/-/g, '')).toBe(card.idNumber.slice(6, 14));
      expect(Number(card.idNumber[16]) % 2 === 1 ? '1' : '2').toBe(card.sexCode);
    }
    expect(checkUscc('91370303MA3C7K2P1R').valid).toBe(true);
  });

  it("holds the persons' cards, an HMT permit and a 2023 foreign card not in the data, and an expired card", () => {
    const people = new Map(data.subjects.filter((s) => s.subject.kind === 'natural-person').map((s) => [s.subject.code, s.subject.name]));
    expect(people.get(byId.get('card-lin')!.idNumber)).toBe(byId.get('card-lin')!.name);
    expect(people.get(byId.get('card-zhou')!.idNumber)).toBe(byId.get('card-zhou')!.name);
    expect(byId.get('card-hmt')?.type).toBe('hmt-residence-permit');
    expect(people.has(byId.get('card-hmt')!.idNumber)).toBe(false);
    expect(byId.get('card-foreign-2023')?.type).toBe('foreign-permanent-2023');
    expect(byId.get('card-foreign-2023')?.idNumber.startsWith('9')).toBe(true);
    expect(isCardExpired(byId.get('card-lin-expired')!, TODAY)).toBe(true);
    for (const id of ['card-lin', 'card-zhou', 'card-hmt', 'card-foreign-2023']) expect(isCardExpired(byId.get(id)!, TODAY), id).toBe(false);
  });
});
