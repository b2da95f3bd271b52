// SM2/SM3 interoperate: SM3 against the published GB/T 32905 vectors and OpenSSL
// (node:crypto); SM2 signatures from sm-crypto verified by an independent BigInt
// implementation of GB/T 32918 written here, and the other way round.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKey, publicKeyOf, signBytes, verifySignature } from '../../../../src-main/node/sync/signing';

// GB/T 32918.5 recommended curve (sm2p256v1).
const P = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF');
const A = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC');
const B = BigInt('0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93');
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const G: Pt = [BigInt('0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7'), BigInt('0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0')];
type Pt = [bigint, bigint] | null;
const mod = (a: bigint, m = P): bigint => ((a % m) + m) % m;
const inv = (a: bigint, m = P): bigint => {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
};
function add(p: Pt, q: Pt): Pt {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1]) === 0n) return null;
  const l = p[0] === q[0] ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1])) : mod((q[1] - p[1]) * inv(q[0] - p[0]));
  const x = mod(l * l - p[0] - q[0]);
  return [x, mod(l * (p[0] - x) - p[1])];
}
function mul(k: bigint, p: Pt): Pt {
  let r: Pt = null;
  for (let q = p; k > 0n; k >>= 1n, q = add(q, q)) if (k & 1n) r = add(r, q);
  return r;
}
const hex = (n: bigint): string => n.toString(16).padStart(64, '0');
const sm3 = (data: Buffer): Buffer => crypto.createHash('sm3').update(data).digest();
function e(msg: Buffer, pub: [bigint, bigint]): bigint {
  const id = Buffer.from('1234567812345678');
  const za = sm3(Buffer.concat([Buffer.from([0, id.length * 8]), id, ...[A, B, G![0], G![1], pub[0], pub[1]].map((v) => Buffer.from(hex(v), 'hex'))]));
  return BigInt(`0x${sm3(Buffer.concat([za, msg])).toString('hex')}`);
}
function derDecode(sig: Buffer): [bigint, bigint] {
  const ints: bigint[] = [];
  for (let i = 2; i < sig.length; ) {
    const len = sig[i + 1]!;
    ints.push(BigInt(`0x${sig.subarray(i + 2, i + 2 + len).toString('hex')}`));
    i += 2 + len;
  }
  return [ints[0]!, ints[1]!];
}
function derEncode(r: bigint, s: bigint): string {
  const int = (v: bigint): Buffer => {
    let b = Buffer.from(v.toString(16).padStart(Math.ceil(v.toString(16).length / 2) * 2, '0'), 'hex');
    if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    return Buffer.concat([Buffer.from([2, b.length]), b]);
  };
  const body = Buffer.concat([int(r), int(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('hex');
}
const pubOf = (h: string): [bigint, bigint] => [BigInt(`0x${h.slice(2, 66)}`), BigInt(`0x${h.slice(66)}`)];

describe('SM3 (GB/T 32905)', () => {
  it('matches the standard’s vectors and OpenSSL', () => {
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3(Buffer.from('abcd'.repeat(16))).toString('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM2 signatures interoperate with an independent implementation', () => {
  const key = generateKey('sm2');
  const msg = Buffer.from('{"_type":"timestamp","version":1}');
  const pub = pubOf(key.keyval.public);

  it('the public key is d·G', () => {
    expect(mul(BigInt(`0x${key.keyval.private}`), G)).toEqual(pub);
  });

  it('sm-crypto’s signature verifies here', () => {
    const [r, s] = derDecode(Buffer.from(signBytes(key, msg), 'hex'));
    const t = mod(r + s, N);
    const pt = add(mul(s, G), mul(t, pub));
    expect(mod(e(msg, pub) + pt![0], N)).toBe(r);
  });

  it('a signature made here verifies with sm-crypto; a tampered one does not', () => {
    const d = BigInt(`0x${key.keyval.private}`);
    const k = BigInt(`0x${crypto.randomBytes(31).toString('hex')}`) + 1n;
    const r = mod(e(msg, pub) + mul(k, G)![0], N);
    const s = mod(inv(1n + d, N) * (k - r * d), N);
    const sig = derEncode(r, s);
    expect(verifySignature(publicKeyOf(key), msg, sig)).toBe(true);
    expect(verifySignature(publicKeyOf(key), Buffer.from(msg.toString().replace('1', '2')), sig)).toBe(false);
  });
});
