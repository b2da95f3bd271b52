// Realistic synthetic credit data at scale, for benchmarks, load tests and
// `credit-kiosk gen-data`: Chinese names and addresses, codes with valid check
// characters, a plausible mix of subject kinds, record categories and statuses.
// Deterministic: subject i depends only on (seed, i, today), so a bench can
// recompute any subject's code without keeping a list. Streamed: one subject at a time.
import { residentIdCheckChar } from '../../common/codes/residentId';
import { USCC_CHARSET, usccCheckChar } from '../../common/codes/uscc';
import type { CreditRecord, RecordCategory, RecordStatus, Severity } from '../../common/domain/creditRecord';
import type { SubjectKind } from '../../common/domain/subject';
import { PENALTY_FIELDS } from '../../common/report/reportModel';
import { addMonths, toIsoDate } from '../../common/time/isoDate';
import type { SubjectBundle } from './cacheWriter';

export interface SyntheticOptions {
  /** How many subjects (default 1,000,000). */
  count?: number;
  seed?: number;
  /** Mean records per subject (default 20; each subject gets 50%–150% of it). */
  recordsPerSubject?: number;
  /** The date records are placed around (default: today), so disclosure periods come out mixed. */
  today?: string;
  dataVersion?: number;
  /** First index (to resume or shard). */
  start?: number;
}

export const DEFAULT_SYNTHETIC_SUBJECTS = 1_000_000;

/** mulberry32: small, fast, good enough for test data (not for anything secret). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function subjectSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function weighted<T extends string>(r: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
}

// Shandong cities and districts with their division codes (GB/T 2260).
const AREAS = [
  ['370302', '淄博市', '淄川区'], ['370303', '淄博市', '张店区'], ['370304', '淄博市', '博山区'], ['370305', '淄博市', '临淄区'],
  ['370306', '淄博市', '周村区'], ['370321', '淄博市', '桓台县'], ['370402', '枣庄市', '市中区'], ['370403', '枣庄市', '薛城区'],
  ['370404', '枣庄市', '峄城区'], ['370405', '枣庄市', '台儿庄区'], ['370406', '枣庄市', '山亭区'], ['370481', '枣庄市', '滕州市'],
  ['370102', '济南市', '历下区'], ['370202', '青岛市', '市南区'], ['370602', '烟台市', '芝罘区'], ['370702', '潍坊市', '潍城区'],
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '欧阳', '司马'];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文玉珍国辉红梅志鹏晓东海波雪琳欣怡子涵浩宇思雨俊博嘉一诺佳瑶梓轩宏亮春燕立新'.split('');
const TRADE = '华鑫瑞泰恒宏盛达兴隆昌源丰祥和佳德信诚宇通利富康顺安金银聚鼎汇嘉润博创新远航正方圆海天晟联众力旺长荣永凯齐鲁泉山'.split('');
const INDUSTRIES = ['科技', '建材', '商贸', '机械制造', '化工', '食品', '物流', '陶瓷', '医药', '纺织', '建筑工程', '餐饮管理', '电子', '新材料', '环保科技', '农业发展', '汽车销售', '房地产开发', '信息技术', '装饰工程'];
const FORMS = [['有限公司', 6], ['有限责任公司', 2], ['股份有限公司', 1]] as const;
const SHOPS = ['便利店', '面馆', '五金店', '理发店', '水果店', '超市', '烧烤店', '服装店', '维修部', '副食店', '药店', '洗车行', '快餐店', '烟酒店', '建材经营部'];
const NON_ENTERPRISES = ['第一中学', '实验小学', '社区卫生服务中心', '中心卫生院', '社会工作服务中心', '养老服务中心', '职业培训学校', '行业协会', '文化馆', '幼儿园'];
const ROADS = ['人民路', '中心路', '共青团路', '新村路', '柳泉路', '华光路', '北京路', '光明路', '解放路', '建设路', '文化路', '和平路', '泰山路', '黄河路'];
const ENTITY_TYPES: Record<SubjectKind, string> = {
  enterprise: '有限责任公司（自然人投资或控股）',
  'individual-business': '个体工商户',
  'non-enterprise-legal-person': '事业单位',
  'natural-person': '',
};

const KIND_WEIGHTS = [['individual-business', 35], ['enterprise', 30], ['natural-person', 30], ['non-enterprise-legal-person', 5]] as const;

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [RecordCategory, number]> = [
  ['licence', 34], ['penalty', 15], ['admin-other', 10], ['commitment', 8], ['honour', 6], ['evaluation', 5], ['compliance', 4],
  ['qualification', 3], ['contract', 3], ['judicial', 3], ['abnormal-operation', 3], ['enforcement', 2], ['intellectual-property', 1],
  ['serious-dishonesty', 1], ['watch-list', 1], ['voluntary', 1],
];
const PERSON_CATEGORIES: ReadonlyArray<readonly [RecordCategory, number]> = [
  ['qualification', 25], ['commitment', 20], ['penalty', 20], ['honour', 10], ['judicial', 10], ['contract', 8], ['serious-dishonesty', 4], ['evaluation', 3],
];
const TITLES: Partial<Record<RecordCategory, readonly string[]>> = {
  licence: ['食品经营许可证', '营业执照变更登记', '排污许可证', '建筑施工许可证', '道路运输经营许可证', '危险化学品经营许可证', '卫生许可证', '特种设备使用登记'],
  penalty: ['未按规定公示年度报告', '销售不合格产品', '违反安全生产规定', '超标排放污染物', '无证经营', '虚假宣传', '违规占用消防车通道', '未按规定申报纳税'],
  honour: ['纳税信用A级纳税人', '守合同重信用企业', '市级文明单位', '海关高级认证企业', '诚信经营示范单位'],
  'serious-dishonesty': ['失信被执行人', '严重违法失信企业名单', '拖欠农民工工资失信联合惩戒对象'],
  'abnormal-operation': ['列入经营异常名录'],
  commitment: ['行政许可告知承诺', '信用修复承诺', '证明事项告知承诺'],
  evaluation: ['公共信用综合评价', '行业信用评价'],
  qualification: ['注册会计师', '执业医师', '一级建造师', '律师执业证', '教师资格'],
  judicial: ['民事判决', '执行案件'],
};
const AUTHORITIES = ['市场监督管理局', '行政审批服务局', '生态环境局', '应急管理局', '税务局', '住房和城乡建设局', '卫生健康局', '交通运输局', '人民法院'];

/** The area, birth date and sequence of person i, from a bijection of the index: distinct i, distinct ID numbers. */
const ID_SPACE = AREAS.length * 25_000 * 1000;
const USCC_SPACE = 31 ** 7;

function mix(index: number, seed: number, space: number): number {
  return Number(((BigInt(index) + BigInt(seed) * 7919n) * 2654435761n) % BigInt(space));
}

export function syntheticKindOf(index: number, seed = 1): SubjectKind {
  return weighted(rng(subjectSeed(seed, index) ^ 0x5bd1e995), KIND_WEIGHTS);
}

/** The code of subject i, without generating the rest of it (for benches and spot checks). */
export function syntheticCodeOf(index: number, seed = 1): string {
  const kind = syntheticKindOf(index, seed);
  if (kind === 'natural-person') {
    const x = mix(index, seed, ID_SPACE);
    const area = AREAS[x % AREAS.length]![0];
    const day = Math.floor(x / AREAS.length) % 25_000;
    const seq = Math.floor(x / (AREAS.length * 25_000));
    const birth = toIsoDate(new Date(Date.UTC(1940, 0, 1) + day * 86_400_000)).replace(/-/g, '');
    const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  }
  const prefix = kind === 'enterprise' ? '91' : kind === 'individual-business' ? '92' : '12';
  let x = mix(index, seed, USCC_SPACE);
  let org = '';
  for (let i = 0; i < 7; i++) {
    org = USCC_CHARSET[x % 31]! + org;
    x = Math.floor(x / 31);
  }
  const area = AREAS[index % AREAS.length]![0];
  // 'MA' + 7 distinct-per-index characters: the organisation code part (GB 11714) of newer registrations.
  const first17 = `${prefix}${area}MA${org}`;
  return first17 + usccCheckChar(first17)!;
}

function personName(r: () => number): string {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.7 ? pick(r, GIVEN) : '');
}

function subjectAt(index: number, seed: number, options: Required<Pick<SyntheticOptions, 'recordsPerSubject' | 'today' | 'dataVersion'>>): SubjectBundle {
  const r = rng(subjectSeed(seed, index));
  const kind = syntheticKindOf(index, seed);
  const code = syntheticCodeOf(index, seed);
  const [areaCode, city, district] = AREAS[index % AREAS.length]!;
  const address = `山东省${city}${district}${pick(r, ROADS)}${1 + Math.floor(r() * 300)}号`;
  const trade = pick(r, TRADE) + pick(r, TRADE);
  const id = `syn-${seed}-${index}`;
  const established = toIsoDate(new Date(Date.UTC(1995, 0, 1) + Math.floor(r() * 10_500) * 86_400_000));
  let name: string;
  switch (kind) {
    case 'natural-person':
      name = personName(r);
      break;
    case 'enterprise':
      name = `${city.slice(0, 2)}${trade}${pick(r, INDUSTRIES)}${weighted(r, FORMS)}`;
      break;
    case 'individual-business':
      name = `${district}${trade}${pick(r, SHOPS)}`;
      break;
    case 'non-enterprise-legal-person':
      name = `${city}${district}${r() < 0.5 ? trade : ''}${pick(r, NON_ENTERPRISES)}`;
      break;
  }
  const org = kind !== 'natural-person';
  const formerCodes = kind === 'enterprise' && r() < 0.3 ? [`${areaCode}${String(mix(index, seed, 1e9)).padStart(9, '0')}`] : [];
  const subject: SubjectBundle['subject'] = {
    id,
    kind,
    code,
    formerCodes,
    name,
    address,
    ...(org && {
      legalRepresentative: personName(r),
      entityType: ENTITY_TYPES[kind],
      establishedOn: established,
      registrationAuthority: `${city}${district}${kind === 'non-enterprise-legal-person' ? '事业单位登记管理局' : '市场监督管理局'}`,
      registrationStatus: r() < 0.93 ? '存续' : '注销',
      ...(kind === 'enterprise' && { registeredCapital: `${(1 + Math.floor(r() * 100)) * 10}万元人民币` }),
    }),
  };
  const n = Math.max(1, Math.round(options.recordsPerSubject * (0.5 + r())));
  const records: CreditRecord[] = [];
  for (let j = 0; j < n; j++) records.push(recordAt(r, `${id}-${j}`, id, org ? CATEGORY_WEIGHTS : PERSON_CATEGORIES, city, district, options));
  return { subject, records };
}

function recordAt(
  r: () => number,
  id: string,
  subjectId: string,
  categories: ReadonlyArray<readonly [RecordCategory, number]>,
  city: string,
  district: string,
  options: { today: string; dataVersion: number },
): CreditRecord {
  const category = weighted(r, categories);
  const decisionDate = addMonths(options.today, -Math.floor(r() * 72));
  const authority = `${city}${district}${pick(r, AUTHORITIES)}`;
  const status = weighted<RecordStatus>(r, category === 'penalty' ? [['active', 85], ['repaired', 10], ['objection-pending', 3], ['revoked', 2]] : [['active', 97], ['revoked', 2], ['objection-pending', 1]]);
  const record: CreditRecord = {
    id,
    subjectId,
    category,
    title: pick(r, TITLES[category] ?? ['信用信息']),
    documentNumber: `${district.slice(0, 2)}${category === 'penalty' ? '罚' : '决'}〔${decisionDate.slice(0, 4)}〕${1 + Math.floor(r() * 999)}号`,
    authority,
    decisionDate,
    status,
    sourceDepartment: authority,
    dataVersion: options.dataVersion,
    fields: {},
  };
  if (category === 'penalty' || category === 'enforcement') {
    const severity = weighted<Severity>(r, [['minor', 30], ['ordinary', 60], ['serious', 10]]);
    record.severity = severity;
    if (r() < 0.7) record.disclosureDeadline = addMonths(decisionDate, severity === 'serious' ? 36 : severity === 'ordinary' ? 12 : 3);
    record.content = '罚款';
    // The bodies' codes derive from their names, so the random sequence (and every later record) stays as it was.
    const code = bodyCode(authority);
    record.fields = { 处罚类别: '罚款', '罚款金额（万元）': Math.round(r() * 500) / 100, [PENALTY_FIELDS.authorityCode]: code, [PENALTY_FIELDS.sourceCode]: code };
  } else if (category === 'licence' || category === 'honour' || category === 'abnormal-operation') {
    record.validFrom = decisionDate;
    record.validTo = addMonths(decisionDate, 12 * (1 + Math.floor(r() * 5)));
    if (category === 'licence') record.fields = { 许可类别: pick(r, ['01普通', '02特许', '03认可', '04核准', '05登记']) };
  }
  return record;
}

/** A government body's 统一社会信用代码 (11: 机关), made from its name with a valid check character. */
function bodyCode(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  const first17 = `11370300MB${String(h % 10_000_000).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

/** Subjects start…start+count−1, one at a time. */
export function* syntheticSubjects(options: SyntheticOptions = {}): Generator<SubjectBundle> {
  const count = options.count ?? DEFAULT_SYNTHETIC_SUBJECTS;
  const seed = options.seed ?? 1;
  const start = options.start ?? 0;
  const resolved = { recordsPerSubject: options.recordsPerSubject ?? 20, today: options.today ?? toIsoDate(new Date()), dataVersion: options.dataVersion ?? 1 };
  for (let i = start; i < start + count; i++) yield subjectAt(i, seed, resolved);
}
