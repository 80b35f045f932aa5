import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { formatDateTime, SPEED_LABEL, toDigits } from '../../lib/thai';
import { RollupBar } from './charts';
import { useProgressEvents } from './live';
import { LiveStatus, subjectOf, TrackingTabs, useCoalescedRefetch } from './shared';
import type { SentLettersPage } from './types';
import './tracking.css';

/** ติดตาม: the letters this unit (or its subtree) sent, each with its roll-up per level. */
export function TrackingPage() {
  const { unitId, unit, digits } = useWorkspace();
  const letters = useInfiniteQuery({
    queryKey: ['sent-letters', unitId],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: SentLettersPage) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/units/{id}/sent-letters', {
          params: { path: { id: unitId }, query: { cursor: pageParam, limit: 20 } },
        }),
      ),
  });
  const again = useCoalescedRefetch(letters.refetch);
  const live = useProgressEvents(
    `?unitId=${unitId}`,
    useCallback(() => again(), [again]),
  );
  const items = letters.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="tracking">
      <h1>ติดตามหนังสือ</h1>
      <TrackingTabs />
      <p className="muted">
        หนังสือที่{unit?.nameTh ?? 'หน่วยงาน'}และหน่วยงานในสังกัดส่งต่อ พร้อมจำนวนหน่วยงานที่ลงรับแล้วในแต่ละชั้น
      </p>
      <LiveStatus state={live} />
      {letters.error && <p className="alert error">{letters.error.message}</p>}
      {letters.isLoading && <p className="muted">กำลังโหลด…</p>}
      {letters.data && items.length === 0 && <p className="panel">ยังไม่มีหนังสือที่ส่งต่อ</p>}
      <ul className="sent-letters">
        {items.map((item) => (
          <li key={item.rootLetterId} className="panel sent-letter">
            <h2>
              <Link to={`/tracking/letters/${item.letterId}`}>{subjectOf(item)}</Link>
            </h2>
            <p className="muted">
              {item.speed !== 'none' && (
                <span className={`badge ${item.speed}`}>{SPEED_LABEL[item.speed]}</span>
              )}
              {item.reference ? `ที่ ${item.reference} · ` : ''}ส่งเมื่อ{' '}
              {formatDateTime(item.firstSentAt, digits)}
              {item.totals.overdue > 0 && (
                <span className="badge overdue">
                  เลยกำหนด {toDigits(item.totals.overdue, digits)}
                </span>
              )}
            </p>
            <RollupBar label="รวม" counts={item.totals} digits={digits} />
            {item.levels.length > 1 &&
              item.levels.map((level) => (
                <RollupBar
                  key={level.level}
                  label={`ชั้นที่ ${toDigits(level.level, digits)}`}
                  counts={level}
                  digits={digits}
                />
              ))}
          </li>
        ))}
      </ul>
      {letters.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={letters.isFetchingNextPage}
            onClick={() => void letters.fetchNextPage()}
          >
            แสดงเพิ่มเติม
          </button>
        </p>
      )}
    </div>
  );
}
