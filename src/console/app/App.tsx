import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { refresh, snapshot, subscribe } from '../api/session';
import { ApiError } from '../api/client';
import { InboxPage } from '../pages/InboxPage';
import { IntakePage } from '../pages/IntakePage';
import { LetterPage } from '../pages/letter/LetterPage';
import { MailDraftPage, MailDraftsPage } from '../pages/MailDraftsPage';
import { RegistersPage } from '../pages/RegistersPage';
import { SearchPage } from '../pages/SearchPage';
import { SignInPage } from '../pages/SignInPage';
import { LetterTrackingPage } from '../pages/tracking/LetterTrackingPage';
import { OverduePage } from '../pages/tracking/OverduePage';
import { dropEarlyProgress } from '../pages/tracking/early';
import { TrackingPage } from '../pages/tracking/TrackingPage';
import { Shell } from './Shell';
import { WorkspaceProvider } from './workspace';

// Administration is for few users: its code loads only when opened.
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A network failure is retried; a refused request (4xx) is not.
      retry: (count, error) => count < 2 && error instanceof ApiError && error.offline,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

export function useSession() {
  return useSyncExternalStore(subscribe, snapshot);
}

function RequireSession({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <p className="muted">กำลังโหลด…</p>;
  if (session.status === 'signed-out') {
    // Keep the page to come back to after signing in.
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function App() {
  useEffect(() => {
    // A reload: the access token is gone with the page; the refresh cookie brings it back.
    if (snapshot().status === 'unknown') void refresh();
  }, []);
  // However a session ends (sign-out, a refused refresh), its answers go with it: the next
  // person to sign in at this desk must not see the last one's units, registers or letters.
  useEffect(
    () =>
      subscribe(() => {
        if (snapshot().status === 'signed-out') {
          queryClient.clear();
          dropEarlyProgress();
        }
      }),
    [],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route
            path="*"
            element={
              <RequireSession>
                <WorkspaceProvider>
                  <Shell>
                    <Routes>
                      <Route path="/" element={<Navigate to="/inbox" replace />} />
                      <Route path="/inbox" element={<InboxPage />} />
                      <Route path="/intake" element={<IntakePage />} />
                      <Route path="/intake/mail" element={<MailDraftsPage />} />
                      <Route path="/intake/mail/:draftId" element={<MailDraftPage />} />
                      <Route path="/registers" element={<RegistersPage />} />
                      <Route path="/registers/:registerId" element={<RegistersPage />} />
                      <Route path="/search" element={<SearchPage />} />
                      <Route
                        path="/admin/*"
                        element={
                          <Suspense fallback={<p className="muted">กำลังโหลด…</p>}>
                            <AdminPage />
                          </Suspense>
                        }
                      />
                      <Route path="/tracking" element={<TrackingPage />} />
                      <Route path="/tracking/overdue" element={<OverduePage />} />
                      <Route path="/tracking/letters/:letterId" element={<LetterTrackingPage />} />
                      <Route path="/letters/:letterId" element={<LetterPage />} />
                      <Route path="*" element={<p>ไม่พบหน้านี้</p>} />
                    </Routes>
                  </Shell>
                </WorkspaceProvider>
              </RequireSession>
            }
          />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
