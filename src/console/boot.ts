import { preloadPage } from './app/page-chunks';
import './main';

/**
 * The console's entry: the shell and its libraries in one file, so that a first visit opens
 * few connections for code and the session, /me and progress reads sent by the page's inline
 * start script (early/start.ts) are not queued behind them (a browser opens six at most to
 * one server over HTTP/1.1). The code of the page being opened (each page is its own chunk)
 * is asked for as soon as the shell's modules have run, before React renders.
 */
preloadPage(window.location.pathname);
