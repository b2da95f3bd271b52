import { defineConfig } from 'vite';
import { browserPage } from './vite.config';

// The fleet view (src-fleet), served by the platform under /fleet/ (node/platform/fleetRoutes).
export default defineConfig(browserPage('src-fleet', 'fleet'));
