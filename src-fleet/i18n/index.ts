// i18next for the fleet view: zh-CN first, English complete.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fleetEn } from './en';
import { fleetZhCN } from './zh-CN';

export function initFleetI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: fleetZhCN }, en: { translation: fleetEn } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
