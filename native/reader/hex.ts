// Hex text <-> bytes, for the CLI, logs and test vectors ("AA AA AA 96 69 ..." with any spacing).

export function parseHex(text: string): Uint8Array | null {
  const compact = text.replace(/0x/gi, '').replace(/[\s,:_-]/g, '');
  if (compact.length === 0 || compact.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(compact)) return null;
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array, separator = ' '): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(separator);
}
