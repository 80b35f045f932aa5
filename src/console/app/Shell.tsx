import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, NavLink } from 'react-router';
import { signOut } from '../api/session';
import { NotificationBell } from './NotificationBell';
import { useWorkspace } from './workspace';

const NAV: { to: string; label: string; end?: boolean; clerk?: boolean }[] = [
  { to: '/inbox', label: 'หนังสือเข้า' },
  { to: '/intake', label: 'รับหนังสือ', end: true },
  { to: '/intake/mail', label: 'ร่างจากอีเมล', clerk: true },
  { to: '/registers', label: 'ทะเบียน' },
  { to: '/search', label: 'ค้นหา' },
  { to: '/tracking', label: 'ติดตาม' },
];

export function Shell({ children }: { children: React.ReactNode }) {
  const { me, unitId, setUnitId } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const acting = new Set(me.actingHeadOf.map((a) => a.unitId));
  // Only admins see the administration link (the API refuses everyone else anyway).
  const admin = me.units.some((u) => u.roles.includes('admin'));
  // The central mailbox is the registry's work: its link is for the chosen unit's clerks.
  const clerk = me.units.some((u) => u.unitId === unitId && u.roles.includes('clerk'));
  const own = NAV.filter((item) => clerk || !item.clerk);
  const nav = admin ? [...own, { to: '/admin', label: 'ผู้ดูแลระบบ' }] : own;
  return (
    <>
      <a className="skip-link" href="#main">
        ข้ามไปที่เนื้อหา
      </a>
      <header className="app-header">
        <span className="brand">ระบบสารบรรณ</span>
        {me.units.length > 1 ? (
          <label>
            ทำงานในนามหน่วยงาน
            <select value={unitId} onChange={(event) => setUnitId(event.target.value)}>
              {me.units.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {u.unitName}
                  {acting.has(u.unitId) ? ' (รักษาราชการแทน)' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span>{me.units[0]?.unitName}</span>
        )}
        <NotificationBell />
        <span>{me.user.displayName}</span>
        <button
          type="button"
          className="header-button"
          onClick={() => {
            void signOut().then(() => {
              queryClient.clear();
              void navigate('/signin');
            });
          }}
        >
          ออกจากระบบ
        </button>
      </header>
      <nav className="app-nav" aria-label="เมนูหลัก">
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{children}</main>
    </>
  );
}
