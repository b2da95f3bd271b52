// The face step (人证比对) in Chromium with its fake camera fed from a file made of a
// sample face: the card holder passes, another person is refused, a still picture is
// refused as not live; with no camera, a camera refused, a camera that goes away mid-check
// or a model that cannot load the person is sent to the counter and sees no data. The
// kiosk runs its demo with the face check switched on for a person's own data.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { useKioskHost } from '../journeySteps';
import { cameraVideoPath, writeCameraVideo } from './cameraVideo';

// Loading the models on a busy 2-core machine takes seconds to tens of seconds: generous, never timed.
test.describe.configure({ timeout: 480_000 });

// Idle limits well beyond a slow model load, so only the face step decides how the session goes.
const FACE_ON = { faceCheck: { required: { self: true, enterprise: true, 'citizen-service': true }, maxTries: 2 }, session: { idleSeconds: 900, countdownSeconds: 20, maxSessionSeconds: 1800 } };
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader'];

/**
 * A browser of this spec's own (the camera flags are per launch, and only this spec
 * wants them): with the fake camera playing the file, or with no camera at all.
 */
async function openKiosk(camera: string | 'none' | 'denied' | 'no-face', viewport: { width: number; height: number } | null): Promise<{ browser: Browser; page: Page }> {
  const cameraArgs =
    camera === 'none'
      ? []
      : camera === 'denied'
        ? ['--use-fake-device-for-media-stream', '--deny-permission-prompts']
        : // Without a file, Chromium's fake camera shows its own test pattern: a picture with no face in it.
          camera === 'no-face'
          ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
          : ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${camera}`];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...BASE_ARGS, ...cameraArgs] });
  const page = await browser.newPage(viewport ? { viewport } : {});
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[face page] ${m.text().slice(0, 300)} ${new URL(m.location().url || 'about:blank').pathname}`);
  });
  return { browser, page };
}

/** Card 林晓岚 (her photo is sample face s5a) on the reader of a kiosk just started, consent given: the face step is up. */
async function toFaceStep(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('demo-card-card-lin').click();
  await expect(page.getByTestId('consent-face')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('consent-agree').click();
  await expect(page.getByTestId('screen-face')).toBeVisible();
}

/** The person is sent to the counter for this reason, told why (and what to do), and shown no data. */
async function expectSentToCounter(page: Page, reason: string | RegExp, ...texts: string[]): Promise<void> {
  const counter = page.getByTestId('screen-face-counter');
  await expect(counter).toHaveAttribute('data-reason', reason, { timeout: 400_000 });
  for (const text of ['请到窗口办理', '请携带身份证到服务窗口', ...texts]) await expect(counter).toContainText(text);
  await expect(page.getByTestId('screen-summary')).toHaveCount(0);
}

test.describe('face check on', () => {
  const kiosk = useKioskHost(() => FACE_ON, 'test');

  test('the card holder passes and sees her summary', async ({ viewport }) => {
    const { browser, page } = await openKiosk(await writeCameraVideo('s5a', 'live'), viewport);
    try {
      await toFaceStep(page, kiosk().url);
      await expect(page.getByTestId('screen-summary')).toBeVisible({ timeout: 400_000 });
      const ms = await page.evaluate(() => performance.getEntriesByName('face-camera-to-decision').map((e) => Math.round(e.duration)));
      test.info().annotations.push({ type: 'camera open → decision (ms)', description: ms.join(', ') });
    } finally {
      await browser.close();
    }
  });

  test('another person holding her card is refused and sent to the counter', async ({ viewport }) => {
    const { browser, page } = await openKiosk(await writeCameraVideo('s2b', 'live'), viewport);
    try {
      await toFaceStep(page, kiosk().url);
      await expectSentToCounter(page, 'not-matched');
    } finally {
      await browser.close();
    }
  });

  test('a still picture of her is refused as not live', async ({ viewport }) => {
    const { browser, page } = await openKiosk(await writeCameraVideo('s5a', 'still'), viewport);
    try {
      await toFaceStep(page, kiosk().url);
      await expectSentToCounter(page, 'not-live');
    } finally {
      await browser.close();
    }
  });

  test('with no camera the kiosk says the check is unavailable and sends her to the counter', async ({ viewport }) => {
    const { browser, page } = await openKiosk('none', viewport);
    try {
      await toFaceStep(page, kiosk().url);
      await expectSentToCounter(page, /no-camera|camera-denied/);
    } finally {
      await browser.close();
    }
  });
});

test.describe('face check on: bad input', () => {
  const kiosk = useKioskHost(() => FACE_ON, 'test');

  test('with the camera refused the kiosk says why and sends her to the counter', async ({ viewport }) => {
    const { browser, page } = await openKiosk('denied', viewport);
    try {
      await toFaceStep(page, kiosk().url);
      await expectSentToCounter(page, 'camera-denied', '未获准许');
    } finally {
      await browser.close();
    }
  });

  test('no face in the picture: guidance; the camera going away mid-check: the counter', async ({ viewport }) => {
    const { browser, page } = await openKiosk('no-face', viewport);
    try {
      await toFaceStep(page, kiosk().url);
      await expect(page.getByTestId('face-guidance')).toHaveText('未检测到人脸：请正对摄像头，面部放入框内', { timeout: 400_000 });
      // Unplugging, as the page sees it: the camera's track ends and the stream is no longer active.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const stream = (document.querySelector('[data-testid="face-video"]') as HTMLVideoElement | null)?.srcObject as MediaStream | null;
            for (const track of stream?.getVideoTracks() ?? []) track.stop();
            return stream !== null && stream !== undefined;
          }),
        )
        .toBe(true);
      await expectSentToCounter(page, 'camera-lost', '摄像头断开');
    } finally {
      await browser.close();
    }
  });

  test('a face model that cannot load: the check is unavailable, the counter, and no data', async ({ viewport }) => {
    const { browser, page } = await openKiosk(await writeCameraVideo('s5a', 'live'), viewport);
    try {
      // The descriptor model's weights do not arrive (a damaged install): the kiosk must not compare without it.
      await page.route('**/models/human/faceres.bin', (route) => route.abort());
      await toFaceStep(page, kiosk().url);
      await expectSentToCounter(page, 'model-failed', '暂不可用');
    } finally {
      await browser.close();
    }
  });
});

test.describe('face check only for what a citizen signs', () => {
  // The summary needs no check here; an objection, a commitment or a repair application does.
  const kiosk = useKioskHost(() => ({ ...FACE_ON, faceCheck: { ...FACE_ON.faceCheck, required: { self: false, enterprise: false, 'citizen-service': true } } }), 'test');

  test('the summary opens at once; 信用承诺 asks for the face step first and opens once it passes, and asks no more', async ({ viewport }) => {
    const { browser, page } = await openKiosk(await writeCameraVideo('s5a', 'live'), viewport);
    try {
      await page.goto(kiosk().url);
      await page.getByTestId('demo-card-card-lin').click();
      await expect(page.getByTestId('consent-face')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('consent-agree').click();
      await expect(page.getByTestId('screen-summary')).toBeVisible({ timeout: 60_000 });
      await page.getByTestId('open-commitment').click();
      await expect(page.getByTestId('screen-face')).toBeVisible();
      await expect(page.getByTestId('screen-commitment')).toBeVisible({ timeout: 400_000 });
      // Passed once for this session: the next service opens without the camera.
      await page.getByTestId('commitment-close').click();
      await expect(page.getByTestId('screen-summary')).toBeVisible();
      await page.getByTestId('open-objection').click();
      await expect(page.getByTestId('screen-face')).toHaveCount(0);
      await expect(page.locator('[data-testid^="screen-objection-"]')).toBeVisible();
    } finally {
      await browser.close();
    }
  });

  test('another person holding her card gets her summary but not the commitment: the counter, and no letter', async ({ viewport }) => {
    const { browser, page } = await openKiosk(await writeCameraVideo('s2b', 'live'), viewport);
    try {
      await page.goto(kiosk().url);
      await page.getByTestId('demo-card-card-lin').click();
      await page.getByTestId('consent-agree').click();
      await expect(page.getByTestId('screen-summary')).toBeVisible({ timeout: 60_000 });
      await page.getByTestId('open-commitment').click();
      const counter = page.getByTestId('screen-face-counter');
      await expect(counter).toHaveAttribute('data-reason', 'not-matched', { timeout: 400_000 });
      await expect(page.getByTestId('screen-commitment')).toHaveCount(0);
    } finally {
      await browser.close();
    }
  });
});

test.describe('face check off (the demo default)', () => {
  const kiosk = useKioskHost();

  test('the consent says nothing of a face comparison and the summary follows at once', async ({ page }) => {
    await page.goto(kiosk().url);
    await page.getByTestId('demo-card-card-lin').click();
    await expect(page.getByTestId('screen-consent')).toBeVisible();
    await expect(page.getByTestId('consent-face')).toHaveCount(0);
    await page.getByTestId('consent-agree').click();
    await expect(page.getByTestId('screen-summary')).toBeVisible();
  });
});

export { cameraVideoPath };
