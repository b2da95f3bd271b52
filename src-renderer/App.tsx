// The self-service kiosk: one reducer for the journey, one KioskApi for everything
// outside the screen.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../src-main/common/contract/kioskApi';
import { DemoPanel } from './components/DemoPanel';
import { IdleCountdown, useInactivity } from './components/IdleCountdown';
import { StatusBar } from './components/StatusBar';
import { DoneScreen } from './screens/DoneScreen';
import { ErrorScreen } from './screens/ErrorScreen';
import { IdleScreen } from './screens/IdleScreen';
import { PrintingScreen } from './screens/PrintingScreen';
import { ReadingScreen } from './screens/ReadingScreen';
import { SummaryScreen } from './screens/SummaryScreen';
import { initialState, kioskReducer } from './state/kioskState';

const STATUS_POLL_MS = 15_000;

export function App({ api }: { api: KioskApi }) {
  const { t, i18n } = useTranslation();
  const [state, dispatch] = useReducer(kioskReducer, undefined, () => initialState());
  const [printing, setPrinting] = useState(false);
  const sessionId = state.session?.id ?? null;
  const info = state.devices.info;

  const refreshStatus = useCallback(async () => {
    const status = await api.getStatus({});
    if (status.ok) dispatch({ type: 'status', reader: status.value.reader, printer: status.value.printer, dataAsOf: status.value.data.dataAsOf });
  }, [api]);

  useEffect(() => {
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'card-inserted') performance.mark('card-event');
      dispatch({ type: 'event', event });
    });
    void api.getInfo({}).then((r) => r.ok && dispatch({ type: 'info', info: r.value }));
    void refreshStatus();
    const timer = setInterval(() => void refreshStatus(), STATUS_POLL_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [api, refreshStatus]);

  // A new session: look the holder up at once.
  const looked = useRef<string | null>(null);
  useEffect(() => {
    if (state.screen !== 'reading' || !sessionId || looked.current === sessionId) return;
    looked.current = sessionId;
    void api.lookupSelf({ sessionId }).then((r) =>
      dispatch(r.ok ? { type: 'summary-loaded', sessionId, summary: r.value } : { type: 'failed', sessionId, code: r.error.code }),
    );
  }, [api, state.screen, sessionId]);

  useEffect(() => {
    if (state.screen === 'summary') {
      performance.mark('summary-shown');
      performance.measure('card-to-summary', 'card-event', 'summary-shown');
    }
  }, [state.screen]);

  const print = useCallback(async () => {
    if (!sessionId) return;
    setPrinting(true);
    dispatch({ type: 'print-requested', sessionId });
    const r = await api.printReport({ sessionId });
    setPrinting(false);
    dispatch(r.ok ? { type: 'print-started', sessionId, job: r.value } : { type: 'failed', sessionId, code: r.error.code });
  }, [api, sessionId]);

  const finish = useCallback(
    (reason: 'user' | 'idle') => {
      if (sessionId) void api.endSession({ sessionId, reason });
      dispatch({ type: 'reset' });
    },
    [api, sessionId],
  );

  const inSession = sessionId !== null && (state.screen === 'summary' || state.screen === 'error');
  const [idle, resetIdle] = useInactivity(inSession, info?.idleSeconds ?? 60);
  const onExpire = useCallback(() => finish('idle'), [finish]);
  const backToIdle = useCallback(() => dispatch({ type: 'reset' }), []);

  const toggleLanguage = () => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN');

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);

  return (
    <div className="kiosk" data-screen={state.screen}>
      <header className="top-bar">
        <span className="app-title">{t('app.title')}</span>
        {info && <span className="issuer">{info.issuer}</span>}
      </header>
      {state.screen === 'idle' && <IdleScreen />}
      {state.screen === 'reading' && <ReadingScreen />}
      {state.screen === 'summary' && state.summary && <SummaryScreen summary={state.summary} onPrint={() => void print()} onFinish={() => finish('user')} busy={printing} />}
      {state.screen === 'printing' && state.job && <PrintingScreen job={state.job} />}
      {state.screen === 'done' && <DoneScreen job={state.job} demo={info?.mode === 'demo'} onTimeout={backToIdle} />}
      {state.screen === 'error' && state.error && <ErrorScreen code={state.error} onDismiss={() => (state.session ? finish('user') : dispatch({ type: 'dismiss-error' }))} />}
      {idle && <IdleCountdown seconds={info?.countdownSeconds ?? 20} onContinue={resetIdle} onExpire={onExpire} />}
      {info?.mode === 'demo' && <DemoPanel api={api} />}
      <StatusBar devices={state.devices} onToggleLanguage={toggleLanguage} />
    </div>
  );
}
