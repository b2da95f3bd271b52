// How `npm run start:browser` starts Chromium so that it looks like a kiosk: no
// translate bar (the Translate feature is off; `--disable-translate` no longer
// works), and no warning bar about `--no-sandbox` on a public screen.

/**
 * @param {{ url: string, profile: string, fullscreen: boolean, uid: number | undefined, sudoUid?: string, sudoGid?: string }} o
 * @returns {{ args: string[], runAs: { uid: number, gid: number } | null }}
 */
export function chromiumLaunch({ url, profile, fullscreen, uid, sudoUid, sudoGid }) {
  const args = [
    `--app=${url}`,
    ...(fullscreen ? ['--kiosk'] : []),
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate',
    '--overscroll-history-navigation=0',
    // Voice prompts play without a touch first, as on the kiosk itself.
    '--autoplay-policy=no-user-gesture-required',
    '--window-size=1920,1080',
  ];
  if (uid !== 0) return { args, runAs: null };
  // Root cannot use Chromium's sandbox. Started through sudo: Chromium runs as the
  // person who asked, sandboxed.
  const runUid = Number(sudoUid);
  const runGid = Number(sudoGid);
  if (Number.isInteger(runUid) && runUid > 0 && Number.isInteger(runGid) && runGid > 0) return { args, runAs: { uid: runUid, gid: runGid } };
  // Root itself (a container, a service account): no sandbox, and --test-type keeps
  // Chromium from showing its "unsupported command-line flag" bar about it.
  return { args: [...args, '--no-sandbox', '--test-type'], runAs: null };
}
