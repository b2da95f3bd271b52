// One card of each kind, with valid numbers, for the demo panel and tests.
// Names and addresses are invented.
import type { IdCard } from '../../../src-main/common/domain/idCard';

export const SAMPLE_RESIDENT_CARD: IdCard = {
  type: 'resident',
  name: '张三',
  sex: '女',
  sexCode: '2',
  nation: '汉',
  nationCode: '01',
  birthDate: '1949-12-31',
  address: '北京市朝阳区示例路1号',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  issuer: '北京市公安局朝阳分局',
  validFrom: '2015-01-01',
  validTo: '长期',
};

export const SAMPLE_HMT_CARD: IdCard = {
  type: 'hmt-residence-permit',
  name: '陈大文',
  sex: '男',
  sexCode: '1',
  birthDate: '1994-08-23',
  address: '香港特别行政区',
  idNumber: '810000199408230013',
  idNumberValid: true,
  issuer: '公安部出入境管理局',
  validFrom: '2019-03-01',
  validTo: '2024-03-01',
  passNumber: 'H12345678',
  issueCount: '01',
};

export const SAMPLE_FOREIGN_2017_CARD: IdCard = {
  type: 'foreign-permanent-2017',
  name: '史密斯',
  nameEn: 'SMITH, JOHN',
  sex: '男',
  sexCode: '1',
  birthDate: '1980-05-17',
  idNumber: 'USA370580051712',
  idNumberValid: true,
  issuer: '1100',
  validFrom: '2018-06-01',
  validTo: '2028-06-01',
  nationality: 'USA',
  cardVersion: '01',
};

export const SAMPLE_FOREIGN_2023_CARD: IdCard = {
  type: 'foreign-permanent-2023',
  name: '玛丽',
  nameEn: 'MARTIN, MARIE CLAIRE ANNE-SOPHIE ELISABETH',
  sex: '女',
  sexCode: '2',
  birthDate: '1990-02-14',
  idNumber: '937250199002140024',
  idNumberValid: true,
  validFrom: '2023-12-01',
  validTo: '2033-12-01',
  nationality: 'FRA',
  renewalCount: '00',
};

export const SAMPLE_CARDS: readonly IdCard[] = [SAMPLE_RESIDENT_CARD, SAMPLE_HMT_CARD, SAMPLE_FOREIGN_2017_CARD, SAMPLE_FOREIGN_2023_CARD];
