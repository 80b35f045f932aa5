import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { Draft, Page } from '../api/types';
import { SelectField } from '../app/SelectField';
import { useWorkspace } from '../app/workspace';
import { formatDateTime, toDigits } from '../lib/thai';
import { ReadingStatus } from './intake/reading';
import { IntakePage } from './IntakePage';

type Status = Draft['status'];

const STATUS_LABEL: Record<Status, string> = {
  pending: 'รอดำเนินการ',
  confirmed: 'ลงรับแล้ว',
  discarded: 'ไม่รับ',
};

/** Why an attachment of an e-mail was not taken, in the clerk's words. */
const SKIPPED_REASON: Record<string, string> = {
  not_pdf: 'ไม่ใช่ไฟล์ PDF',
  message_too_large: 'อีเมลมีขนาดใหญ่เกินกำหนด จึงไม่ได้เปิดอ่าน',
  FILE_TOO_LARGE: 'ไฟล์มีขนาดใหญ่เกินกำหนด',
  FILE_PDF_UNPARSEABLE: 'ไฟล์ PDF เสียหาย อ่านไม่ได้',
  FILE_PDF_ENCRYPTED: 'ไฟล์ PDF ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้',
  FILE_PDF_TOO_MANY_PAGES: 'ไฟล์ PDF มีจำนวนหน้ามากเกินกำหนด',
  FILE_PDF_ACTIVE_CONTENT: 'ไฟล์ PDF มีเนื้อหาที่ทำงานได้ (เช่น สคริปต์) จึงไม่รับ',
  FILE_PDF_CHECK_LIMIT: 'ตรวจไฟล์ PDF ไม่เสร็จในเวลาที่กำหนด',
};

export function skippedReason(reason: string): string {
  return SKIPPED_REASON[reason] ?? `ไม่ได้รับไฟล์นี้ (${reason})`;
}

/** ร่างจากอีเมล: what the central mailbox brought in for the chosen unit, to take in or not. */
export function MailDraftsPage() {
  const { unitId, digits } = useWorkspace();
  const location = useLocation();
  const discarded = (location.state as { discarded?: string } | null)?.discarded;
  const [status, setStatus] = useState<Status>('pending');
  const drafts = useInfiniteQuery({
    queryKey: ['drafts', unitId, status],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<Draft>) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap<Page<Draft>>(
        api.GET('/api/v1/units/{unitId}/intake', {
          params: { path: { unitId }, query: { cursor: pageParam, limit: 20, status } },
        }),
      ),
  });
  const rows = drafts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h1>ร่างจากอีเมล</h1>
      <p className="muted">
        อีเมลที่ส่งมายังกล่องจดหมายกลางของหน่วยงาน เปิดร่างเพื่อตรวจรายละเอียดและลงรับ หรือไม่รับพร้อมเหตุผล
        ระบบไม่เปิดลิงก์ในอีเมล รับเฉพาะไฟล์แนบ
      </p>
      {discarded !== undefined && (
        <p className="alert success" role="status">
          ไม่รับอีเมล “{discarded || 'ไม่มีหัวเรื่อง'}” แล้ว บันทึกเหตุผลไว้เรียบร้อย
        </p>
      )}
      <div className="toolbar">
        <SelectField
          id="drafts-status"
          label="สถานะ"
          value={status}
          options={Object.entries(STATUS_LABEL) as [Status, string][]}
          onChange={setStatus}
        />
      </div>
      {drafts.error && (
        <p className="alert error" role="alert">
          {drafts.error.message}
        </p>
      )}
      {drafts.isPending && <p className="muted">กำลังโหลด…</p>}
      {drafts.isSuccess && rows.length === 0 && <p>ไม่มีร่างจากอีเมลในสถานะนี้</p>}
      {rows.length > 0 && (
        <table className="list" aria-label={`ร่างจากอีเมล (${STATUS_LABEL[status]})`}>
          <thead>
            <tr>
              <th scope="col">เรื่อง (หัวเรื่องอีเมล)</th>
              <th scope="col">ผู้ส่ง</th>
              <th scope="col">วันที่ส่ง</th>
              <th scope="col">ไฟล์แนบและการอ่าน</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((draft) => (
              <tr key={draft.id}>
                <td>
                  {draft.status === 'pending' ? (
                    <Link to={`/intake/mail/${draft.id}`}>{draft.subject ?? 'ไม่มีหัวเรื่อง'}</Link>
                  ) : (
                    (draft.subject ?? 'ไม่มีหัวเรื่อง')
                  )}
                  {draft.discardReason && (
                    <div className="muted">เหตุผลที่ไม่รับ: {draft.discardReason}</div>
                  )}
                  {draft.letterId && (
                    <div>
                      <Link to={`/letters/${draft.letterId}`}>ดูหนังสือที่ลงรับ</Link>
                    </div>
                  )}
                </td>
                <td>{draft.sender ?? 'ไม่ระบุ'}</td>
                <td>{formatDateTime(draft.sentAt ?? draft.receivedAt, digits)}</td>
                <td>
                  <DraftFiles draft={draft} digits={digits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {drafts.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={drafts.isFetchingNextPage}
            onClick={() => void drafts.fetchNextPage()}
          >
            แสดงเพิ่มเติม
          </button>
        </p>
      )}
    </>
  );
}

function DraftFiles({ draft, digits }: { draft: Draft; digits: 'thai' | 'arabic' }) {
  if (draft.files.length === 0 && draft.skippedAttachments.length === 0) {
    return <span className="muted">ไม่มีไฟล์แนบ</span>;
  }
  return (
    <ul className="attached-files">
      {draft.files.map((file) => {
        const name = file.name ?? `ไฟล์ที่ ${toDigits(file.position + 1, digits)}`;
        return (
          <li key={file.fileId}>
            {name}
            <br />
            {draft.status === 'pending' ? (
              <ReadingStatus fileId={file.fileId} digits={digits} label={name} />
            ) : null}
          </li>
        );
      })}
      {draft.skippedAttachments.map((skipped, index) => (
        <li key={`skipped-${index}`}>
          {skipped.name ?? 'ไม่มีชื่อไฟล์'}{' '}
          <span className="reading reading-failed">— ไม่ได้รับ: {skippedReason(skipped.reason)}</span>
        </li>
      ))}
    </ul>
  );
}

/** One draft opened into the intake form, prefilled from its first PDF once it is read. */
export function MailDraftPage() {
  const { unitId } = useWorkspace();
  const { draftId = '' } = useParams();
  const draft = useQuery({
    // Not under ['drafts']: confirming refreshes the lists, while this page keeps showing
    // the receipt number of the draft it opened.
    queryKey: ['draft', unitId, draftId],
    staleTime: Infinity,
    queryFn: () =>
      unwrap<Draft>(
        api.GET('/api/v1/units/{unitId}/intake/{draftId}', {
          params: { path: { unitId, draftId } },
        }),
      ),
  });
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (draft.error) heading.current?.focus();
  }, [draft.error]);
  if (draft.error) {
    return (
      <>
        <h1>ร่างจากอีเมล</h1>
        <p className="alert error" role="alert" tabIndex={-1} ref={heading}>
          {draft.error.message}
        </p>
        <Link to="/intake/mail">กลับไปที่ร่างจากอีเมล</Link>
      </>
    );
  }
  if (!draft.data) return <p className="muted">กำลังโหลด…</p>;
  if (draft.data.status !== 'pending') {
    return (
      <>
        <h1>ร่างจากอีเมล</h1>
        <p className="alert warning" role="status">
          ร่างนี้ดำเนินการไปแล้ว ({STATUS_LABEL[draft.data.status]})
        </p>
        <Link to="/intake/mail">กลับไปที่ร่างจากอีเมล</Link>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/intake/mail">← ร่างจากอีเมลทั้งหมด</Link>
      </p>
      <IntakePage key={draft.data.id} draft={draft.data} />
    </>
  );
}
