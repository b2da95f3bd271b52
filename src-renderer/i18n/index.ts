// i18next set up once for the screens: zh-CN first, English complete.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn } from '../admin/i18n/en';
import { adminZhCN } from '../admin/i18n/zh-CN';
import { editionEn } from '../editions/i18n/en';
import { editionZhCN } from '../editions/i18n/zh-CN';
import { citizenEn } from '../citizen/i18n/en';
import { citizenZhCN } from '../citizen/i18n/zh-CN';
import { commitmentEn } from '../commitment/i18n/en';
import { commitmentZhCN } from '../commitment/i18n/zh-CN';
import { staffEn } from '../staff/i18n/en';
import { staffZhCN } from '../staff/i18n/zh-CN';
import { faceEn } from '../face/i18n/en';
import { faceZhCN } from '../face/i18n/zh-CN';
import { repairEn } from '../repair/i18n/en';
import { repairZhCN } from '../repair/i18n/zh-CN';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function initI18n(language: Language = 'zh-CN'): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: { ...zhCN, staff: staffZhCN, admin: adminZhCN, edition: editionZhCN, citizen: citizenZhCN, commitment: commitmentZhCN, face: faceZhCN, repair: repairZhCN } }, en: { translation: { ...en, staff: staffEn, admin: adminEn, edition: editionEn, citizen: citizenEn, commitment: commitmentEn, face: faceEn, repair: repairEn } } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
