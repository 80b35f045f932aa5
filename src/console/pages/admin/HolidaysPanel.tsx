import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { FileField } from '../../app/FileField';
import { currentBeYear, formatDate, toDigits } from '../../lib/thai';
import { Done, PageProblem, problems, TextField } from './fields';
import { parseCount } from './labels';
import type { HolidayChange, HolidayList } from './types';

interface PastedHoliday {
  date: string;
  nameTh: string;
  line: number;
}

/**
 * Lines of a pasted list or a file (CSV, TSV or plain text): a date as typed (ISO, 3/3/2569,
 * ๓ มีนาคม ๒๕๖๙) then the holiday's name. The API reads the date; here a line is only split
 * after its four-digit year.
 */
export function splitHolidayLines(text: string): PastedHoliday[] {
  const rows: PastedHoliday[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const separated = /^([^\t,]+)[\t,]\s*(.+)$/.exec(line);
    const spaced = /^(.*?[0-9๐-๙]{4}(?:-[0-9๐-๙]{2}-[0-9๐-๙]{2})?)\s+(.+)$/.exec(line);
    const [, date, name] = separated ?? spaced ?? [line, line, ''];
    rows.push({
      date: date.trim(),
      nameTh: name.replace(/^["']|["']$/g, '').trim(),
      line: index + 1,
    });
  });
  return rows;
}

function changeText(change: HolidayChange): string {
  const parts = [`เพิ่ม ${change.added.length} วัน`];
  if (change.alreadyPresent) parts.push(`มีอยู่แล้ว ${change.alreadyPresent} วัน`);
  if (change.removed) parts.push(`ลบของเดิม ${change.removed} วัน`);
  return toDigits(parts.join(' · '), 'thai');
}

/** วันหยุดราชการ: the working calendar's holidays of a Buddhist-era year. */
export function HolidaysPanel() {
  const queryClient = useQueryClient();
  const [yearText, setYearText] = useState(toDigits(currentBeYear(), 'thai'));
  const beYear = parseCount(yearText);
  const valid = beYear !== null && beYear >= 2543 && beYear <= 2743;
  const year = valid ? beYear - 543 : null;
  const holidays = useQuery({
    queryKey: ['admin-holidays', year],
    enabled: year !== null,
    queryFn: () =>
      unwrap<HolidayList>(
        api.GET('/api/v1/admin/holidays', { params: { query: { year: year! } } }),
      ),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['admin-holidays'] });
  const remove = useMutation({
    mutationFn: (date: string) =>
      unwrap(api.DELETE('/api/v1/admin/holidays/{date}', { params: { path: { date } } })),
    onSuccess: refresh,
  });
  const national = useMutation({
    mutationFn: (be: number) =>
      unwrap<HolidayChange>(
        api.POST('/api/v1/admin/holidays/national/{beYear}', {
          params: { path: { beYear: String(be) } },
        }),
      ),
    onSuccess: refresh,
  });
  const beLabel = valid ? toDigits(beYear, 'thai') : '';
  return (
    <>
      <h1>วันหยุดราชการ</h1>
      <p className="muted">กำหนดเวลาลงรับและการเร่งรัดนับเฉพาะเวลาทำการ วันหยุดในรายการนี้ไม่นับเป็นวันทำการ</p>
      <div className="toolbar">
        <TextField
          id="holiday-year"
          label="ปี พ.ศ."
          value={yearText}
          onChange={setYearText}
          inputMode="numeric"
          error={valid ? undefined : 'กรุณาระบุปี พ.ศ. สี่หลัก เช่น ๒๕๖๙'}
        />
      </div>
      {holidays.error && <PageProblem message={holidays.error.message} />}
      {valid && holidays.data && (
        <table className="list">
          <caption>วันหยุดราชการ ปี พ.ศ. {beLabel}</caption>
          <thead>
            <tr>
              <th scope="col">วันที่</th>
              <th scope="col">ชื่อวันหยุด</th>
              <th scope="col">ที่มา</th>
              <th scope="col">
                <span className="visually-hidden">คำสั่ง</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holidays.data.items.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  ยังไม่มีวันหยุดในปีนี้
                </td>
              </tr>
            )}
            {holidays.data.items.map((h) => (
              <tr key={h.date}>
                <td>{formatDate(h.date, 'thai')}</td>
                <td>
                  {h.nameTh}
                  {h.nameEn && <div className="muted">{h.nameEn}</div>}
                </td>
                <td>{h.source === 'seed' ? 'ตั้งต้นจากระบบ' : 'ผู้ดูแลระบบเพิ่ม'}</td>
                <td>
                  <button
                    type="button"
                    className="button small secondary"
                    disabled={remove.isPending}
                    aria-label={`ลบ ${h.nameTh} ${formatDate(h.date, 'thai')}`}
                    onClick={() => remove.mutate(h.date)}
                  >
                    ลบ
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageProblem message={remove.error ? remove.error.message : null} />
      {valid && (
        <section className="panel" aria-labelledby="holiday-national">
          <h2 id="holiday-national">วันหยุดราชการประจำปีที่กำหนดวันแน่นอน</h2>
          <p className="muted">
            วันหยุดที่ตรงกับวันที่เดิมทุกปี พร้อมวันหยุดชดเชย วันหยุดทางจันทรคติและวันหยุดพิเศษให้เพิ่มเอง
          </p>
          <PageProblem message={national.error ? national.error.message : null} />
          <button
            type="button"
            className="button secondary"
            disabled={national.isPending}
            onClick={() => national.mutate(beYear)}
          >
            เพิ่มวันหยุดประจำปี พ.ศ. {beLabel}
          </button>
          <Done message={national.data ? changeText(national.data) : null} />
        </section>
      )}
      <AddHoliday onDone={refresh} />
      {valid && <ImportHolidays beYear={beYear} onDone={refresh} />}
    </>
  );
}

function AddHoliday({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({ date: '', nameTh: '', nameEn: '' });
  const add = useMutation({
    mutationFn: () =>
      unwrap<HolidayChange>(
        api.POST('/api/v1/admin/holidays', {
          body: { date: form.date, nameTh: form.nameTh, nameEn: form.nameEn.trim() || null },
        }),
      ),
    onSuccess: () => {
      setForm({ date: '', nameTh: '', nameEn: '' });
      onDone();
    },
  });
  const { forField, page } = problems(add.error, ['date', 'nameTh', 'nameEn', 'holidays']);
  return (
    <form
      className="panel"
      aria-labelledby="holiday-add"
      onSubmit={(event) => {
        event.preventDefault();
        if (!add.isPending) add.mutate();
      }}
    >
      <h2 id="holiday-add">เพิ่มวันหยุด</h2>
      <div className="form-grid">
        <TextField
          id="holiday-date"
          label="วันที่หยุด"
          value={form.date}
          onChange={(date) => setForm({ ...form, date })}
          error={forField('date') ?? forField('holidays')}
          hint="พิมพ์แบบไทย เช่น ๓ มีนาคม ๒๕๖๙ หรือ 3/3/2569"
          required
        />
        <TextField
          id="holiday-name"
          label="ชื่อวันหยุด"
          value={form.nameTh}
          onChange={(nameTh) => setForm({ ...form, nameTh })}
          error={forField('nameTh')}
          required
        />
        <TextField
          id="holiday-name-en"
          label="ชื่อภาษาอังกฤษ (ถ้ามี)"
          value={form.nameEn}
          onChange={(nameEn) => setForm({ ...form, nameEn })}
          error={forField('nameEn')}
        />
      </div>
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={add.isPending}>
        เพิ่มวันหยุด
      </button>
      <Done message={add.data ? changeText(add.data) : null} />
    </form>
  );
}

function ImportHolidays({ beYear, onDone }: { beYear: number; onDone: () => void }) {
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);
  const rows = splitHolidayLines(text);
  const run = useMutation({
    mutationFn: () =>
      unwrap<HolidayChange>(
        api.POST('/api/v1/admin/holidays/import', {
          body: {
            year: beYear - 543,
            replace,
            holidays: rows.map(({ date, nameTh }) => ({ date, nameTh })),
          },
        }),
      ),
    onSuccess: onDone,
  });
  const { page } = problems(run.error, ['holidays', 'year']);
  // Each refused line named by its number in the pasted text.
  const problem = run.error instanceof ApiError ? run.error.problem : null;
  const lineErrors = (problem?.errors ?? []).map((e) => {
    const index = /^holidays\.(\d+)/.exec(e.field)?.[1];
    const row = index === undefined ? undefined : rows[Number(index)];
    return row ? `บรรทัดที่ ${toDigits(row.line, 'thai')}: ${e.message}` : e.message;
  });
  // HOLIDAY_YEAR_MISMATCH names the dates outside the year.
  const mismatch = (problem as { dates?: string[] } | null)?.dates;
  return (
    <form
      className="panel"
      aria-labelledby="holiday-import"
      onSubmit={(event) => {
        event.preventDefault();
        if (rows.length > 0 && !run.isPending) run.mutate();
      }}
    >
      <h2 id="holiday-import">นำเข้ารายการวันหยุดของปี พ.ศ. {toDigits(beYear, 'thai')}</h2>
      <div className="field">
        <label htmlFor="holiday-import-text">รายการวันหยุด (บรรทัดละวัน: วันที่ แล้วตามด้วยชื่อวันหยุด)</label>
        <textarea
          id="holiday-import-text"
          rows={6}
          value={text}
          aria-describedby="holiday-import-hint"
          onChange={(event) => setText(event.target.value)}
        />
        <span id="holiday-import-hint" className="field-hint">
          เช่น “๓ มีนาคม ๒๕๖๙ วันมาฆบูชา” หรือ “2026-03-03,วันมาฆบูชา” · อ่านได้{' '}
          {toDigits(rows.length, 'thai')} รายการ
        </span>
      </div>
      <FileField
        id="holiday-import-file"
        label="หรือเลือกไฟล์ (.csv, .tsv, .txt)"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        onFiles={([file]) => void file.text().then(setText)}
      />
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            checked={replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          ลบวันหยุดเดิมของปีนี้ทั้งหมดก่อนนำเข้า
        </label>
      </div>
      {lineErrors.length > 0 && (
        <ul className="field-error" role="alert">
          {lineErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {mismatch && (
        <p className="field-error">
          วันที่ไม่อยู่ในปีที่เลือก: {mismatch.map((d) => formatDate(d, 'thai')).join(', ')}
        </p>
      )}
      {lineErrors.length === 0 && <PageProblem message={page} />}
      <button type="submit" className="button" disabled={rows.length === 0 || run.isPending}>
        นำเข้าวันหยุด
      </button>
      <Done message={run.data ? changeText(run.data) : null} />
    </form>
  );
}
