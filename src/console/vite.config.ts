import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import {
  defineConfig,
  type IndexHtmlTransformContext,
  minify,
  type Plugin,
  transformWithOxc,
} from 'vite';

type OutputBundle = NonNullable<IndexHtmlTransformContext['bundle']>;

// The web console: built into dist/console, which the API process serves at `/`.
const root = fileURLToPath(new URL('.', import.meta.url));

/** The page whose files the start script asks for at once when its address is opened. */
const LETTER_TRACKING_PAGE = 'pages/tracking/LetterTrackingPage.tsx';

/**
 * The script files a lazily loaded page needs beyond the entry's: the chunk of `module` and
 * the chunks it imports (transitively) that the entry does not already load; null when no
 * chunk has `module` as its facade.
 */
function pageScripts(bundle: OutputBundle, module: string): string[] | null {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set<string>();
  const scripts: string[] = [];
  const visit = (name: string, list: boolean) => {
    const chunk = byName.get(name);
    if (!chunk || loaded.has(name)) return;
    loaded.add(name);
    if (list) scripts.push(`/${name}`);
    for (const imported of chunk.imports) visit(imported, list);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName, false);
  const root = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(`/${module}`));
  if (!root) return null;
  visit(root.fileName, true);
  return scripts;
}

/**
 * The page's inline start script (early/start.ts), compiled and put in <head> before the
 * style sheet, which would otherwise hold it back until loaded. The API process allows
 * it by the hash of exactly these bytes (src/http/console-static.ts). The build writes into
 * it the hashed addresses of the console's fonts (Sarabun, Thai and Latin, regular and
 * bold), which it asks for once its reads are on their way, and of the letter tracking
 * page's script files, which it asks for at once when that page is opened.
 */
function inlineEarlyStart(): Plugin {
  const source = fileURLToPath(new URL('./early/start.ts', import.meta.url));
  return {
    name: 'saraban-inline-early-start',
    transformIndexHtml: {
      // After the bundle is written, so that the fonts' hashed names are known.
      order: 'post',
      async handler(html, context) {
        const fonts = Object.keys(context.bundle ?? {})
          .filter((file) => /\/sarabun-(thai|latin)-(400|700)-normal-[\w-]+\.woff2$/.test(file))
          .sort()
          .map((file) => `/${file}`);
        // The dev server serves the fonts from their packages: the style sheet finds them.
        if (context.bundle && fonts.length !== 4) {
          throw new Error(
            `the console's 4 Sarabun woff2 files are not in the bundle (${fonts.length})`,
          );
        }
        const page = context.bundle ? pageScripts(context.bundle, LETTER_TRACKING_PAGE) : null;
        if (context.bundle && !page) throw new Error(`no chunk of ${LETTER_TRACKING_PAGE}`);
        const typed = await readFile(source, 'utf8');
        if (!typed.includes('__SARABAN_FONTS__')) throw new Error('early/start.ts lost its fonts');
        if (!typed.includes('__SARABAN_LETTER_TRACKING__'))
          throw new Error('early/start.ts lost the tracking page files');
        const plain = await transformWithOxc(typed, source, { target: 'es2022' });
        const written = plain.code
          .replace(/\b__SARABAN_FONTS__\b/g, JSON.stringify(fonts))
          .replace(/\b__SARABAN_LETTER_TRACKING__\b/g, JSON.stringify(page ?? []));
        const small = await minify('start.js', written, { compress: true, mangle: true });
        if (small.errors.length > 0)
          throw new Error(`early/start.ts: ${small.errors.map((e) => e.message).join('; ')}`);
        // Its imports are types only; what is left must be a classic script.
        const code = small.code.replace(/export\s*\{\s*\};?\s*$/, '').trim();
        if (/\b(import|export)\b/.test(code)) {
          throw new Error('early/start.ts must not import or export anything at run time');
        }
        // After the character set and title (the charset must come in the first 1024 bytes).
        if (!html.includes('</title>')) throw new Error('index.html has no <title>');
        return html.replace('</title>', () => `</title>\n    <script>${code}</script>`);
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), inlineEarlyStart()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline polyfill script: the Content-Security-Policy allows only the start script inline.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // One style sheet for every page (16 KB in all): a page's chunk otherwise waits for its
    // own sheet, asked for only once the entry has run, one more round trip before the page
    // opened by its address can render.
    cssCodeSplit: false,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
