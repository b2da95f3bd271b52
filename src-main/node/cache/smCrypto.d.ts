// sm-crypto ships no types; only the two entry points the field cipher uses.
declare module 'sm-crypto/src/sm4' {
  interface Sm4Options {
    mode?: 'cbc' | 'ecb';
    iv?: string | number[];
    padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    output?: 'string' | 'array';
  }
  const sm4: {
    encrypt(input: string | number[], key: string | number[], options?: Sm4Options): string | number[];
    decrypt(input: string | number[], key: string | number[], options?: Sm4Options): string | number[];
  };
  export default sm4;
}

declare module 'sm-crypto/src/sm3' {
  function sm3(input: string | number[], options?: { mode?: 'hmac'; key: string | number[] }): string;
  export default sm3;
}
