import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Noto Sans SC ships with `npm install` (an npm font package): no system font is needed to embed Chinese.
const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));

let cache: { regular: Buffer; bold: Buffer } | null = null;

export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: fs.readFileSync(path.join(dir, '400Regular/NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(path.join(dir, '700Bold/NotoSansSC_700Bold.ttf')),
  };
  return cache;
}
