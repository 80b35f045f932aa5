import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Reading } from '../../api/types';
import { toDigits } from '../../lib/thai';

/** The first look comes soon after the upload; then each wait is half as long again, to 10 s. */
const FIRST_POLL_MS = 1_000;
const MAX_POLL_MS = 10_000;

/** How long to wait before asking again, after `answers` answers that were still in progress. */
export function pollDelay(answers: number): number {
  return Math.min(MAX_POLL_MS, Math.round(FIRST_POLL_MS * 1.5 ** Math.max(0, answers - 1)));
}

export function readingFinished(reading: Reading | undefined): boolean {
  return reading?.state === 'done' || reading?.state === 'failed';
}

/**
 * The reading of a stored PDF (GET /files/:id/reading), asked again with a growing wait while
 * it is queued or running, and not at all once it is done or failed. Polled: the console's only
 * event stream (/progress/events) carries the progress of letters, not of readings.
 */
export function useReading(fileId: string | null) {
  return useQuery({
    queryKey: ['reading', fileId],
    enabled: fileId !== null,
    staleTime: Infinity,
    queryFn: () =>
      unwrap<Reading>(
        api.GET('/api/v1/files/{id}/reading', { params: { path: { id: fileId ?? '' } } }),
      ),
    refetchInterval: (query) =>
      readingFinished(query.state.data) ? false : pollDelay(query.state.dataUpdateCount),
  });
}

/** The clerk's words for where a reading is; a failure says why and that typing still works. */
export function readingText(reading: Reading, digits: 'thai' | 'arabic'): string {
  switch (reading.state) {
    case 'queued':
      return 'รอคิวอ่านข้อความจากไฟล์';
    case 'running':
      return reading.pageCount
        ? `กำลังอ่านข้อความ หน้า ${toDigits(reading.pagesDone, digits)} จาก ${toDigits(reading.pageCount, digits)}`
        : 'กำลังอ่านข้อความ';
    case 'done':
      return reading.warnings.includes('no_text')
        ? 'อ่านไฟล์แล้วแต่ไม่พบข้อความ (อาจเป็นภาพว่างหรือภาพไม่ชัด) กรุณากรอกเองจากต้นฉบับ'
        : `อ่านข้อความแล้ว ${toDigits(reading.pageCount ?? reading.pagesDone, digits)} หน้า`;
    case 'failed':
      // The API's detail is already the whole Thai reason ("อ่านข้อความไม่ได้: …").
      return `${reading.failure?.detail ?? 'อ่านข้อความจากไฟล์ไม่ได้'} กรุณากรอกเองจากต้นฉบับ`;
  }
}

/** One file's reading, as a line the screen reader announces when it changes. */
export function ReadingStatus({
  fileId,
  digits,
  label,
}: {
  fileId: string;
  digits: 'thai' | 'arabic';
  label: string;
}) {
  const reading = useReading(fileId);
  if (reading.error) {
    return (
      <span className="reading reading-failed" role="status">
        ดูสถานะการอ่านไม่ได้: {reading.error.message}
      </span>
    );
  }
  if (!reading.data) {
    return (
      <span className="reading" role="status">
        กำลังดูสถานะการอ่าน…
      </span>
    );
  }
  const value = reading.data;
  const emptyText = value.state === 'done' && value.warnings.includes('no_text');
  return (
    <span
      className={`reading reading-${emptyText ? 'failed' : value.state}`}
      role="status"
      data-state={value.state}
    >
      {value.state === 'running' && value.pageCount ? (
        <progress
          max={value.pageCount}
          value={value.pagesDone}
          aria-label={`ความคืบหน้าการอ่าน ${label}`}
        />
      ) : null}{' '}
      {readingText(value, digits)}
    </span>
  );
}
