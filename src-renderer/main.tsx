// Renderer entry: find the KioskApi (Electron preload, or the web host's HTTP) and start.
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-700.css';
import '@fontsource/noto-sans-sc/latin-400.css';
import '@fontsource/noto-sans-sc/latin-700.css';
import './styles/tokens.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { KioskApi } from '../src-main/common/contract/kioskApi';
import { App } from './App';
import { StaffApp } from './staff/StaffApp';
import { initI18n } from './i18n';
import { createWebKioskApi, takeTokenFromLocation } from './transport/webKioskApi';

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

function resolveApi(): KioskApi | null {
  if (window.kiosk) return window.kiosk;
  const token = takeTokenFromLocation(window.location, window.history);
  return token ? createWebKioskApi(token) : null;
}

initI18n('zh-CN');
const root = createRoot(document.getElementById('root')!);
const api = resolveApi();

/** A counter workstation runs the staff screens; a self-service terminal the citizen's journey. */
async function start(api: KioskApi): Promise<void> {
  const info = await api.getInfo({});
  const station = info.ok ? info.value.station : 'self-service';
  root.render(<StrictMode>{station === 'counter' ? <StaffApp api={api} /> : <App api={api} />}</StrictMode>);
}

if (api) void start(api);
else
  root.render(
    <StrictMode>
      <main className="screen error" role="alert">
        <h1>无法连接到查询服务，请联系工作人员</h1>
        <p className="lead">The kiosk service is not reachable; please ask staff.</p>
      </main>
    </StrictMode>,
  );
