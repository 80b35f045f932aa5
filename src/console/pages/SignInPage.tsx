import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { signIn, SignInError } from '../api/session';
import { useSession } from '../app/App';

/** A `next` that stays inside the console (never an absolute URL elsewhere). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox';
}

export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const next = safeNext(params.get('next'));
  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (failure) {
      setError(failure instanceof SignInError ? failure.detail : 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ กรุณาลองอีกครั้ง');
    } finally {
      setPending(false);
    }
  }

  return (
    <main className="signin">
      <div className="panel">
        <h1>ระบบสารบรรณ</h1>
        <p className="muted">เข้าสู่ระบบด้วยบัญชีผู้ใช้ของหน่วยงาน</p>
        {session.notice && <p className="alert warning">{session.notice}</p>}
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="username">ชื่อผู้ใช้</label>
            <input
              id="username"
              autoComplete="username"
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">รหัสผ่าน</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={pending}>
            เข้าสู่ระบบ
          </button>
        </form>
      </div>
    </main>
  );
}
