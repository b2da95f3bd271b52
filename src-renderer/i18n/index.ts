// i18next set up once for the screens: zh-CN first, English complete.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn } from '../admin/i18n/en';
import { adminZhCN } from '../admin/i18n/zh-CN';
import { staffEn } from '../staff/i18n/en';
import { staffZhCN } from '../staff/i18n/zh-CN';
import { faceEn } from '../face/i18n/en';
import { faceZhCN } from '../face/i18n/zh-CN';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function initI18n(language: Language = 'zh-CN'): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: { ...zhCN, staff: staffZhCN, admin: adminZhCN, face: faceZhCN } }, en: { translation: { ...en, staff: staffEn, admin: adminEn, face: faceEn } } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
