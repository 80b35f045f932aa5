import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, fetchBlob, unwrap } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { formatDate, formatDateTime, SECRECY_LABEL, SPEED_LABEL, toDigits } from '../../lib/thai';
import { MinuteForward } from './MinuteForward';
import type { Dossier, DossierReceipt } from './types';
import './letter.css';

const STATE_LABEL: Record<string, string> = {
  sent: 'รอลงรับ',
  received: 'ลงรับแล้ว',
  returned: 'ส่งคืน',
  cancelled: 'ยกเลิก',
};

/** The letter's PDF: with the receipt stamps of the reader's receipt, else as filed. */
function LetterPdf({ dossier, receipt }: { dossier: Dossier; receipt?: DossierReceipt }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stamped = receipt?.direction === 'incoming';
  const path = stamped
    ? `/api/v1/register-entries/${receipt.entryId}/stamped.pdf?inline=1`
    : dossier.letter.fileIds.length > 0
      ? `/api/v1/letters/${dossier.letter.id}/files/0?inline=1`
      : null;
  useEffect(() => {
    if (!path) return;
    let revoked = false;
    let objectUrl: string | null = null;
    setUrl(null);
    fetchBlob(path).then(
      (result) => {
        objectUrl = result.url;
        if (revoked) URL.revokeObjectURL(result.url);
        else setUrl(result.url);
      },
      (failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'เปิดไฟล์ไม่ได้'),
    );
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path]);
  if (!path) return <p className="muted">หนังสือนี้ไม่มีไฟล์แนบ</p>;
  if (error) return <p className="alert warning">{error}</p>;
  if (!url) return <p className="muted">กำลังเปิดหนังสือ…</p>;
  const title = stamped ? 'หนังสือพร้อมตรารับ' : 'หนังสือต้นฉบับ';
  return (
    <div className="letter-pdf">
      <p>
        <a className="button secondary small" href={url} download={`${dossier.letter.id}.pdf`}>
          ดาวน์โหลด{title}
        </a>
      </p>
      <iframe className="pdf-frame" src={url} title={title} />
    </div>
  );
}

/** หนังสือ: the letter with its stamps, fields, minutes, where it came from and went. */
export function LetterPage() {
  const { letterId = '' } = useParams();
  const { digits, unitId } = useWorkspace();
  const dossier = useQuery({
    queryKey: ['dossier', letterId],
    queryFn: () =>
      unwrap<Dossier>(
        api.GET('/api/v1/letters/{id}/dossier', { params: { path: { id: letterId } } }),
      ),
  });
  if (dossier.error) {
    const notFound =
      dossier.error instanceof ApiError &&
      (dossier.error.problem.status === 404 || dossier.error.problem.status === 400);
    return (
      <>
        <h1>{notFound ? 'ไม่พบหนังสือ' : 'เปิดหนังสือไม่ได้'}</h1>
        <p className="alert error" role="alert">
          {notFound ? 'ไม่พบหนังสือที่ระบุ หรือท่านไม่มีสิทธิ์เข้าถึงหนังสือนี้' : dossier.error.message}
        </p>
        <p>
          <Link to="/inbox">กลับไปหนังสือเข้า</Link>
        </p>
      </>
    );
  }
  if (!dossier.data) return <p className="muted">กำลังโหลด…</p>;
  const { letter, receipts, minutes, origin, destinations } = dossier.data;
  const n = (value: number | string) => toDigits(value, digits);
  const active = receipts.filter((r) => r.status === 'active');
  // The receipt the reader works from: their workspace unit's, else the first they may use.
  const mine =
    active.find((r) => r.unitId === unitId && r.mayForward) ??
    active.find((r) => r.mayForward) ??
    active.find((r) => r.direction === 'incoming') ??
    active[0];
  const secret = letter.secrecy !== 'none';
  return (
    <article className="letter-page" aria-labelledby="letter-subject">
      {secret && (
        <p className="secrecy-banner" role="note" aria-label="ชั้นความลับ">
          {SECRECY_LABEL[letter.secrecy]}
        </p>
      )}
      <h1 id="letter-subject">
        {letter.speed !== 'none' && (
          <span className={`badge ${letter.speed}`}>{SPEED_LABEL[letter.speed]}</span>
        )}
        {secret && <span className="badge secret">{SECRECY_LABEL[letter.secrecy]}</span>}
        {letter.subject}
      </h1>
      <div className="letter-layout">
        <div className="letter-main">
          <section className="panel" aria-labelledby="fields-heading">
            <h2 id="fields-heading">รายละเอียดหนังสือ</h2>
            <dl className="fields">
              <dt>ที่</dt>
              <dd>{letter.referenceRaw ?? '—'}</dd>
              <dt>ลงวันที่</dt>
              <dd>{letter.letterDateRaw ?? formatDate(letter.letterDate, digits)}</dd>
              <dt>จาก</dt>
              <dd>{dossier.data.senderName ?? letter.senderText ?? '—'}</dd>
              <dt>เรียน</dt>
              <dd>{letter.addressee ?? '—'}</dd>
              <dt>ความเร่งด่วน</dt>
              <dd>{SPEED_LABEL[letter.speed]}</dd>
              <dt>ชั้นความลับ</dt>
              <dd>{SECRECY_LABEL[letter.secrecy]}</dd>
              {letter.references.length > 0 && (
                <>
                  <dt>อ้างถึง</dt>
                  <dd>
                    {letter.references.map((ref, index) => (
                      <div key={index}>
                        {ref.letterId ? (
                          <Link to={`/letters/${ref.letterId}`}>{ref.raw}</Link>
                        ) : (
                          ref.raw
                        )}
                      </div>
                    ))}
                  </dd>
                </>
              )}
              {letter.enclosures.length > 0 && (
                <>
                  <dt>สิ่งที่ส่งมาด้วย</dt>
                  <dd>{letter.enclosures.join(' · ')}</dd>
                </>
              )}
              {letter.signatory && (
                <>
                  <dt>ผู้ลงนาม</dt>
                  <dd>
                    {letter.signatory.name} {letter.signatory.position}
                  </dd>
                </>
              )}
            </dl>
            {receipts.length > 0 && (
              <>
                <h3>การลงทะเบียน</h3>
                <ul className="plain">
                  {receipts.map((r) => (
                    <li key={r.entryId}>
                      {r.unitName} · {r.registerName} เลขที่ {n(r.number)}/{n(r.beYear)} ·{' '}
                      {r.registeredAtTh}
                      {r.status === 'cancelled' && (
                        <span className="badge cancelled">ยกเลิกแล้ว</span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="pdf-heading">
            <h2 id="pdf-heading">ตัวหนังสือ</h2>
            <LetterPdf dossier={dossier.data} receipt={mine} />
          </section>
        </div>
        <div className="letter-side">
          <section className="panel" aria-labelledby="minutes-heading">
            <h2 id="minutes-heading">เกษียนหนังสือ</h2>
            {minutes.length === 0 ? (
              <p className="muted">ยังไม่มีเกษียน</p>
            ) : (
              <ol className="minutes" aria-label="ลำดับเกษียน">
                {minutes.map((m) => (
                  <li key={m.id}>
                    <p className="minute-text">{m.text}</p>
                    {m.decisionLabel && <p className="badge decision">{m.decisionLabel}</p>}
                    <p className="muted">
                      {m.authorName}
                      {m.authorPosition ? ` · ${m.authorPosition}` : ''} · {m.unitName}
                      <br />
                      <time dateTime={String(m.createdAt)}>{m.createdAtTh}</time>
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          {mine?.mayForward && (
            <MinuteForward key={mine.entryId} letterId={letter.id} receipt={mine} digits={digits} />
          )}
          <section className="panel" aria-labelledby="origin-heading">
            <h2 id="origin-heading">ที่มาของหนังสือ</h2>
            {origin.path.length === 0 && origin.encloses.length === 0 ? (
              <p className="muted">
                หนังสือนี้ลงทะเบียนที่หน่วยงานของท่านโดยตรง
                {letter.senderText ? ` (จาก ${letter.senderText})` : ''}
              </p>
            ) : (
              <ol className="path" aria-label="เส้นทางของหนังสือ">
                {origin.path.map((hop) => (
                  <li key={hop.deliveryId}>
                    {hop.sender.nameTh} → {hop.recipient.nameTh}
                    <span className="muted">
                      {' '}
                      · {hop.sentAtTh} · {STATE_LABEL[hop.state]}
                      {hop.receiptNumber !== null ? ` เลขรับ ${n(hop.receiptNumber)}` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
            {origin.encloses.length > 0 && (
              <>
                <h3>หนังสือต้นเรื่อง</h3>
                <ul className="plain">
                  {origin.encloses.map((e) => (
                    <li key={e.id}>
                      <Link to={`/letters/${e.id}`}>
                        {e.referenceRaw ?? 'หนังสือ'} {e.subject}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {origin.earlierHidden && <p className="muted">มีหนังสือต้นเรื่องก่อนหน้านี้ที่ท่านไม่มีสิทธิ์เข้าถึง</p>}
          </section>
          <section className="panel" aria-labelledby="destinations-heading">
            <h2 id="destinations-heading">ส่งต่อไปที่</h2>
            {destinations.length === 0 ? (
              <p className="muted">ยังไม่ได้ส่งต่อจากหน่วยงานของท่าน</p>
            ) : (
              destinations.map((d) => (
                <div key={d.forwardId} className="destination">
                  <p>
                    {d.sender.nameTh} ส่งเมื่อ {d.sentAtTh} · {n(d.total)} หน่วยงาน (ลงรับแล้ว{' '}
                    {n(d.received)} · รอลงรับ {n(d.sent)}
                    {d.returned > 0 ? ` · ส่งคืน ${n(d.returned)}` : ''})
                    {d.responseDueAt
                      ? ` · กำหนดตอบ ${formatDateTime(d.responseDueAt, digits)}`
                      : ''}
                  </p>
                  <table className="list" aria-label={`ผู้รับ ส่งเมื่อ ${d.sentAtTh}`}>
                    <thead>
                      <tr>
                        <th scope="col">หน่วยงาน</th>
                        <th scope="col">สถานะ</th>
                        <th scope="col">เลขรับ</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.recipients.map((r) => (
                        <tr key={r.unitId}>
                          <td>{r.nameTh}</td>
                          <td>{STATE_LABEL[r.state]}</td>
                          <td>{r.receiptNumber !== null ? n(r.receiptNumber) : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {d.total > d.recipients.length && (
                    <p className="muted">และอีก {n(d.total - d.recipients.length)} หน่วยงาน</p>
                  )}
                </div>
              ))
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
