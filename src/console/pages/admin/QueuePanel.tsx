import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { toDigits } from '../../lib/thai';
import { PageProblem } from './fields';
import type { QueueSession } from './types';

/**
 * คิวงาน: the queue dashboard opens through a short-lived HttpOnly cookie the API sets for its
 * path only; the console never holds a link with a token in it.
 */
export function QueuePanel() {
  const open = useMutation({
    mutationFn: () => unwrap<QueueSession>(api.POST('/api/v1/admin/queue-session')),
  });
  return (
    <>
      <h1>คิวงาน</h1>
      <p>
        แดชบอร์ดคิวงานแสดงงานเบื้องหลังของระบบ เช่น การเตือนและการเร่งรัดหนังสือที่ยังไม่ลงรับ
        การส่งอีเมลและการแจ้งเตือน ใช้ตรวจสอบเมื่องานค้างหรือล้มเหลว
      </p>
      <PageProblem message={open.error ? open.error.message : null} />
      <button
        type="button"
        className="button"
        disabled={open.isPending}
        onClick={() => open.mutate()}
      >
        ขอสิทธิ์เปิดแดชบอร์ดคิวงาน
      </button>
      {open.data && (
        <p role="status">
          <a href={open.data.path} target="_blank" rel="noopener noreferrer">
            เปิดแดชบอร์ดคิวงาน (แท็บใหม่)
          </a>{' '}
          สิทธิ์นี้ใช้ได้ {toDigits(Math.round(open.data.expiresInSeconds / 60), 'thai')} นาที
        </p>
      )}
    </>
  );
}
