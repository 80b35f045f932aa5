import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { formatAge, formatDateTime, toDigits } from '../../lib/thai';
import { AckChart, RollupBar } from './charts';
import { progressQueryKey, readProgress, takeEarlyProgress } from './early';
import { type ProgressEvent, useProgressEvents } from './live';
import { LiveStatus, TrackingTabs, useCoalescedRefetch } from './shared';
import { LEVEL_LABEL, type Progress } from './types';
import './tracking.css';

/**
 * One letter's progress in a unit's subtree: the roll-up per level, the children to drill
 * into, the units that have not registered it with their escalation, and the
 * acknowledgments over time. Updated live from the progress events of this letter.
 */
export function LetterTrackingPage() {
  const { letterId = '' } = useParams();
  const [search] = useSearchParams();
  const { unitId: ownUnit, digits } = useWorkspace();
  const unitId = search.get('unit') ?? ownUnit;
  const [by, setBy] = useState<'hour' | 'day'>('hour');
  const headingId = useId();

  const progress = useInfiniteQuery({
    queryKey: progressQueryKey(letterId, unitId),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Progress) => last.notReceived.nextCursor ?? undefined,
    queryFn: async ({ pageParam }) =>
      (pageParam === undefined ? await takeEarlyProgress(letterId, unitId) : null) ??
      readProgress(letterId, unitId, pageParam),
  });
  const series = useQuery({
    queryKey: ['acknowledgments', letterId, unitId, by],
    // The chart is below the roll-up: its heavier read waits until the roll-up is drawn
    // rather than competing with it.
    enabled: progress.data !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/letters/{id}/acknowledgments', {
          params: { path: { id: letterId }, query: { unitId, by } },
        }),
      ),
  });
  const again = useCoalescedRefetch(
    useCallback(() => Promise.all([progress.refetch(), series.refetch()]), [progress, series]),
  );
  const live = useProgressEvents(
    `?letterId=${letterId}`,
    // Any change to the letter's tree (an acknowledgment, return, escalation, new forward)
    // moves these figures: read them again.
    useCallback((_event: ProgressEvent | 'reset') => again(), [again]),
  );

  const first = progress.data?.pages[0];
  // The tables under the roll-up (some 130 rows for a ministry) are drawn just after it,
  // from the same answer: the figures show first instead of waiting for every row.
  const deferred = useDeferredValue(
    useMemo(() => ({ letterId, unitId, data: progress.data }), [letterId, unitId, progress.data]),
  );
  // Another letter's or unit's rows, left from before a drill-down, are never shown here.
  const listed =
    deferred.letterId === letterId && deferred.unitId === unitId ? deferred.data : undefined;
  const children = listed?.pages[0].children ?? [];
  const pending = listed?.pages.flatMap((page) => page.notReceived.items);
  if (progress.error) {
    return (
      <div className="tracking">
        <h1>ติดตามหนังสือ</h1>
        <p className="alert error" role="alert">
          {progress.error.message}
        </p>
      </div>
    );
  }
  if (!first) return <p className="muted">กำลังโหลด…</p>;
  const { units } = first;
  const live_units = units.total - units.cancelled;
  return (
    <div className="tracking">
      <h1>ติดตามหนังสือ</h1>
      <TrackingTabs />
      <p className="breadcrumbs">
        {unitId !== ownUnit && (
          <>
            <Link to={`/tracking/letters/${letterId}`}>กลับไปหน่วยงานของฉัน</Link>
            {' · '}
          </>
        )}
        ภายใต้ <strong>{first.unit.nameTh}</strong>
      </p>
      <section className="panel progress-summary" aria-labelledby={headingId}>
        <h2 id={headingId}>ความคืบหน้า</h2>
        <LiveStatus state={live} />
        <p className="progress-total" data-received={units.received}>
          ลงรับแล้ว <strong>{toDigits(units.received, digits)}</strong> จาก{' '}
          {toDigits(live_units, digits)} หน่วยงาน · ยังไม่ลงรับ{' '}
          <strong>{toDigits(units.pending, digits)}</strong>
          {units.returned > 0 ? ` · ส่งคืน ${toDigits(units.returned, digits)}` : ''}
        </p>
        <RollupBar label="รวม" counts={{ ...units, total: live_units }} digits={digits} />
        {first.levels.map((level) => (
          <RollupBar
            key={level.level}
            label={`ชั้นที่ ${toDigits(level.level, digits)}`}
            counts={level}
            digits={digits}
          />
        ))}
      </section>

      {children.length > 0 && (
        <section className="panel">
          <h2>หน่วยงานในสังกัด</h2>
          <table className="list">
            <caption className="visually-hidden">ความคืบหน้าแยกตามหน่วยงานในสังกัด</caption>
            <thead>
              <tr>
                <th scope="col">หน่วยงาน</th>
                <th scope="col">ทั้งหมด</th>
                <th scope="col">ลงรับแล้ว</th>
                <th scope="col">ยังไม่ลงรับ</th>
                <th scope="col">ส่งคืน</th>
              </tr>
            </thead>
            <tbody>
              {children.map((child) => (
                <tr key={child.unitId}>
                  <td>
                    <Link to={`/tracking/letters/${letterId}?unit=${child.unitId}`}>
                      {child.nameTh ?? child.unitId}
                    </Link>
                  </td>
                  <td>{toDigits(child.total, digits)}</td>
                  <td>{toDigits(child.received, digits)}</td>
                  <td>{toDigits(child.pending, digits)}</td>
                  <td>{toDigits(child.returned, digits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="panel">
        <h2>หน่วยงานที่ยังไม่ลงรับ</h2>
        {!pending ? (
          <p className="muted">กำลังโหลด…</p>
        ) : pending.length === 0 ? (
          <p className="muted">ทุกหน่วยงานลงรับแล้ว</p>
        ) : (
          <table className="list" aria-label="หน่วยงานที่ยังไม่ลงรับ">
            <thead>
              <tr>
                <th scope="col">หน่วยงาน</th>
                <th scope="col">ส่งเมื่อ / รอมา</th>
                <th scope="col">กำหนดลงรับ</th>
                <th scope="col">การเร่งรัด</th>
                <th scope="col">เร่งรัดครั้งถัดไป</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((row) => (
                <tr key={row.unitId} className={row.overdue ? 'overdue' : ''}>
                  <td>
                    {row.nameTh}
                    {row.overdue && <span className="badge overdue">เลยกำหนด</span>}
                  </td>
                  <td>
                    {formatDateTime(row.pendingSince, digits)}
                    <div className="muted">{formatAge(row.ageHours, digits)}</div>
                  </td>
                  <td>{formatDateTime(row.dueAt, digits)}</td>
                  <td>
                    <span className={`level-badge level-${row.escalationLevel}`}>
                      {LEVEL_LABEL[row.escalationLevel] ?? row.escalationLevel}
                    </span>
                  </td>
                  <td>
                    {row.nextEscalationAt ? formatDateTime(row.nextEscalationAt, digits) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pending && progress.hasNextPage && (
          <p>
            <button
              type="button"
              className="button secondary"
              disabled={progress.isFetchingNextPage}
              onClick={() => void progress.fetchNextPage()}
            >
              แสดงเพิ่มเติม
            </button>
          </p>
        )}
      </section>

      <section className="panel">
        <h2>การลงรับตามเวลา</h2>
        <fieldset className="segmented">
          <legend>ช่วงเวลา</legend>
          {(
            [
              ['hour', 'รายชั่วโมง'],
              ['day', 'รายวันทำการ'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="ack-by"
                value={value}
                checked={by === value}
                onChange={() => setBy(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {series.data && <AckChart series={series.data} digits={digits} />}
      </section>
    </div>
  );
}
