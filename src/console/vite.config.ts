import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, minify, type Plugin, transformWithOxc } from 'vite';

// The web console: built into dist/console, which the API process serves at `/`.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The page's inline start script (early/start.ts), compiled and put in <head> before the
 * style sheet, which would otherwise hold it back until loaded. The API process allows
 * it by the hash of exactly these bytes (src/http/console-static.ts).
 */
function inlineEarlyStart(): Plugin {
  const source = fileURLToPath(new URL('./early/start.ts', import.meta.url));
  return {
    name: 'saraban-inline-early-start',
    async transformIndexHtml(html) {
      const typed = await readFile(source, 'utf8');
      const plain = await transformWithOxc(typed, source, { target: 'es2022' });
      const small = await minify('start.js', plain.code, { compress: true, mangle: true });
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
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
