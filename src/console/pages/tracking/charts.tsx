import { useId } from 'react';
import { formatDate, formatDateTime, toDigits, type Digits } from '../../lib/thai';
import type { AckSeries, LevelCounts } from './types';

type AckPoint = AckSeries['points'][number];
import { LEVEL_LABEL } from './types';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);

function pct(part: number, whole: number, digits: Digits): string {
  return toDigits(`${Math.round(percent(part, whole))}%`, digits);
}

/**
 * One stacked bar: received, pending, returned out of the total, drawn in SVG (no inline
 * styles under the console's CSP), with the numbers written beside it for every reader.
 */
export function RollupBar({
  label,
  counts,
  digits,
}: {
  label: string;
  counts: Pick<LevelCounts, 'total' | 'received' | 'pending' | 'returned'>;
  digits: Digits;
}) {
  const { total, received, pending, returned } = counts;
  const parts = [
    { key: 'received', value: received },
    { key: 'pending', value: pending },
    { key: 'returned', value: returned },
  ];
  let x = 0;
  return (
    <div className="rollup-row">
      <span className="rollup-label">{label}</span>
      <svg
        className="rollup-bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <rect className="bar-track" x="0" y="0" width="100" height="10" />
        {parts.map((part) => {
          const width = percent(part.value, total);
          const rect = (
            <rect
              key={part.key}
              className={`bar-${part.key}`}
              x={x}
              y="0"
              width={width}
              height="10"
            />
          );
          x += width;
          return rect;
        })}
      </svg>
      <span className="rollup-numbers">
        ลงรับแล้ว {toDigits(received, digits)}/{toDigits(total, digits)} (
        {pct(received, total, digits)}){' · '}ยังไม่ลงรับ {toDigits(pending, digits)}
        {returned > 0 ? ` · ส่งคืน ${toDigits(returned, digits)}` : ''}
      </span>
    </div>
  );
}

const W = 640;
const H = 220;
const PAD = { left: 48, right: 16, top: 12, bottom: 36 };

/** "วันทำการที่ ๓ (อ. ๒๐ ม.ค. ๒๕๖๙)": a point of the working-day axis. */
function workingDayLabel(point: AckPoint, digits: Digits): string {
  const weekday = new Intl.DateTimeFormat('th-TH', {
    weekday: 'short',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(point.at));
  return `วันทำการที่ ${toDigits(point.workingDay ?? 0, digits)} (${weekday} ${formatDate(point.date, digits)})`;
}

/**
 * Acknowledgment over time: the cumulative share of recipient units that registered the
 * letter, as a step line, with the same figures in a table below. By hour the axis is the
 * clock; by working day it is the working days one after another (weekends and holidays
 * take no room, a day nobody registered keeps its place), the table row for row the same.
 */
export function AckChart({ series, digits }: { series: AckSeries; digits: Digits }) {
  const titleId = useId();
  const descId = useId();
  const points = series.points;
  const start = series.firstSentAt ? new Date(series.firstSentAt).getTime() : null;
  const byDay = series.by === 'day';
  const title = `สัดส่วนหน่วยงานที่ลงรับแล้ว (สะสม) ราย${byDay ? 'วันทำการ' : 'ชั่วโมง'}`;
  const last = points.at(-1);
  if (start === null || last === undefined || last.received === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">ยังไม่มีหน่วยงานลงรับ</p>
      </figure>
    );
  }
  const plotW = W - PAD.left - PAD.right;
  const yOf = (share: number) => PAD.top + (1 - share) * (H - PAD.top - PAD.bottom);
  let path: string;
  let axis: React.ReactNode;
  if (byDay) {
    // One equal slot per working day; the line rises within the day it was registered on.
    const slot = plotW / points.length;
    const xOf = (index: number) => PAD.left + index * slot;
    path = `M ${xOf(0)} ${yOf(0)}`;
    points.forEach((point, index) => {
      path += ` H ${xOf(index) + slot / 2} V ${yOf(point.share)}`;
    });
    path += ` H ${xOf(points.length)}`;
    axis = (
      <>
        {points.map((point, index) => (
          <line
            key={point.date}
            className="grid"
            x1={xOf(index)}
            x2={xOf(index)}
            y1={yOf(0)}
            y2={yOf(0) + 6}
          />
        ))}
        <text className="axis" x={PAD.left} y={H - 10} textAnchor="start">
          {workingDayLabel(points[0], digits)}
        </text>
        {points.length > 1 && (
          <text className="axis" x={W - PAD.right} y={H - 10} textAnchor="end">
            {workingDayLabel(last, digits)}
          </text>
        )}
      </>
    );
  } else {
    const end = Math.max(
      start + 3_600_000,
      ...points.map((p) => new Date(p.at).getTime() + 3_600_000),
    );
    const xOf = (t: number) => PAD.left + ((t - start) / (end - start)) * plotW;
    path = `M ${xOf(start)} ${yOf(0)}`;
    for (const point of points) {
      const t = Math.max(start, new Date(point.at).getTime());
      path += ` H ${xOf(t)} V ${yOf(point.share)}`;
    }
    path += ` H ${xOf(end)}`;
    axis = (
      <>
        <text className="axis" x={PAD.left} y={H - 10} textAnchor="start">
          {formatDateTime(new Date(start).toISOString(), digits)}
        </text>
        <text className="axis" x={W - PAD.right} y={H - 10} textAnchor="end">
          {formatDateTime(new Date(end).toISOString(), digits)}
        </text>
      </>
    );
  }
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="chart-svg"
        data-axis={byDay ? 'working-days' : 'hours'}
        data-points={points.length}
      >
        <desc id={descId}>
          {`ลงรับแล้ว ${last.received} จาก ${series.total} หน่วยงาน (${Math.round(last.share * 100)}%)` +
            (byDay ? ` ใน ${points.length} วันทำการ` : '')}
        </desc>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={yOf(tick)} y2={yOf(tick)} />
            <text className="axis" x={PAD.left - 6} y={yOf(tick) + 4} textAnchor="end">
              {toDigits(`${tick * 100}%`, digits)}
            </text>
          </g>
        ))}
        {axis}
        <path className="ack-line" d={path} />
      </svg>
      <details className="chart-data">
        <summary>ตารางข้อมูลของแผนภูมิ</summary>
        <table className="list">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{byDay ? 'วันทำการ' : 'ชั่วโมง'}</th>
              <th scope="col">ลงรับในช่วงนี้</th>
              <th scope="col">ลงรับสะสม</th>
              <th scope="col">สัดส่วน</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.at}>
                <th scope="row">
                  {byDay ? workingDayLabel(point, digits) : formatDateTime(point.at, digits)}
                </th>
                <td>{toDigits(point.count, digits)}</td>
                <td>
                  {toDigits(point.received, digits)}/{toDigits(series.total, digits)}
                </td>
                <td>{toDigits(`${Math.round(point.share * 100)}%`, digits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Overdue deliveries of a subtree by the escalation level they reached, as bars and a table. */
export function LevelChart({
  levels,
  digits,
}: {
  levels: { level: number; count: number }[];
  digits: Digits;
}) {
  const titleId = useId();
  const max = Math.max(1, ...levels.map((l) => l.count));
  const title = 'หนังสือเลยกำหนดจำแนกตามระดับการเร่งรัด';
  const rowH = 28;
  const labelW = 220;
  const height = levels.length * rowH + 8;
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby={titleId}
        className="chart-svg"
      >
        <desc>
          {levels.map((l) => `${LEVEL_LABEL[l.level] ?? l.level}: ${l.count}`).join(', ')}
        </desc>
        {levels.map((l, i) => {
          const width = (l.count / max) * (W - labelW - 60);
          const y = 4 + i * rowH;
          return (
            <g key={l.level}>
              <text className="axis" x={labelW - 8} y={y + 18} textAnchor="end">
                {LEVEL_LABEL[l.level] ?? l.level}
              </text>
              <rect
                className={`level-bar level-${l.level}`}
                x={labelW}
                y={y + 4}
                width={width}
                height={rowH - 10}
              />
              <text className="axis" x={labelW + width + 6} y={y + 18}>
                {toDigits(l.count, digits)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-data">
        <summary>ตารางข้อมูลของแผนภูมิ</summary>
        <table className="list">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">ระดับการเร่งรัด</th>
              <th scope="col">จำนวน</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <td>{LEVEL_LABEL[l.level] ?? l.level}</td>
                <td>{toDigits(l.count, digits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
