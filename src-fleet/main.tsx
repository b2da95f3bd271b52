// The fleet view's entry: served by the platform at /fleet/, talking only to its /v1/fleet API.
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-700.css';
import '@fontsource/noto-sans-sc/latin-400.css';
import '@fontsource/noto-sans-sc/latin-700.css';
import '../src-renderer/styles/tokens.css';
import './fleet.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FleetApp } from './FleetApp';
import { initFleetI18n } from './i18n';

initFleetI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FleetApp />
  </StrictMode>,
);
