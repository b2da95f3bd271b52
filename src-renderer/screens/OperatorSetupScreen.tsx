// What a kiosk shows when it cannot serve citizens until an operator acts: a packaged
// build with no config file (what is missing and how to provide it), or a production
// kiosk with no data yet (sign in and import the first package). Never the demo.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { StaffSessionView } from '../../src-main/common/contract/staffViews';
import type { KioskInfo } from '../../src-main/common/contract/views';
import { AdminConsole } from '../admin/AdminConsole';
import { AdminSignIn } from '../admin/AdminSignIn';

export type OperatorNotice = NonNullable<KioskInfo['setup']> | { reason: 'no-data' };

const CHECK_MS = 5000;

/** The notice to show instead of the citizen's screens, or null when the kiosk can serve. */
export function useOperatorNotice(api: KioskApi, info: KioskInfo | null): OperatorNotice | null {
  const [noData, setNoData] = useState(false);
  const production = info?.mode === 'production' && !info.setup;
  useEffect(() => {
    if (!production) return;
    const check = () => void api.getStatus({}).then((r) => r.ok && setNoData(r.value.data.dataVersion === 0));
    check();
    const timer = setInterval(check, CHECK_MS);
    // An import ends with a sync result: look again at once rather than at the next tick.
    const off = api.subscribe((e) => e.type === 'sync-result' && check());
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api, production]);
  if (info?.setup) return info.setup;
  return production && noData ? { reason: 'no-data' } : null;
}

// Texts of this screen, zh-CN first and English complete; kept here so the screen is one file.
const TEXTS = {
  'zh-CN': {
    noConfigTitle: '本机尚未配置',
    noConfigBody: '未找到配置文件，本机不提供查询服务，也不会运行演示。请将配置文件放在下列位置，或用环境变量 CREDIT_KIOSK_CONFIG 指定其路径，然后重新启动本机：',
    noConfigNeeds: '配置文件须写明 "mode": "production"、kioskId（本机编号）与 issuer（出具机构），以及读卡器、打印机和同步设置；运维要求见 docs/security.md。',
    noDataTitle: '尚无信用数据',
    noDataBody: '本机为生产模式，尚未导入信用数据，暂不能提供查询。请管理员登录后从 U 盘导入数据包或立即同步。',
    signIn: '管理员登录并导入',
    language: 'English',
  },
  en: {
    noConfigTitle: 'This kiosk is not configured',
    noConfigBody: 'No configuration file was found, so the kiosk serves no lookups and does not run the demo. Place the configuration file here, or name its path in the environment variable CREDIT_KIOSK_CONFIG, then restart the kiosk:',
    noConfigNeeds: 'The file must state "mode": "production", kioskId (this kiosk’s number) and issuer (the issuing centre), with the reader, printer and sync settings; the operator’s duties are in docs/security.md.',
    noDataTitle: 'No credit data yet',
    noDataBody: 'This kiosk runs in production and has no credit data yet, so it cannot answer lookups. An operator must sign in and import a package from USB media or sync now.',
    signIn: 'Operator sign-in to import',
    language: '中文',
  },
} as const;

export function OperatorSetupScreen({ api, notice, adminIdleSeconds }: { api: KioskApi; notice: OperatorNotice; adminIdleSeconds: number }) {
  const { i18n } = useTranslation();
  const text = TEXTS[i18n.language === 'en' ? 'en' : 'zh-CN'];
  const [admin, setAdmin] = useState<'closed' | 'sign-in' | StaffSessionView>('closed');
  const language = (
    <button type="button" className="secondary" onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} data-testid="operator-language">
      {text.language}
    </button>
  );
  if (notice.reason === 'no-config') {
    return (
      <main className="screen error" data-testid="screen-operator-setup" data-reason="no-config" role="alert">
        <h1>{text.noConfigTitle}</h1>
        <p className="lead">{text.noConfigBody}</p>
        <ul>
          {notice.searched.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
        <p>{text.noConfigNeeds}</p>
        {language}
      </main>
    );
  }
  return (
    <main className="screen error" data-testid="screen-operator-setup" data-reason="no-data" role="alert">
      <h1>{text.noDataTitle}</h1>
      <p className="lead">{text.noDataBody}</p>
      <button type="button" className="primary" onClick={() => setAdmin('sign-in')} data-testid="operator-sign-in">
        {text.signIn}
      </button>
      {language}
      {admin === 'sign-in' && <AdminSignIn api={api} idleSeconds={adminIdleSeconds} onSignedIn={setAdmin} onCancel={() => setAdmin('closed')} />}
      {typeof admin === 'object' && <AdminConsole api={api} session={admin} onClose={() => setAdmin('closed')} />}
    </main>
  );
}
