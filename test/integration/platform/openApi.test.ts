// docs/platform-openapi.yaml against the running platform: every route the server answers is
// documented and every documented route is tried, each with a valid and an invalid call whose
// status the document lists and whose body matches the documented schema.
import Ajv from 'ajv';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCodeOf } from '../../../src-main/node/cache/syntheticData';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { bundles, makeFixture, publish, type Fixture } from '../sync/syncFixtures';
import { heartbeat, post, reportIssued, testKiosk, type TestKiosk } from './platformFixtures';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

const DOC = path.resolve(__dirname, '../../../docs/platform-openapi.yaml');
const REPORT = '20261207093000OPEN0001';
let doc: OpenApi;
let ajv: Ajv;
let f: Fixture;
let platform: PlatformServer;
let a: TestKiosk;
let b: TestKiosk;

beforeAll(async () => {
  doc = load(fs.readFileSync(DOC, 'utf8')) as OpenApi;
  ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(doc as object, 'openapi');
  f = makeFixture();
  await publish(f, bundles(8));
  a = testKiosk('OPENAPI-A', f.dir);
  b = testKiosk('OPENAPI-B', f.dir);
  platform = await startPlatformServer({ repo: f.repo, tokens: { [a.id]: { token: a.token, publicKeyPem: a.key.publicKeyPem }, [b.id]: b.token } });
  expect((await post(platform.url, a.token, { events: [a.event('report-issued', reportIssued(REPORT)), a.anchor(3, 'a'.repeat(64))] })).status).toBe(200);
});
afterAll(async () => {
  await platform?.close();
  f?.cleanup();
});

type Call = { method: string; path: string; token?: string; headers?: Record<string, string>; body?: unknown };
/** For each documented operation: a valid call and an invalid one. */
const CALLS: Record<string, () => [Call, Call]> = {
  'GET /repo/{file}': () => [
    { method: 'GET', path: '/repo/timestamp.json' },
    { method: 'GET', path: '/repo/secrets.json' },
  ],
  'GET /v1/subjects/{code}': () => [
    { method: 'GET', path: `/v1/subjects/${syntheticCodeOf(1, 7)}`, token: a.token },
    { method: 'GET', path: `/v1/subjects/${syntheticCodeOf(1, 7)}` },
  ],
  'GET /v1/search': () => [
    { method: 'GET', path: `/v1/search?q=${encodeURIComponent('公司')}`, token: a.token },
    { method: 'GET', path: '/v1/search?q=', token: a.token },
  ],
  'GET /v1/health': () => [
    { method: 'GET', path: '/v1/health' },
    { method: 'DELETE', path: '/v1/health' },
  ],
  'POST /v1/events': () => [
    { method: 'POST', path: '/v1/events', token: a.token, body: { events: [a.event('heartbeat', heartbeat())] } },
    { method: 'POST', path: '/v1/events', token: a.token, body: { events: [{ id: 'x' }] } },
  ],
  'POST /v1/attachments': () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const page = { applicationNumber: REPORT, material: 'credit-report', sha256: createHash('sha256').update(jpeg).digest('hex'), type: 'image/jpeg', data: jpeg.toString('base64') };
    return [
      { method: 'POST', path: '/v1/attachments', token: a.token, body: page },
      { method: 'POST', path: '/v1/attachments', token: a.token, body: { ...page, sha256: '0'.repeat(64) } },
    ];
  },
  'GET /v1/reports/{number}': () => [
    { method: 'GET', path: `/v1/reports/${REPORT}` },
    { method: 'GET', path: '/v1/reports/20261207093000NONE0000' },
  ],
  'GET /v1/kiosks/{kioskId}/audit-anchors/latest': () => [
    { method: 'GET', path: `/v1/kiosks/${a.id}/audit-anchors/latest`, token: a.token },
    { method: 'GET', path: `/v1/kiosks/${a.id}/audit-anchors/latest`, token: b.token },
  ],
};

function documentedOperations(): string[] {
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
}

/** The schema the document gives for this status, as an Ajv reference into the document, or null (no JSON body). */
function responseSchemaRef(op: string, status: number): string | null {
  const [method, p] = op.split(' ') as [string, string];
  const responses = doc.paths[p]![method.toLowerCase()]!.responses;
  const response = responses[String(status)];
  expect(response, `${op} answered ${status}, which the document does not list`).toBeDefined();
  const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
  if (response!.$ref) {
    const name = response!.$ref.split('/').at(-1)!;
    return doc.components.responses[name]!.content?.['application/json'] ? `openapi#/components/responses/${name}/content/application~1json/schema` : null;
  }
  return response!.content?.['application/json']?.schema ? `openapi#/paths/${esc(p)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema` : null;
}

describe('docs/platform-openapi.yaml against the running platform', () => {
  it('documents every route the server answers, and nothing it does not', () => {
    const served = [...platform.routes.map((r) => `${r.method} ${r.path}`), 'GET /repo/{file}'].sort();
    expect(documentedOperations().sort()).toEqual(served);
    expect(Object.keys(CALLS).sort()).toEqual(served);
  });

  it('each route answers a valid and an invalid call with a documented status and shape', async () => {
    for (const op of documentedOperations()) {
      const [valid, invalid] = CALLS[op]!();
      for (const [call, ok] of [[valid, true], [invalid, false]] as const) {
        const res = await fetch(`${platform.url}${call.path}`, {
          method: call.method,
          headers: { ...(call.token && { authorization: `Bearer ${call.token}` }), ...(call.body !== undefined && { 'content-type': 'application/json' }) },
          ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
        });
        expect({ op, ok, status: res.status, success: res.status < 300 }).toEqual({ op, ok, status: res.status, success: ok });
        const text = await res.text();
        const ref = responseSchemaRef(op, res.status);
        if (ref === null) continue;
        const validate = ajv.getSchema(ref);
        expect(validate, ref).toBeDefined();
        const body: unknown = JSON.parse(text);
        expect({ op, status: res.status, valid: validate!(body), errors: validate!.errors ?? null }).toEqual({ op, status: res.status, valid: true, errors: null });
      }
    }
  });
});
