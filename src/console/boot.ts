import { refresh } from './api/session';
import { preloadPage } from './app/page-chunks';

/**
 * The console's entry. The session, who is signed in and a letter's progress were asked for
 * by the page's inline start script (early/start.ts) before this file arrived; the code of
 * the page being opened is fetched now (each page is its own chunk), and the app's bundle is
 * evaluated once the session is known, so the answers it waits for are not queued behind
 * its evaluation.
 */
preloadPage(window.location.pathname);
void refresh().finally(() => import('./main'));
