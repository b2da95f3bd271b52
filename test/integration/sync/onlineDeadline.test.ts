// The online lookup's timeout is a deadline for the whole lookup, not an idle timer:
// a platform trickling one byte at a time (never idle) is cut, and the person at the
// screen gets "online unavailable" instead of waiting as long as the server likes.
import { afterEach, describe, expect, it } from 'vitest';
import { createOnlineClient } from '../../../src-main/node/sync/onlineClient';
import { httpSource } from '../../../src-main/node/sync/httpSource';
import { startTricklingServer, type TricklingServer } from '../tricklingServer';

let platform: TricklingServer | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});

describe('whole-request deadlines against a trickling platform', () => {
  it('the online lookup answers ONLINE_UNAVAILABLE at its deadline, retries included', async () => {
    platform = await startTricklingServer();
    const client = createOnlineClient({ url: platform.url, token: 't', timeoutMs: 800, retries: 2, backoffMs: 50 });
    const answer = await client.lookup('91370303MA3C7K2P1R');
    expect(answer).toMatchObject({ ok: false, error: { code: 'ONLINE_UNAVAILABLE' } });
    expect(platform.requests()).toBeGreaterThanOrEqual(1);
  }, 15_000);

  it('a repository metadata fetch is cut at its deadline', async () => {
    platform = await startTricklingServer();
    const source = httpSource({ url: platform.url, timeoutMs: 800, allowInsecure: true });
    await expect(source.fetchMeta('timestamp.json', 1024 * 1024)).rejects.toMatchObject({ code: 'SYNC_DOWNLOAD_FAILED' });
  }, 15_000);
});
