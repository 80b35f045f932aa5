import { refresh } from './api/session';
import { chosenUnitId } from './app/chosen-unit';
import { preloadPage } from './app/page-chunks';
import { startEarlyProgress } from './pages/tracking/early';

/**
 * The console's entry: a small script that asks for the session first. Every first read
 * waits on it, and a letter's progress, the heaviest of them, is sent the moment the session
 * is back; only then is the app's bundle evaluated, so that read is not queued behind it.
 * The code of the page being opened is fetched meanwhile (each page is its own chunk).
 */
preloadPage(window.location.pathname);
void refresh()
  .then((signedIn) => {
    if (signedIn) startEarlyProgress(window.location, chosenUnitId());
  })
  .finally(() => import('./main'));
