import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { api, ApiError, fetchBlob, newIdempotencyKey, unwrap } from '../api/client';
import type { Book, Entry, Letter, OutgoingNumber } from '../api/types';
import { useWorkspace } from '../app/workspace';
import { currentBeYear, toDigits, todayIso } from '../lib/thai';
import { useSingleFlight } from '../lib/single-flight';
import { ReasonDialog } from './ReasonDialog';
import type { IsoRange } from './BookRangePicker';
import { StampedPdf } from './RegisterResult';

// The Buddhist-calendar picker (react-aria) loads with the book, not with the console.
const BookRangePicker = lazy(() => import('./BookRangePicker'));

type BookRow = Book['rows'][number];

async function download(path: string, fileName: string): Promise<void> {
  const { url } = await fetchBlob(path);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** ทะเบียน: the unit's registers and the book of one, in the regulation's columns. */
export function RegistersPage() {
  const { registers, digits } = useWorkspace();
  const { registerId } = useParams();
  const register = registers.find((r) => r.id === registerId);
  return (
    <>
      <h1>ทะเบียน</h1>
      <nav aria-label="ทะเบียนของหน่วยงาน" className="panel">
        <ul>
          {registers.map((r) => (
            <li key={r.id}>
              <NavLink to={`/registers/${r.id}`}>{r.name}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {register ? (
        <BookView
          key={register.id}
          registerId={register.id}
          outgoing={register.direction === 'outgoing'}
        />
      ) : (
        <p className="muted">เลือกทะเบียนที่จะดู (ปี {toDigits(currentBeYear(), digits)})</p>
      )}
    </>
  );
}

function BookView({ registerId, outgoing }: { registerId: string; outgoing: boolean }) {
  const queryClient = useQueryClient();
  const [range, setRange] = useState<IsoRange>(() => {
    const today = todayIso();
    return { from: `${today.slice(0, 4)}-01-01`, to: today };
  });
  const [period, setPeriod] = useState<IsoRange>(range);
  const [viewing, setViewing] = useState<BookRow | null>(null);
  const [cancelling, setCancelling] = useState<BookRow | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const query = { from: period.from, to: period.to };
  const book = useQuery({
    queryKey: ['entries', registerId, period],
    queryFn: () =>
      unwrap<Book>(
        api.GET('/api/v1/registers/{id}/book', { params: { path: { id: registerId }, query } }),
      ),
  });
  const cancel = useMutation({
    mutationFn: ({ row, reason }: { row: BookRow; reason: string }) =>
      unwrap<Entry>(
        api.POST('/api/v1/registers/{id}/entries/{entryId}/cancel', {
          params: { path: { id: registerId, entryId: row.entryId } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setCancelling(null);
      void queryClient.invalidateQueries({ queryKey: ['entries', registerId] });
    },
  });
  const search = new URLSearchParams();
  search.set('from', query.from);
  search.set('to', query.to);
  const rangeError = book.error instanceof ApiError ? book.error : null;
  const getPrintout = (format: 'pdf' | 'csv') => {
    setDownloadError(null);
    download(
      `/api/v1/registers/${registerId}/printout.${format}?${search}`,
      `ทะเบียน.${format}`,
    ).catch((e: unknown) => setDownloadError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <>
      {outgoing && <OutgoingNumber registerId={registerId} />}
      <section className="panel" aria-labelledby="book-title">
        <h2 id="book-title">
          {book.data ? `${book.data.registerName} — ${book.data.unitName}` : 'ทะเบียน'}
        </h2>
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            setPeriod(range);
          }}
        >
          <Suspense fallback={<p className="muted">กำลังโหลด…</p>}>
            <BookRangePicker
              value={range}
              onChange={setRange}
              error={rangeError?.forField('from') ?? rangeError?.forField('to')}
            />
          </Suspense>
          <button type="submit" className="button">
            แสดง
          </button>
          <button type="button" className="button secondary" onClick={() => getPrintout('pdf')}>
            ดาวน์โหลด PDF
          </button>
          <button type="button" className="button secondary" onClick={() => getPrintout('csv')}>
            ดาวน์โหลด CSV
          </button>
        </form>
        {downloadError && <p className="alert error">{downloadError}</p>}
        {book.error && !rangeError?.forField('from') && !rangeError?.forField('to') && (
          <p className="alert error">{book.error.message}</p>
        )}
        {book.data && <p className="muted">ช่วงวันที่ {book.data.periodText}</p>}
        {book.data && book.data.rows.length === 0 && <p>ไม่มีรายการในช่วงนี้</p>}
        {book.data && book.data.rows.length > 0 && (
          <table className="list" aria-label="รายการในทะเบียน">
            <thead>
              <tr>
                <th scope="col">{book.data.numberColumnHeader ?? 'เลขทะเบียนรับ'}</th>
                <th scope="col">ที่</th>
                <th scope="col">ลงวันที่</th>
                <th scope="col">จาก</th>
                <th scope="col">ถึง</th>
                <th scope="col">เรื่อง</th>
                <th scope="col">การปฏิบัติ</th>
                <th scope="col">หมายเหตุ</th>
                <th scope="col">ดำเนินการ</th>
              </tr>
            </thead>
            <tbody>
              {book.data.rows.map((row) => (
                <tr key={row.entryId} className={row.status === 'cancelled' ? 'cancelled' : ''}>
                  <td>
                    {row.receiptNumber}
                    {row.status === 'cancelled' && (
                      <span className="badge cancelled">ยกเลิกแล้ว</span>
                    )}
                  </td>
                  <td>{row.referenceNumber}</td>
                  <td>{row.letterDate}</td>
                  <td>{row.from}</td>
                  <td>{row.to}</td>
                  <td>
                    <Link to={`/letters/${row.letterId}`}>{row.subject}</Link>
                  </td>
                  <td>{row.action}</td>
                  <td>{row.remarks}</td>
                  <td>
                    <div className="row">
                      {!outgoing && (
                        <button
                          type="button"
                          className="button small secondary"
                          onClick={() => setViewing(row)}
                        >
                          ดูหนังสือ
                        </button>
                      )}
                      {row.status === 'active' && (
                        <button
                          type="button"
                          className="button small danger"
                          onClick={() => {
                            cancel.reset();
                            setCancelling(row);
                          }}
                        >
                          ยกเลิก
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {viewing && (
        <section className="panel" aria-label={`หนังสือเลขรับ ${viewing.receiptNumber}`}>
          <h2>หนังสือเลขรับ {viewing.receiptNumber}</h2>
          <StampedPdf
            entryId={viewing.entryId}
            fileName={`ลงรับ-${viewing.number}-${viewing.beYear}.pdf`}
          />
        </section>
      )}
      {cancelling && (
        <ReasonDialog
          title={`ยกเลิกรายการเลขที่ ${cancelling.receiptNumber}`}
          label="เหตุผลที่ยกเลิก"
          confirm="ยืนยันการยกเลิก"
          pending={cancel.isPending}
          error={cancel.error instanceof ApiError ? cancel.error : null}
          onCancel={() => setCancelling(null)}
          onConfirm={(reason) => cancel.mutate({ row: cancelling, reason })}
        />
      )}
    </>
  );
}

/** ออกเลขหนังสือส่ง: record the outgoing letter, then take its ที่ from this register. */
function OutgoingNumber({ registerId }: { registerId: string }) {
  const { unitId } = useWorkspace();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState('');
  const [addressee, setAddressee] = useState('');
  const attempt = useRef<{ letterId: string | null; key: string }>({
    letterId: null,
    key: newIdempotencyKey(),
  });
  // An edited form is a new intent: its letter and number get a new key.
  useEffect(() => {
    attempt.current = { letterId: null, key: newIdempotencyKey() };
  }, [subject, addressee]);
  const takeOnce = useSingleFlight(async () => {
    if (attempt.current.letterId === null) {
      const letter = await unwrap<Letter>(
        api.POST('/api/v1/letters', {
          params: { header: { 'Idempotency-Key': `${attempt.current.key}.letter` } },
          body: { unitId, kind: 'external', subject, addressee: addressee || undefined },
        }),
      );
      attempt.current.letterId = letter.id;
    }
    return unwrap<OutgoingNumber>(
      api.POST('/api/v1/registers/{id}/numbers', {
        params: { path: { id: registerId }, header: { 'Idempotency-Key': attempt.current.key } },
        body: { letterId: attempt.current.letterId },
      }),
    );
  });
  const take = useMutation({
    mutationFn: takeOnce,
    onSuccess: () => {
      attempt.current = { letterId: null, key: newIdempotencyKey() };
      setSubject('');
      setAddressee('');
      void queryClient.invalidateQueries({ queryKey: ['entries', registerId] });
    },
  });
  const problem = take.error instanceof ApiError ? take.error : null;
  return (
    <section className="panel" aria-labelledby="outgoing-title">
      <h2 id="outgoing-title">ออกเลขที่หนังสือส่ง</h2>
      {take.data && (
        <div className="receipt" role="status">
          ออกเลขแล้ว
          <span className="number">ที่ {take.data.referenceNumber ?? take.data.issuedReference}</span>
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!take.isPending) take.mutate();
        }}
      >
        <div className="form-grid">
          <div className="field">
            <label htmlFor="outgoing-subject">เรื่อง</label>
            <input
              id="outgoing-subject"
              required
              value={subject}
              aria-invalid={problem?.forField('subject') ? true : undefined}
              onChange={(event) => setSubject(event.target.value)}
            />
            {problem?.forField('subject') && (
              <span className="field-error">{problem.forField('subject')}</span>
            )}
          </div>
          <div className="field">
            <label htmlFor="outgoing-addressee">เรียน</label>
            <input
              id="outgoing-addressee"
              value={addressee}
              onChange={(event) => setAddressee(event.target.value)}
            />
          </div>
        </div>
        {problem && !problem.forField('subject') && (
          <p className="alert error" role="alert">
            {problem.message}
          </p>
        )}
        <button type="submit" className="button" disabled={take.isPending || subject.trim() === ''}>
          ออกเลข
        </button>
      </form>
    </section>
  );
}
