// The documents' CJK font: Noto Sans SC (SIL Open Font License), a TrueType font that
// pdfkit embeds as a subset. Read and parsed once per process: every document reuses
// the parsed font, its tables and its glyph caches, instead of parsing 10 MB again.
import * as fontkit from 'fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

const PACKAGE = '@expo-google-fonts/noto-sans-sc';
let cached: PdfFonts | null = null;

function fontPath(file: string): string {
  const require = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
  return path.join(path.dirname(require.resolve(`${PACKAGE}/package.json`)), file);
}

/** Loads the fonts (from the package, or from the override paths), caching the default. */
export function loadPdfFonts(override?: { regular: string; bold?: string }): PdfFonts {
  if (override) {
    const regular = fs.readFileSync(override.regular);
    return { regular, bold: override.bold ? fs.readFileSync(override.bold) : regular };
  }
  cached ??= {
    regular: fs.readFileSync(fontPath('400Regular/NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(fontPath('700Bold/NotoSansSC_700Bold.ttf')),
  };
  return cached;
}

const parsed = new WeakMap<Buffer, fontkit.Font>();

/** The font file parsed once (fontkit), as pdfkit accepts it in place of the bytes. */
export function parsedFont(bytes: Buffer): fontkit.Font {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    parsed.set(bytes, font);
  }
  return font;
}
