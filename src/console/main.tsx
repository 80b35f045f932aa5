import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-700.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-700.css';
import './styles/tokens.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { refresh } from './api/session';
import { App, queryClient } from './app/App';
import { prefetchEarlyMe } from './app/workspace';
import { peekEarly } from './early/take';
import { seedEarlyProgress } from './pages/tracking/early';

// What the page's inline start script asked for goes where the app looks for it as each
// answer comes, not once a render has asked: the session, who is signed in and a letter's
// progress are then there for the first render that needs them, one render and its
// commit sooner each.
if (peekEarly('refresh')) void refresh();
prefetchEarlyMe(queryClient);
seedEarlyProgress(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
