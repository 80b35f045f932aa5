import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, newIdempotencyKey, unwrap } from '../api/client';
import type { Entry, InboxItem, Page } from '../api/types';
import { SelectField } from '../app/SelectField';
import { useWorkspace } from '../app/workspace';
import { formatAge, formatDateTime, SECRECY_LABEL, SPEED_LABEL, toDigits } from '../lib/thai';
import { useSingleFlight } from '../lib/single-flight';
import { RegisterResult } from './RegisterResult';
import { ReasonDialog } from './ReasonDialog';

type Speed = 'none' | 'urgent' | 'very_urgent' | 'most_urgent';
type Due = 'overdue' | 'on_time';

interface Registered {
  entry: Entry;
  subject: string;
}

/** The subject, or what stands for it when the letter is above the clerk's clearance. */
function subjectOf(item: InboxItem): string {
  return item.subject ?? `หนังสือ${SECRECY_LABEL[item.secrecy]}`;
}

/** หนังสือเข้า: deliveries waiting to be registered, most urgent first. */
export function InboxPage() {
  const { unitId, digits, incomingRegisterReady } = useWorkspace();
  const queryClient = useQueryClient();
  const [speed, setSpeed] = useState<Speed | ''>('');
  const [due, setDue] = useState<Due | ''>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Registered[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [returning, setReturning] = useState<InboxItem | null>(null);
  // One key per delivery: a retry after a lost answer returns the first number, never a second.
  const keys = useRef(new Map<string, string>());

  const inbox = useInfiniteQuery({
    queryKey: ['inbox', unitId, speed, due],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<InboxItem>) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap<Page<InboxItem>>(
        api.GET('/api/v1/units/{id}/inbox', {
          params: {
            path: { id: unitId },
            query: {
              cursor: pageParam,
              limit: 50,
              speed: speed === '' ? undefined : speed,
              due: due === '' ? undefined : due,
            },
          },
        }),
      ),
  });
  const rows = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  const registerOnce = useSingleFlight(async (items: InboxItem[]) => {
    const incomingRegister = await incomingRegisterReady();
    if (!incomingRegister) throw new Error('ยังไม่มีทะเบียนหนังสือรับ');
    const done: Registered[] = [];
    for (const item of items) {
      let key = keys.current.get(item.deliveryId);
      if (!key) {
        key = newIdempotencyKey();
        keys.current.set(item.deliveryId, key);
      }
      const entry = await unwrap<Entry>(
        api.POST('/api/v1/registers/{id}/entries', {
          params: { path: { id: incomingRegister.id }, header: { 'Idempotency-Key': key } },
          body: { deliveryId: item.deliveryId },
        }),
      );
      done.push({ entry, subject: subjectOf(item) });
      setResults((previous) => [{ entry, subject: subjectOf(item) }, ...previous]);
    }
    return done;
  });
  const register = useMutation({
    mutationFn: registerOnce,
    onMutate: () => setProblem(null),
    onError: (error) => setProblem(error.message),
    onSettled: () => {
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['entries'] });
    },
  });

  const returnDelivery = useMutation({
    mutationFn: ({ item, reason }: { item: InboxItem; reason: string }) =>
      unwrap<unknown>(
        api.POST('/api/v1/deliveries/{id}/return', {
          params: { path: { id: item.deliveryId } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setReturning(null);
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
  });

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  const chosen = rows.filter((row) => selected.has(row.deliveryId));
  return (
    <>
      <h1>หนังสือเข้า</h1>
      {results.map((result) => (
        <RegisterResult key={result.entry.id} entry={result.entry} subject={result.subject} />
      ))}
      {problem && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
      <div className="toolbar">
        <SelectField
          id="filter-speed"
          label="ความเร่งด่วน"
          value={speed}
          options={(['most_urgent', 'very_urgent', 'urgent', 'none'] as const).map(
            (code) => [code, SPEED_LABEL[code]] as const,
          )}
          anyLabel="ทั้งหมด"
          onChange={setSpeed}
        />
        <SelectField
          id="filter-due"
          label="กำหนดเวลา"
          value={due}
          options={[
            ['overdue', 'เกินกำหนด'],
            ['on_time', 'ยังไม่เกินกำหนด'],
          ]}
          anyLabel="ทั้งหมด"
          onChange={setDue}
        />
        <button
          type="button"
          className="button"
          disabled={chosen.length === 0 || register.isPending}
          onClick={() => register.mutate(chosen)}
        >
          ลงรับที่เลือก ({toDigits(chosen.length, digits)})
        </button>
      </div>
      {inbox.error && <p className="alert error">{inbox.error.message}</p>}
      {inbox.isLoading && <p className="muted">กำลังโหลด…</p>}
      {inbox.data && rows.length === 0 && <p className="panel">ไม่มีหนังสือรอลงรับ</p>}
      {rows.length > 0 && (
        <table className="list" aria-label="หนังสือรอลงรับ">
          <thead>
            <tr>
              <th scope="col">เลือก</th>
              <th scope="col">เรื่อง</th>
              <th scope="col">จาก</th>
              <th scope="col">ที่ / ลงวันที่</th>
              <th scope="col">ส่งเมื่อ / รอมา</th>
              <th scope="col">กำหนด</th>
              <th scope="col">ดำเนินการ</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.deliveryId} className={row.overdue ? 'overdue' : ''}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`เลือก ${subjectOf(row)}`}
                    checked={selected.has(row.deliveryId)}
                    onChange={() => toggle(row.deliveryId)}
                  />
                </td>
                <td>
                  {row.speed !== 'none' && (
                    <span className={`badge ${row.speed}`}>{SPEED_LABEL[row.speed]}</span>
                  )}
                  {row.secrecy !== 'none' && (
                    <span className="badge secret">{SECRECY_LABEL[row.secrecy]}</span>
                  )}
                  {row.overdue && <span className="badge overdue">เกินกำหนด</span>}
                  <div>
                    <Link to={`/letters/${row.letterId}`}>{subjectOf(row)}</Link>
                  </div>
                </td>
                <td>{row.senderName}</td>
                <td>
                  {row.reference ?? '—'}
                  <div className="muted">{row.letterDateRaw}</div>
                </td>
                <td>
                  {formatDateTime(row.sentAt, digits)}
                  <div className="muted">{formatAge(row.ageHours, digits)}</div>
                </td>
                <td>{formatDateTime(row.dueAt, digits)}</td>
                <td>
                  <div className="row">
                    <button
                      type="button"
                      className="button small"
                      disabled={register.isPending}
                      onClick={() => register.mutate([row])}
                    >
                      ลงรับ
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => {
                        returnDelivery.reset();
                        setReturning(row);
                      }}
                    >
                      ส่งคืน
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {inbox.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={inbox.isFetchingNextPage}
            onClick={() => void inbox.fetchNextPage()}
          >
            แสดงเพิ่มเติม
          </button>
        </p>
      )}
      {returning && (
        <ReasonDialog
          title={`ส่งคืนหนังสือ: ${subjectOf(returning)}`}
          label="เหตุผลที่ส่งคืน"
          confirm="ยืนยันการส่งคืน"
          pending={returnDelivery.isPending}
          error={returnDelivery.error instanceof ApiError ? returnDelivery.error : null}
          onCancel={() => setReturning(null)}
          onConfirm={(reason) => returnDelivery.mutate({ item: returning, reason })}
        />
      )}
    </>
  );
}
