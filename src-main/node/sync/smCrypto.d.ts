// sm-crypto ships no types; only the SM2 entry points the sync signatures use.
declare module 'sm-crypto/src/sm2' {
  interface Sm2SignOptions {
    der?: boolean;
    hash?: boolean;
    publicKey?: string;
    userId?: string;
  }
  const sm2: {
    generateKeyPairHex(): { privateKey: string; publicKey: string };
    getPublicKeyFromPrivateKey(privateKey: string): string;
    doSignature(msg: string | number[] | Uint8Array, privateKey: string, options?: Sm2SignOptions): string;
    doVerifySignature(msg: string | number[] | Uint8Array, signHex: string, publicKey: string, options?: Sm2SignOptions): boolean;
  };
  export default sm2;
}
