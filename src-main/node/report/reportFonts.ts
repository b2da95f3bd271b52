// The report's CJK font: Noto Sans SC (SIL Open Font License), a TrueType font that
// pdfkit embeds as a subset. Read once per process; every report reuses the bytes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ReportFonts {
  regular: Buffer;
  bold: Buffer;
}

const PACKAGE = '@expo-google-fonts/noto-sans-sc';
let cached: ReportFonts | null = null;

function fontPath(file: string): string {
  const require = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
  return path.join(path.dirname(require.resolve(`${PACKAGE}/package.json`)), file);
}

/** Loads the fonts (from the package, or from the override paths), caching the default. */
export function loadReportFonts(override?: { regular: string; bold?: string }): ReportFonts {
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
