// Device and data state, always visible: a person must know when the reader is unplugged.
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../state/kioskState';
import { formatDateTime } from './formatTime';

interface StatusBarProps {
  devices: DeviceState;
  onToggleLanguage: () => void;
  largeText: boolean;
  highContrast: boolean;
  onToggleLargeText: () => void;
  onToggleHighContrast: () => void;
}

export function StatusBar({ devices, onToggleLanguage, largeText, highContrast, onToggleLargeText, onToggleHighContrast }: StatusBarProps) {
  const { t } = useTranslation();
  const reader = devices.reader;
  const readerText =
    reader?.state === 'connected' ? t('status.readerConnected') : reader?.state === 'error' ? t('status.readerError') : t('status.readerDisconnected');
  const printer = devices.printer;
  const printerText = printer
    ? { idle: t('status.printerIdle'), printing: t('status.printerPrinting'), stopped: t('status.printerStopped'), unavailable: t('status.printerUnavailable') }[printer.state]
    : t('status.printerUnavailable');
  return (
    <footer className="status-bar" aria-label="status">
      <span className={`status-pill ${reader?.state === 'connected' ? 'ok' : 'bad'}`} data-testid="reader-status">
        {readerText}
      </span>
      <span className={`status-pill ${printer && (printer.state === 'idle' || printer.state === 'printing') ? 'ok' : 'bad'}`} data-testid="printer-status">
        {printerText}
      </span>
      {devices.dataAsOf && <span className="status-text">{t('status.dataAsOf', { time: formatDateTime(devices.dataAsOf) })}</span>}
      {devices.info?.mode === 'demo' && <span className="status-pill demo">{t('status.demo')}</span>}
      <span className="status-actions">
        <button type="button" className="toggle" aria-pressed={largeText} onClick={onToggleLargeText} data-testid="large-text-toggle">
          {t('a11y.largeText')}
        </button>
        <button type="button" className="toggle" aria-pressed={highContrast} onClick={onToggleHighContrast} data-testid="high-contrast-toggle">
          {t('a11y.highContrast')}
        </button>
      <button type="button" className="link-button" onClick={onToggleLanguage} data-testid="language-toggle">
        {t('app.language')}
      </button>
      </span>
    </footer>
  );
}
