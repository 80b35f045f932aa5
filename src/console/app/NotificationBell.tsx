import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Notification, Page } from '../api/types';
import { formatDateTime, SPEED_LABEL, toDigits } from '../lib/thai';
import { useWorkspace } from './workspace';

/** แจ้งเตือน: the unread count in the header and the list under it. */
export function NotificationBell() {
  const { digits } = useWorkspace();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const count = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => unwrap<{ unreadCount: number }>(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: ['notifications', 'list'],
    enabled: open,
    queryFn: () =>
      unwrap<Page<Notification>>(
        api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } }),
      ),
  });
  const readAll = useMutation({
    mutationFn: () => unwrap<unknown>(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = count.data?.unreadCount ?? 0;
  return (
    <div className="bell">
      <button
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={() => setOpen(!open)}
      >
        แจ้งเตือน
        <span className="count" aria-label={`ยังไม่อ่าน ${unread} รายการ`}>
          {toDigits(unread, digits)}
        </span>
      </button>
      {open && (
        <section id="notification-list" className="popover" aria-label="รายการแจ้งเตือน">
          <div className="row">
            <strong>แจ้งเตือน</strong>
            <button
              type="button"
              className="button small secondary"
              disabled={readAll.isPending || unread === 0}
              onClick={() => readAll.mutate()}
            >
              อ่านทั้งหมดแล้ว
            </button>
          </div>
          {list.isLoading && <p className="muted">กำลังโหลด…</p>}
          {list.data && list.data.items.length === 0 && <p className="muted">ไม่มีแจ้งเตือน</p>}
          <ul>
            {list.data?.items.map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'unread'}>
                <div>
                  {n.payload.speed && n.payload.speed !== 'none' && (
                    <span className={`badge ${n.payload.speed}`}>
                      {SPEED_LABEL[n.payload.speed]}
                    </span>
                  )}
                  {n.payload.subject ?? n.kind}
                </div>
                <div className="muted">
                  {n.payload.fromUnitName ? `จาก ${n.payload.fromUnitName} · ` : ''}
                  {n.payload.reference ? `ที่ ${n.payload.reference} · ` : ''}
                  {formatDateTime(n.createdAt, digits)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
