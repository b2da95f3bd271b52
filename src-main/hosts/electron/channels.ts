// IPC channel names shared by the preload and the main-process bridge.
export const KIOSK_CALL_CHANNEL = 'kiosk:call';
export const KIOSK_EVENT_CHANNEL = 'kiosk:event';
