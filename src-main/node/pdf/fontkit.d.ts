// The part of the `fontkit` package (no bundled types) the PDF toolkit uses: a parsed
// font, handed to pdfkit in place of the font file's bytes.
declare module 'fontkit' {
  export interface Font {
    unitsPerEm: number;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
