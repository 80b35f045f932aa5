import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { refresh, snapshot, subscribe } from '../api/session';
import { ApiError } from '../api/client';
import { SignInPage } from '../pages/SignInPage';
import { Pages } from './routes';
import { Shell } from './Shell';
import { WorkspaceProvider } from './workspace';

export const queryClient = new QueryClient({
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
        if (snapshot().status === 'signed-out') queryClient.clear();
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
                    <Suspense fallback={<p className="muted">กำลังโหลด…</p>}>
                      <Routes>
                        <Route path="/" element={<Navigate to="/inbox" replace />} />
                        <Route path="/inbox" element={<Pages.Inbox />} />
                        <Route path="/intake" element={<Pages.Intake />} />
                        <Route path="/intake/mail" element={<Pages.MailDrafts />} />
                        <Route path="/intake/mail/:draftId" element={<Pages.MailDraft />} />
                        <Route path="/registers" element={<Pages.Registers />} />
                        <Route path="/registers/:registerId" element={<Pages.Registers />} />
                        <Route path="/search" element={<Pages.Search />} />
                        <Route path="/admin/*" element={<Pages.Admin />} />
                        <Route path="/tracking" element={<Pages.Tracking />} />
                        <Route path="/tracking/overdue" element={<Pages.Overdue />} />
                        <Route
                          path="/tracking/letters/:letterId"
                          element={<Pages.LetterTracking />}
                        />
                        <Route path="/letters/:letterId" element={<Pages.Letter />} />
                        <Route path="*" element={<p>ไม่พบหน้านี้</p>} />
                      </Routes>
                    </Suspense>
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
