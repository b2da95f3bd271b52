// The one permission the screens may get: the kiosk's camera (video only, never the
// microphone, never a screen), for the kiosk's own origin, and only while the
// services have a face step open (KioskRuntime.cameraAllowed). Everything else is refused.
import { isAppUrl } from './origin';

export interface MediaRequestDetails {
  requestingUrl?: string;
  securityOrigin?: string;
  /** Request: what the page asks for. */
  mediaTypes?: readonly string[];
  /** Check: what the page asks about. */
  mediaType?: string;
}

/** For setPermissionRequestHandler: true only for a video-only request from app://kiosk during a face step. */
export function grantsCamera(permission: string, details: MediaRequestDetails | undefined, cameraAllowed: () => boolean): boolean {
  if (permission !== 'media' || !details) return false;
  const types = details.mediaTypes ?? [];
  if (types.length === 0 || !types.every((t) => t === 'video')) return false;
  return fromApp(details.requestingUrl, details.securityOrigin) && cameraAllowed();
}

/** For setPermissionCheckHandler: the same rule, asked about one media type. */
export function cameraCheck(permission: string, requestingOrigin: string, details: MediaRequestDetails | undefined, cameraAllowed: () => boolean): boolean {
  if (permission !== 'media' || details?.mediaType !== 'video') return false;
  return isAppUrl(requestingOrigin) && fromApp(details.requestingUrl, details.securityOrigin) && cameraAllowed();
}

function fromApp(requestingUrl: string | undefined, securityOrigin: string | undefined): boolean {
  // Both, where given, must be ours: a frame of another origin inside ours is not the kiosk.
  return isAppUrl(requestingUrl) && (securityOrigin === undefined || isAppUrl(securityOrigin));
}
