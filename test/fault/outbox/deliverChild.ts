// Child process of the outbox kill -9 test: opens the outbox and delivers until nothing
// is pending, one batch at a time, so the parent can kill it in the middle of a batch.
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { createPlatformClient } from '../../../src-main/node/platformClient/platformClient';

const [file, keyHex, url, token, batchSize] = process.argv.slice(2) as [string, string, string, string, string];
const client = createPlatformClient({ url, token, breaker: { coolOffMs: 10 } });
const outbox = createOutbox({ file, key: Buffer.from(keyHex, 'hex'), client, batchSize: Number(batchSize), retries: 0, deadlineMs: 60_000 });
process.stdout.write('go\n');
void (async () => {
  while (outbox.pending() > 0) {
    const r = await outbox.deliver();
    if (r.error) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await outbox.close();
  await client.close();
  process.stdout.write('done\n');
})();
