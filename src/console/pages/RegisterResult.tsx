import { useEffect, useState } from 'react';
import { ApiError, fetchBlob } from '../api/client';
import type { Entry } from '../api/types';
import { useWorkspace } from '../app/workspace';
import { toDigits } from '../lib/thai';

/** After ลงรับ: the receipt number large, any duplicate-arrival warning, the stamped PDF. */
export function RegisterResult({ entry, subject }: { entry: Entry; subject?: string }) {
  const { digits } = useWorkspace();
  const number = `${toDigits(entry.receiptNumber, digits)}/${toDigits(entry.beYear, digits)}`;
  return (
    <section className="panel" aria-label="ผลการลงรับ">
      <div className="receipt" role="status">
        ลงรับแล้ว {subject ? `เรื่อง ${subject}` : ''}
        <span className="number">เลขรับ {number}</span>
        <span>
          วันที่ {entry.display.date} เวลา {entry.display.time}
        </span>
      </div>
      {entry.warnings.map((warning) => (
        <p key={warning.code} className="alert warning">
          {warning.message}
        </p>
      ))}
      <StampedPdf entryId={entry.id} fileName={`ลงรับ-${entry.receiptNumber}-${entry.beYear}.pdf`} />
    </section>
  );
}

export function StampedPdf({ entryId, fileName }: { entryId: string; fileName: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    fetchBlob(`/api/v1/register-entries/${entryId}/stamped.pdf`).then(
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
  }, [entryId]);
  if (error) return <p className="alert warning">{error}</p>;
  if (!url) return <p className="muted">กำลังเตรียมหนังสือที่ประทับตรารับ…</p>;
  return (
    <div>
      <p>
        <a className="button secondary" href={url} download={fileName}>
          ดาวน์โหลด PDF ที่ประทับตรารับ
        </a>
      </p>
      <iframe className="pdf-frame" src={url} title="หนังสือที่ประทับตรารับแล้ว" />
    </div>
  );
}
