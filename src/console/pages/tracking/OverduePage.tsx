import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, fetchBlob, unwrap } from '../../api/client';
import { SelectField } from '../../app/SelectField';
import { useWorkspace } from '../../app/workspace';
import { formatAge, formatDateTime, SPEED_LABEL, toDigits } from '../../lib/thai';
import { LevelChart } from './charts';
import { useProgressEvents } from './live';
import { LiveStatus, subjectOf, TrackingTabs, useCoalescedRefetch } from './shared';
import { LEVEL_LABEL, type OverduePage as Page } from './types';
import './tracking.css';

type Speed = 'none' | 'urgent' | 'very_urgent' | 'most_urgent';
type Level = '0' | '1' | '2' | '3' | '4';
type Age = '24' | '72' | '168';

/** หนังสือเลยกำหนด: every overdue delivery under the unit, filtered, with CSV and a chart. */
export function OverduePage() {
  const [search] = useSearchParams();
  const { unitId: ownUnit, unit, digits } = useWorkspace();
  const unitId = search.get('unit') ?? ownUnit;
  const [speed, setSpeed] = useState<Speed | ''>('');
  const [level, setLevel] = useState<Level | ''>('');
  const [age, setAge] = useState<Age | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const filter = {
    speed: speed === '' ? undefined : speed,
    level: level === '' ? undefined : Number(level),
    minAgeHours: age === '' ? undefined : Number(age),
  };

  const overdue = useInfiniteQuery({
    queryKey: ['overdue', unitId, speed, level, age],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/units/{id}/overdue', {
          params: { path: { id: unitId }, query: { ...filter, cursor: pageParam, limit: 50 } },
        }),
      ),
  });
  const levels = useQuery({
    queryKey: ['overdue-levels', unitId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/units/{id}/overdue-levels', { params: { path: { id: unitId } } })),
  });
  const again = useCoalescedRefetch(
    useCallback(() => Promise.all([overdue.refetch(), levels.refetch()]), [overdue, levels]),
  );
  const live = useProgressEvents(
    `?unitId=${unitId}`,
    useCallback(() => again(), [again]),
  );

  async function download() {
    setProblem(null);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (value !== undefined) query.set(key, String(value));
    try {
      const { url } = await fetchBlob(`/api/v1/units/${unitId}/overdue.csv?${query.toString()}`);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'หนังสือเลยกำหนด.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'ดาวน์โหลดไม่สำเร็จ');
    }
  }

  const groups = overdue.data?.pages.flatMap((page) => page.groups) ?? [];
  return (
    <div className="tracking">
      <h1>หนังสือเลยกำหนด</h1>
      <TrackingTabs />
      <p className="muted">หนังสือที่หน่วยงานภายใต้{unit?.nameTh ?? 'หน่วยงาน'}ยังไม่ลงรับเมื่อพ้นกำหนดเวลา</p>
      <LiveStatus state={live} />
      {levels.data && <LevelChart levels={levels.data.levels} digits={digits} />}
      <div className="toolbar">
        <SelectField
          id="overdue-speed"
          label="ความเร่งด่วน"
          value={speed}
          options={(['most_urgent', 'very_urgent', 'urgent', 'none'] as const).map(
            (code) => [code, SPEED_LABEL[code]] as const,
          )}
          anyLabel="ทั้งหมด"
          onChange={setSpeed}
        />
        <SelectField
          id="overdue-level"
          label="ระดับการเร่งรัด"
          value={level}
          options={(['0', '1', '2', '3', '4'] as const).map(
            (code) => [code, LEVEL_LABEL[Number(code)]] as const,
          )}
          anyLabel="ทุกระดับ"
          onChange={setLevel}
        />
        <SelectField
          id="overdue-age"
          label="ค้างมาแล้ว"
          value={age}
          options={[
            ['24', 'ตั้งแต่ ๑ วัน'],
            ['72', 'ตั้งแต่ ๓ วัน'],
            ['168', 'ตั้งแต่ ๗ วัน'],
          ]}
          anyLabel="ทั้งหมด"
          onChange={setAge}
        />
        <button type="button" className="button secondary" onClick={() => void download()}>
          ดาวน์โหลด CSV
        </button>
      </div>
      {problem && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
      {overdue.error && <p className="alert error">{overdue.error.message}</p>}
      {overdue.isLoading && <p className="muted">กำลังโหลด…</p>}
      {overdue.data && groups.length === 0 && <p className="panel">ไม่มีหนังสือเลยกำหนด</p>}
      {groups.length > 0 && (
        <table className="list" aria-label="หนังสือเลยกำหนด">
          <thead>
            <tr>
              <th scope="col">หน่วยงานที่ยังไม่ลงรับ</th>
              <th scope="col">เรื่อง</th>
              <th scope="col">ผู้ส่ง</th>
              <th scope="col">กำหนดลงรับ / เลยมา</th>
              <th scope="col">การเร่งรัด</th>
              <th scope="col">เร่งรัดครั้งถัดไป</th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((group) =>
              group.items.map((item, index) => (
                <tr key={item.deliveryId}>
                  <td>{index === 0 ? group.nameTh : ''}</td>
                  <td>
                    {item.speed !== 'none' && (
                      <span className={`badge ${item.speed}`}>{SPEED_LABEL[item.speed]}</span>
                    )}
                    <div>{subjectOf(item)}</div>
                    <div className="muted">{item.reference ?? ''}</div>
                  </td>
                  <td>{item.senderName}</td>
                  <td>
                    {formatDateTime(item.dueAt, digits)}
                    <div className="muted">{formatAge(item.overdueHours, digits)}</div>
                  </td>
                  <td>
                    <span className={`level-badge level-${item.level}`}>
                      {LEVEL_LABEL[item.level] ?? toDigits(item.level, digits)}
                    </span>
                  </td>
                  <td>
                    {item.nextEscalationAt ? formatDateTime(item.nextEscalationAt, digits) : '—'}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {overdue.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={overdue.isFetchingNextPage}
            onClick={() => void overdue.fetchNextPage()}
          >
            แสดงเพิ่มเติม
          </button>
        </p>
      )}
    </div>
  );
}
