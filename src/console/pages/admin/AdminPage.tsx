import { useQueries } from '@tanstack/react-query';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Unit } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { HolidaysPanel } from './HolidaysPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { QueuePanel } from './QueuePanel';
import { UnitsPanel } from './UnitsPanel';
import { UserPanel, UsersPanel } from './UsersPanel';
import './admin.css';

/**
 * ผู้ดูแลระบบ: the unit tree, people and memberships for every admin (within the subtree
 * they administer); the working calendar, deadline policy and queue dashboard for admins of
 * the whole tree only, as the API decides (src/modules/auth/README.md#access).
 */
export default function AdminPage() {
  const { me } = useWorkspace();
  const adminUnitIds = me.units.filter((u) => u.roles.includes('admin')).map((u) => u.unitId);
  const roots = useQueries({
    queries: adminUnitIds.map((id) => ({
      queryKey: ['admin-unit', id],
      queryFn: () => unwrap<Unit>(api.GET('/api/v1/units/{id}', { params: { path: { id } } })),
    })),
  });
  if (adminUnitIds.length === 0) return <p>ไม่พบหน้านี้</p>;
  if (roots.some((root) => root.isPending)) return <p className="muted">กำลังโหลด…</p>;
  // An admin of a unit with no parent administers the whole tree.
  const system = roots.some((root) => root.data?.parentId === null);
  const tabs = [
    { to: 'units', label: 'หน่วยงาน' },
    { to: 'users', label: 'ผู้ใช้' },
    ...(system
      ? [
          { to: 'holidays', label: 'วันหยุดราชการ' },
          { to: 'policies', label: 'ระยะเวลาเร่งรัด' },
          { to: 'queues', label: 'คิวงาน' },
        ]
      : []),
  ];
  return (
    <>
      <nav className="admin-tabs" aria-label="เมนูผู้ดูแลระบบ">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={`/admin/${tab.to}`}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="units" replace />} />
        <Route path="units" element={<UnitsPanel rootIds={adminUnitIds} />} />
        <Route path="units/:unitId" element={<UnitsPanel rootIds={adminUnitIds} />} />
        <Route path="users" element={<UsersPanel />} />
        <Route path="users/:userId" element={<UserPanel rootIds={adminUnitIds} />} />
        {system && <Route path="holidays" element={<HolidaysPanel />} />}
        {system && <Route path="policies" element={<PoliciesPanel />} />}
        {system && <Route path="queues" element={<QueuePanel />} />}
        <Route path="*" element={<p>ไม่พบหน้านี้</p>} />
      </Routes>
    </>
  );
}
