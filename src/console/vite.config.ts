import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

// The web console: built into dist/console, which the API process serves at `/`.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The page's entry (boot.ts) loads the app's bundle only once the session is asked for;
 * these tags let the browser fetch that bundle, its shared chunks and its stylesheet
 * meanwhile instead of after.
 */
function preloadApp(): Plugin {
  return {
    name: 'saraban-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const tags: HtmlTagDescriptor[] = [];
        for (const output of Object.values(context.bundle ?? {})) {
          if (output.type !== 'chunk' || !output.facadeModuleId?.endsWith('/main.tsx')) continue;
          // The entry itself is already loading.
          const imports = output.imports.filter((file) => {
            const chunk = context.bundle?.[file];
            return !(chunk?.type === 'chunk' && chunk.isEntry);
          });
          for (const file of [output.fileName, ...imports]) {
            tags.push({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              injectTo: 'head',
            });
          }
          for (const css of output.viteMetadata?.importedCss ?? []) {
            tags.push({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `/${css}` },
              injectTo: 'head',
            });
          }
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), preloadApp()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline polyfill script: the Content-Security-Policy allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
