// The self-service kiosk: one reducer for the journey, one KioskApi for everything
// outside the screen.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskEvent } from '../src-main/common/contract/events';
import type { KioskApi } from '../src-main/common/contract/kioskApi';
import { DemoPanel } from './components/DemoPanel';
import { setDisplayTimeZone } from './components/formatTime';
import { IdleCountdown, useInactivity } from './components/IdleCountdown';
import { AdminConsole } from './admin/AdminConsole';
import { AdminSignIn } from './admin/AdminSignIn';
import { useHeldEvents } from './admin/useHeldEvents';
import { useHiddenGesture } from './admin/useHiddenGesture';
import { StatusBar } from './components/StatusBar';
import { useVoicePrompt } from './components/useVoicePrompt';
import { CommitmentJourney } from './commitment/CommitmentJourney';
import { ConsentScreen } from './screens/ConsentScreen';
import { FaceScreen } from './face/FaceScreen';
import { warmFaceEngineLater } from './face/faceEngine';
import { DoneScreen } from './screens/DoneScreen';
import { EnterpriseScreen } from './screens/EnterpriseScreen';
import { ErrorScreen } from './screens/ErrorScreen';
import { IdleScreen, type CardService } from './screens/IdleScreen';
import { OperatorSetupScreen, useOperatorNotice } from './screens/OperatorSetupScreen';
import { PrintingScreen } from './screens/PrintingScreen';
import { ReaderUnavailableScreen } from './screens/ReaderUnavailableScreen';
import { ReadingScreen } from './screens/ReadingScreen';
import { ReportPreviewScreen } from './screens/ReportPreviewScreen';
import { SummaryScreen } from './screens/SummaryScreen';
import { TakeCardScreen } from './screens/TakeCardScreen';
import { initialState, kioskReducer, type CitizenService } from './state/kioskState';
import { missedSessionEvent } from './state/sessionReconcile';
import { citizenServiceAction } from './face/citizenServiceStep';
import { ObjectionScreen } from './citizen/ObjectionScreen';
import { RepairScreen } from './repair/RepairScreen';
import { ReportCheckScreen } from './citizen/ReportCheckScreen';
import type { StaffSessionView } from '../src-main/common/contract/staffViews';
import type { ReportEdition } from '../src-main/common/report/reportModel';

const STATUS_POLL_MS = 15_000;

export function App({ api }: { api: KioskApi }) {
  const { t, i18n } = useTranslation();
  const [state, dispatch] = useReducer(kioskReducer, undefined, () => initialState());
  // React keeps the previous render's state beside the current one until it renders again.
  // When a session ends, render once more, so no copy of the person's summary stays in memory.
  useEffect(() => {
    if (state.session === null) dispatch({ type: 'scrub' });
  }, [state.session]);
  const [printing, setPrinting] = useState(false);
  const sessionId = state.session?.id ?? null;
  const info = state.devices.info;
  // The service chosen on the idle menu before the card: it decides where the session opens.
  const [service, setService] = useState<CardService | null>(null);

  const [admin, setAdmin] = useState<'closed' | 'sign-in' | StaffSessionView>('closed');
  // A card placed while the admin console is open waits until it closes.
  const hold = useHeldEvents(admin !== 'closed');
  const holding = useRef(false);
  // What the screen has met, to re-read the service's state against (sessionReconcile.ts).
  const shownSession = useRef<string | null>(null);
  useEffect(() => {
    holding.current = admin !== 'closed';
    shownSession.current = sessionId;
  }, [admin, sessionId]);
  const seenSessions = useRef(new Set<string>());
  const eventsReceived = useRef(0);

  const receive = useCallback(
    (event: KioskEvent) => {
      eventsReceived.current += 1;
      if (event.type === 'card-inserted') {
        seenSessions.current.add(event.session.id);
        performance.clearMarks();
        performance.clearMeasures();
        performance.mark('card-event');
      }
      dispatch({ type: 'event', event });
      // A sync may have brought fleet configuration (idle times, issuer): read the info again.
      if (event.type === 'sync-result') void api.getInfo({}).then((r) => r.ok && dispatch({ type: 'info', info: r.value }));
    },
    [api],
  );

  // The status answer carries the service's current session: a card event the screen
  // missed (a stream that connected late or dropped) is made good from it.
  const refreshStatus = useCallback(async () => {
    const before = eventsReceived.current;
    const status = await api.getStatus({});
    if (!status.ok) return;
    dispatch({ type: 'status', reader: status.value.reader, printer: status.value.printer, dataAsOf: status.value.data.dataAsOf });
    if (holding.current) return;
    const missed = missedSessionEvent({ shown: shownSession.current, current: status.value.session, seen: seenSessions.current, quiet: eventsReceived.current === before });
    if (missed) receive(missed);
  }, [api, receive]);

  useEffect(() => {
    const unsubscribe = api.subscribe(hold(receive), () => void refreshStatus());
    void api.getInfo({}).then((r) => {
      if (!r.ok) return;
      setDisplayTimeZone(r.value.timeZone);
      dispatch({ type: 'info', info: r.value });
    });
    void refreshStatus();
    const timer = setInterval(() => void refreshStatus(), STATUS_POLL_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [api, refreshStatus, hold, receive]);

  // Asked-for summaries: the holder's own, or an enterprise they represent (in the edition chosen for it).
  const viewing = state.viewing;
  const edition = state.edition;
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (state.screen !== 'reading' || !sessionId) return;
    const key = `${sessionId}:${viewing.kind === 'self' ? 'self' : viewing.uscc}`;
    if (asked.current === key) return;
    asked.current = key;
    const answer = viewing.kind === 'self' ? api.lookupSelf({ sessionId }) : api.lookupEnterprise({ sessionId, uscc: viewing.uscc });
    void answer.then((r) => {
      asked.current = null;
      dispatch(r.ok ? { type: 'summary-loaded', sessionId, summary: r.value } : { type: 'failed', sessionId, code: r.error.code });
    });
  }, [api, state.screen, sessionId, viewing]);

  // Whether the holder represents an enterprise decides whether that lookup is offered at all.
  const consented = sessionId !== null && state.screen !== 'consent' && state.screen !== 'error';
  const canRepresent = state.session?.holder.cardType === 'resident';
  useEffect(() => {
    if (!sessionId || !consented || !canRepresent || state.enterprises !== null) return;
    void api.listMyEnterprises({ sessionId }).then((r) => dispatch({ type: 'enterprises-loaded', sessionId, enterprises: r.ok ? r.value : [] }));
  }, [api, sessionId, consented, canRepresent, state.enterprises]);

  useEffect(() => {
    // Figures for the e2e run: card event → consent screen, and consent → summary
    // (the person's own reading time in between is not the kiosk's).
    if (state.screen === 'consent') {
      performance.mark('consent-shown');
      performance.measure('card-to-consent', 'card-event', 'consent-shown');
    }
    if (state.screen === 'summary' && performance.getEntriesByName('consent-to-summary').length === 0 && performance.getEntriesByName('consent-given').length > 0) {
      performance.mark('summary-shown');
      performance.measure('consent-to-summary', 'consent-given', 'summary-shown');
    }
  }, [state.screen]);

  const print = useCallback(async () => {
    if (!sessionId) return;
    setPrinting(true);
    dispatch({ type: 'print-requested', sessionId });
    const r = await api.printReport(viewing.kind === 'self' ? { sessionId } : { sessionId, uscc: viewing.uscc, edition });
    setPrinting(false);
    dispatch(r.ok ? { type: 'print-started', sessionId, job: r.value } : { type: 'print-refused', sessionId, code: r.error.code });
    // A refusal may be the printer's news before the status poll's: ask now.
    if (!r.ok) void refreshStatus();
  }, [api, sessionId, viewing, edition, refreshStatus]);

  const preview = useCallback(async () => {
    if (!sessionId) return;
    const r = await api.previewReport(viewing.kind === 'self' ? { sessionId } : { sessionId, uscc: viewing.uscc, edition });
    dispatch(r.ok ? { type: 'preview-loaded', sessionId, model: r.value } : { type: 'failed', sessionId, code: r.error.code });
  }, [api, sessionId, viewing, edition]);

  // What a citizen signs has its own face check ('citizen-service'): the step for it first where due.
  const openCitizenService = useCallback(
    async (then: CitizenService) => {
      if (sessionId) dispatch(await citizenServiceAction(api, sessionId, then));
    },
    [api, sessionId],
  );

  const finish = useCallback(
    (reason: 'user' | 'idle') => {
      if (sessionId) void api.endSession({ sessionId, reason });
      dispatch({ type: 'reset' });
    },
    [api, sessionId],
  );

  // Models load after the start screen is up, so the face step is ready by the time a card is read.
  const faceCheck = info?.faceCheck === true;
  const faceEngine = info?.faceEngine;
  useEffect(() => {
    if (faceCheck) warmFaceEngineLater(faceEngine);
  }, [faceCheck, faceEngine]);

  const inSession = sessionId !== null && ['consent', 'face', 'summary', 'enterprise', 'preview', 'error', 'done', 'objection', 'commitment', 'repair'].includes(state.screen);
  const [idle, resetIdle] = useInactivity(inSession, info?.idleSeconds ?? 60, sessionId);
  const onExpire = useCallback(() => finish('idle'), [finish]);
  const backToIdle = useCallback(() => dispatch({ type: 'reset' }), []);
  const closeVerify = useCallback(() => dispatch({ type: 'close-verify' }), []);
  const openEnterprise = useCallback((uscc: string) => dispatch({ type: 'view', viewing: { kind: 'enterprise', uscc } }), []);

  const [largeText, setLargeText] = useState(false);
  const [highContrast, setHighContrast] = useState(false);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
    document.documentElement.classList.toggle('high-contrast', highContrast);
  }, [largeText, highContrast]);

  // What one person set for themselves (language, 大字, 高对比, the chosen service, where
  // they had scrolled) ends with their session: the next person starts from the kiosk's defaults.
  const previousSession = useRef<string | null>(null);
  useEffect(() => {
    const previous = previousSession.current;
    previousSession.current = sessionId;
    if (previous === null || previous === sessionId) return;
    setLargeText(false);
    setHighContrast(false);
    setService(null);
    if (i18n.language !== 'zh-CN') void i18n.changeLanguage('zh-CN');
    for (const el of document.querySelectorAll('.screen-body, .screen')) el.scrollTop = 0;
    window.scrollTo(0, 0);
  }, [sessionId, i18n]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);

  useVoicePrompt(state.screen, i18n.language, info?.voiceVolume ?? 0);

  const closeAdmin = useCallback(() => setAdmin('closed'), []);
  const openAdmin = useHiddenGesture(useCallback(() => setAdmin((a) => (a === 'closed' ? 'sign-in' : a)), []));

  const readerDown = state.screen === 'idle' && state.devices.reader !== null && state.devices.reader.state !== 'connected';
  const printerDown = state.devices.printer?.state === 'unavailable';
  // Not configured, or production with no data yet: the operator's screen, not the citizen's.
  const operatorNotice = useOperatorNotice(api, info);
  if (operatorNotice) return <OperatorSetupScreen api={api} notice={operatorNotice} adminIdleSeconds={info?.adminIdleSeconds ?? 120} />;

  return (
    <div className="kiosk" data-screen={state.screen}>
      <header className="top-bar">
        {/* Five taps here open the admin console (useHiddenGesture). */}
        <span className="app-title" onClick={openAdmin} data-testid="app-title">
          {t('app.title')}
        </span>
        {info && <span className="issuer">{info.issuer}</span>}
      </header>
      {info?.mode === 'demo' ? <DemoPanel api={api} /> : <div aria-hidden="true" />}
      {state.screen === 'idle' && (readerDown ? <ReaderUnavailableScreen /> : <IdleScreen chosen={service} onChoose={setService} onVerify={() => dispatch({ type: 'open-verify' })} />)}
      {state.screen === 'verify-report' && <ReportCheckScreen api={api} onBack={closeVerify} />}
      {state.screen === 'take-card' && <TakeCardScreen />}
      {state.screen === 'consent' && state.session && (
        <ConsentScreen
          session={state.session}
          issuer={info?.issuer ?? ''}
          faceCheck={faceCheck}
          onAgree={() => {
            performance.mark('consent-given');
            if (sessionId) dispatch({ type: 'consented', sessionId, then: service === 'enterprise' || service === 'certificate' ? service : 'self' });
          }}
          onCancel={() => finish('user')}
        />
      )}
      {state.screen === 'face' && sessionId && (
        <FaceScreen
          api={api}
          sessionId={sessionId}
          fn={state.faceThen ? 'citizen-service' : viewing.kind === 'self' ? 'self' : 'enterprise'}
          voiceVolume={info?.voiceVolume ?? 0}
          onPassed={() => dispatch({ type: 'face-passed', sessionId })}
          onFinish={() => finish('user')}
        />
      )}
      {state.screen === 'reading' && <ReadingScreen />}
      {state.screen === 'summary' && state.summary && (
        <SummaryScreen
          summary={state.summary}
          viewingEnterprise={state.summaryViewing.kind === 'enterprise'}
          enterprise={!canRepresent || state.enterprises === null ? 'hidden' : state.enterprises.length > 0 ? 'offer' : 'none'}
          printerDown={printerDown}
          refusal={state.printRefusal}
          {...(state.summaryViewing.kind === 'enterprise' && { edition: { chosen: edition, onChoose: (e: ReportEdition) => dispatch({ type: 'choose-edition', edition: e }) } })}
          onPrint={() => void print()}
          onPreview={() => void preview()}
          onEnterprise={() => dispatch({ type: 'choose-enterprise' })}
          onCommitment={() => void openCitizenService('commitment')}
          onBackToSelf={() => dispatch({ type: 'view', viewing: { kind: 'self' } })}
          onFinish={() => finish('user')}
          onObjection={() => void openCitizenService('objection')}
          onRepair={() => void openCitizenService('repair')}
          busy={printing}
        />
      )}
      {state.screen === 'objection' && state.summary && sessionId && (
        <ObjectionScreen
          api={api}
          sessionId={sessionId}
          {...(state.summaryViewing.kind === 'enterprise' && { uscc: state.summaryViewing.uscc })}
          summary={state.summary}
          voiceVolume={info?.voiceVolume ?? 0}
          onClose={() => dispatch({ type: 'close-objection' })}
        />
      )}
      {state.screen === 'repair' && state.summary && sessionId && (
        <RepairScreen
          api={api}
          sessionId={sessionId}
          {...(state.summaryViewing.kind === 'enterprise' && { uscc: state.summaryViewing.uscc })}
          summary={state.summary}
          voiceVolume={info?.voiceVolume ?? 0}
          onClose={() => dispatch({ type: 'close-repair' })}
        />
      )}
      {state.screen === 'preview' && state.preview && (
        <ReportPreviewScreen
          model={state.preview}
          onPrint={() => void print()}
          onBack={() => dispatch({ type: 'close-preview' })}
          busy={printing}
          printerDown={printerDown}
          printsLeft={state.summary?.printsLeftToday}
          refusal={state.printRefusal}
        />
      )}
      {state.screen === 'commitment' && sessionId && state.summary && (
        <CommitmentJourney
          api={api}
          sessionId={sessionId}
          {...(state.summaryViewing.kind === 'enterprise' && { uscc: state.summaryViewing.uscc })}
          subjectName={state.summary.subject.name}
          onBack={() => dispatch({ type: 'close-commitment' })}
          voiceVolume={info?.voiceVolume ?? 0}
        />
      )}
      {state.screen === 'enterprise' && sessionId && (
        <EnterpriseScreen choices={state.enterprises} onOpen={openEnterprise} onBack={() => dispatch({ type: 'view', viewing: { kind: 'self' } })} />
      )}
      {state.screen === 'printing' && <PrintingScreen job={state.job} onBack={sessionId ? () => dispatch({ type: 'back-to-summary' }) : null} />}
      {state.screen === 'done' && (
        <DoneScreen
          job={state.job}
          demo={info?.mode === 'demo'}
          inSession={sessionId !== null}
          onTimeout={backToIdle}
          onBack={() => dispatch({ type: 'back-to-summary' })}
          onFinish={() => finish('user')}
        />
      )}
      {state.screen === 'error' && state.error && <ErrorScreen code={state.error} onDismiss={() => (state.session && !state.summary && viewing.kind === 'self' ? finish('user') : dispatch({ type: 'dismiss-error' }))} />}
      {admin === 'sign-in' && <AdminSignIn api={api} idleSeconds={info?.adminIdleSeconds ?? 120} onSignedIn={setAdmin} onCancel={closeAdmin} />}
      {typeof admin === 'object' && <AdminConsole api={api} session={admin} onClose={closeAdmin} />}
      {idle && <IdleCountdown seconds={info?.countdownSeconds ?? 20} onContinue={resetIdle} onExpire={onExpire} />}
      <StatusBar
        devices={state.devices}
        onToggleLanguage={() => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN')}
        largeText={largeText}
        highContrast={highContrast}
        onToggleLargeText={() => setLargeText((v) => !v)}
        onToggleHighContrast={() => setHighContrast((v) => !v)}
      />
    </div>
  );
}
