import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, newIdempotencyKey, unwrap } from '../api/client';
import type { Entry, Letter, ParsedLetter, UploadedFile } from '../api/types';
import { SelectField } from '../app/SelectField';
import { useWorkspace } from '../app/workspace';
import { formatDate, SECRECY_LABEL, SPEED_LABEL, toDigits } from '../lib/thai';
import { useSingleFlight } from '../lib/single-flight';
import { RegisterResult } from './RegisterResult';

type Kind = 'external' | 'memo' | 'stamped' | 'directive' | 'notice' | 'record';
type Speed = 'none' | 'urgent' | 'very_urgent' | 'most_urgent';
type Secrecy = 'none' | 'confidential' | 'secret' | 'top_secret';

interface Form {
  kind: Kind;
  speed: Speed;
  secrecy: Secrecy;
  referenceNumber: string;
  letterDate: string;
  subject: string;
  addressee: string;
  senderText: string;
  references: string;
  enclosures: string;
  signatoryName: string;
  signatoryPosition: string;
  ownerUnit: string;
}

const EMPTY: Form = {
  kind: 'external',
  speed: 'none',
  secrecy: 'none',
  referenceNumber: '',
  letterDate: '',
  subject: '',
  addressee: '',
  senderText: '',
  references: '',
  enclosures: '',
  signatoryName: '',
  signatoryPosition: '',
  ownerUnit: '',
};

const KIND_LABEL: Record<Kind, string> = {
  external: 'หนังสือภายนอก',
  memo: 'หนังสือภายใน (บันทึกข้อความ)',
  stamped: 'หนังสือประทับตรา',
  directive: 'หนังสือสั่งการ',
  notice: 'หนังสือประชาสัมพันธ์',
  record: 'หนังสือที่เจ้าหน้าที่ทำขึ้นหรือรับไว้เป็นหลักฐาน',
};

const SPEED_FROM_TEXT: Record<string, Speed> = {
  ด่วน: 'urgent',
  ด่วนมาก: 'very_urgent',
  ด่วนที่สุด: 'most_urgent',
};
const SECRECY_FROM_TEXT: Record<string, Secrecy> = {
  ลับ: 'confidential',
  ลับมาก: 'secret',
  ลับที่สุด: 'top_secret',
};

/** Parser field names → the form field their warning belongs beside. */
const WARNING_FIELD: Record<string, keyof Form> = {
  letterDate: 'letterDate',
  referenceNumber: 'referenceNumber',
  subject: 'subject',
  salutation: 'addressee',
  addressee: 'addressee',
  references: 'references',
  enclosures: 'enclosures',
  signatory: 'signatoryName',
  ownerUnit: 'ownerUnit',
};

/** API field names in problem+json → form fields. */
const PROBLEM_FIELD: Record<string, keyof Form> = {
  referenceNumber: 'referenceNumber',
  letterDate: 'letterDate',
  subject: 'subject',
  addressee: 'addressee',
  senderText: 'senderText',
  references: 'references',
  enclosures: 'enclosures',
  'signatory.name': 'signatoryName',
  'signatory.position': 'signatoryPosition',
  kind: 'kind',
  speed: 'speed',
  secrecy: 'secrecy',
};

function warningText(warning: ParsedLetter['warnings'][number], digits: 'thai' | 'arabic'): string {
  switch (warning.code) {
    case 'year_slip':
      return 'ปีในวันที่ของหนังสืออาจพิมพ์ผิด (ต้นปีมักพิมพ์ปีเก่า)';
    case 'invalid_date':
      return 'อ่านวันที่ไม่ได้ กรุณาตรวจสอบ';
    case 'invalid_reference_number':
      return 'เลขที่หนังสือไม่อยู่ในรูปแบบที่ระเบียบกำหนด กรุณาตรวจสอบ';
    case 'legacy_encoding':
      return 'ข้อความบางส่วนเป็นรหัสอักษรแบบเก่า กรุณาตรวจสอบ';
    default:
      return warning.suggested
        ? `กรุณาตรวจสอบ (ค่าที่แนะนำ ${formatDate(warning.suggested, digits)})`
        : `กรุณาตรวจสอบ (${warning.code})`;
  }
}

/** A suggested ISO date as a clerk would type it: "๑๒ มกราคม ๒๕๖๙". */
function thaiLongDate(iso: string, digits: 'thai' | 'arabic'): string {
  const locale = digits === 'thai' ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist-nu-latn';
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(`${iso}T00:00:00+07:00`));
}

function fromParse(parsed: ParsedLetter): Form {
  return {
    kind: parsed.kind,
    speed: (parsed.urgency && SPEED_FROM_TEXT[parsed.urgency]) || 'none',
    secrecy: (parsed.secrecy && SECRECY_FROM_TEXT[parsed.secrecy]) || 'none',
    referenceNumber: parsed.referenceNumber?.raw ?? '',
    letterDate: parsed.letterDate?.raw ?? '',
    subject: parsed.subject ?? '',
    addressee: parsed.salutation ?? '',
    senderText: '',
    references: parsed.references
      .map((r) => r.raw ?? '')
      .filter(Boolean)
      .join('\n'),
    enclosures: parsed.enclosures.join('\n'),
    signatoryName: parsed.signatory?.name ?? '',
    signatoryPosition: parsed.signatory?.position ?? '',
    ownerUnit: parsed.ownerUnit ?? '',
  };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** รับหนังสือจากภายนอก: PDFs and OCR text in, a registered letter out. */
export function IntakePage() {
  const { unitId, digits, incomingRegister } = useWorkspace();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [form, setForm] = useState<Form>(EMPTY);
  const [parsed, setParsed] = useState<ParsedLetter | null>(null);
  const [files, setFiles] = useState<{ name: string; file: UploadedFile }[]>([]);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<{ entry: Entry; subject: string } | null>(null);
  // The letter recorded by the first attempt and the key of this intent: a retry after a lost
  // answer reuses both, so a double click or a retry never records a second letter nor takes
  // a second number. Editing the form is a new intent, with a new key.
  const attempt = useRef<{ letterId: string | null; key: string }>({
    letterId: null,
    key: newIdempotencyKey(),
  });
  useEffect(() => {
    attempt.current = { letterId: null, key: newIdempotencyKey() };
  }, [form, files, parsed]);

  const parse = useMutation({
    mutationFn: () => unwrap<ParsedLetter>(api.POST('/api/v1/intake/parse', { body: { text } })),
    onSuccess: (value) => {
      setParsed(value);
      setForm((previous) => ({ ...fromParse(value), senderText: previous.senderText }));
    },
  });

  const upload = useMutation({
    mutationFn: async (chosen: File[]) => {
      for (const file of chosen) {
        const body = new FormData();
        body.append('file', file);
        const uploaded = await unwrap<UploadedFile>(
          api.POST('/api/v1/files', {
            params: { query: { unitId } },
            body: body as unknown as { file: string },
            bodySerializer: (value) => value as unknown as FormData,
          }),
        );
        setFiles((previous) => [...previous, { name: file.name, file: uploaded }]);
      }
    },
  });

  const confirmOnce = useSingleFlight(async () => {
    if (!incomingRegister) throw new ApiError({ status: 0, detail: 'ยังไม่มีทะเบียนหนังสือรับ' });
    if (attempt.current.letterId === null) {
      const letter = await unwrap<Letter>(
        api.POST('/api/v1/letters', {
          params: { header: { 'Idempotency-Key': `${attempt.current.key}.letter` } },
          body: {
            unitId,
            kind: form.kind,
            speed: form.speed,
            secrecy: form.secrecy,
            referenceNumber: form.referenceNumber || undefined,
            letterDate: form.letterDate || undefined,
            subject: form.subject,
            addressee: form.addressee || undefined,
            senderText: form.senderText || undefined,
            references: lines(form.references),
            enclosures: lines(form.enclosures),
            signatory: form.signatoryName
              ? { name: form.signatoryName, position: form.signatoryPosition || undefined }
              : undefined,
            ownerUnit: form.ownerUnit || undefined,
            printedStamps: parsed?.receiptStamps ?? [],
            fileIds: files.map((f) => f.file.id),
          },
        }),
      );
      attempt.current.letterId = letter.id;
    }
    const entry = await unwrap<Entry>(
      api.POST('/api/v1/registers/{id}/entries', {
        params: {
          path: { id: incomingRegister.id },
          header: { 'Idempotency-Key': attempt.current.key },
        },
        body: { letterId: attempt.current.letterId },
      }),
    );
    return { entry, subject: form.subject };
  });
  const confirm = useMutation({
    mutationFn: confirmOnce,
    onSuccess: (value) => {
      setResult(value);
      void queryClient.invalidateQueries({ queryKey: ['entries'] });
      window.scrollTo(0, 0);
    },
  });

  function startOver() {
    attempt.current = { letterId: null, key: newIdempotencyKey() };
    setResult(null);
    setForm(EMPTY);
    setParsed(null);
    setText('');
    setFiles([]);
    confirm.reset();
    parse.reset();
  }

  const problem = confirm.error instanceof ApiError ? confirm.error : null;
  const fieldProblem = (field: keyof Form): string | undefined => {
    if (!problem) return undefined;
    for (const [apiField, formField] of Object.entries(PROBLEM_FIELD)) {
      if (formField === field) {
        const message = problem.forField(apiField);
        if (message) return message;
      }
    }
    return undefined;
  };
  const pageProblem =
    problem && !Object.keys(PROBLEM_FIELD).some((f) => problem.forField(f))
      ? problem.message
      : null;
  // The API's parse answer (ParsedLetterResponse) carries no per-field OCR confidence
  // today, so no field is marked; the marking stays for when it does.
  const lowConfidence = new Set<string>();

  function field(
    name: keyof Form,
    label: string,
    options: { multiline?: boolean; required?: boolean; hint?: string; parserName?: string } = {},
  ) {
    const id = `intake-${name}`;
    const warnings = (parsed?.warnings ?? []).filter((w) => WARNING_FIELD[w.field] === name);
    const error = fieldProblem(name);
    const low = lowConfidence.has(options.parserName ?? name);
    const described = [
      error ? `${id}-error` : '',
      warnings.length ? `${id}-warning` : '',
      low ? `${id}-low` : '',
      options.hint ? `${id}-hint` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const common = {
      id,
      value: form[name],
      required: options.required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': described || undefined,
      onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        setForm({ ...form, [name]: event.target.value }),
    };
    return (
      <div className={`field${low ? ' low-confidence' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {options.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
        {options.hint && (
          <span id={`${id}-hint`} className="field-hint">
            {options.hint}
          </span>
        )}
        {low && (
          <span id={`${id}-low`} className="field-warning">
            อ่านจากภาพได้ไม่ชัด กรุณาตรวจกับต้นฉบับ
          </span>
        )}
        {warnings.map((warning) => (
          <div key={warning.code} id={`${id}-warning`} className="field-warning">
            {warningText(warning, digits)}
            {warning.suggested && name === 'letterDate' && (
              <>
                {' '}
                <button
                  type="button"
                  className="button small secondary"
                  onClick={() =>
                    setForm({ ...form, letterDate: thaiLongDate(warning.suggested!, digits) })
                  }
                >
                  ใช้วันที่ที่แนะนำ {thaiLongDate(warning.suggested, digits)}
                </button>
              </>
            )}
          </div>
        ))}
        {error && (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
    );
  }

  if (result) {
    return (
      <>
        <h1>รับหนังสือ</h1>
        <RegisterResult entry={result.entry} subject={result.subject} />
        <button type="button" className="button" onClick={startOver}>
          รับหนังสือฉบับต่อไป
        </button>
      </>
    );
  }

  return (
    <>
      <h1>รับหนังสือจากภายนอก</h1>
      <section className="panel" aria-labelledby="intake-source">
        <h2 id="intake-source">๑. ไฟล์และข้อความของหนังสือ</h2>
        <div
          className={`dropzone${dragging ? ' active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            upload.mutate([...event.dataTransfer.files]);
          }}
        >
          <p>ลากไฟล์ PDF ของหนังสือมาวางที่นี่ (ไฟล์แรกคือตัวหนังสือ ไฟล์ต่อไปคือสิ่งที่ส่งมาด้วย)</p>
          <div className="field">
            <label htmlFor="intake-files">หรือเลือกไฟล์ PDF</label>
            <input
              id="intake-files"
              type="file"
              accept="application/pdf"
              multiple
              onChange={(event) => {
                const chosen = [...(event.target.files ?? [])];
                event.target.value = '';
                if (chosen.length) upload.mutate(chosen);
              }}
            />
          </div>
          {upload.isPending && <p className="muted">กำลังอัปโหลด…</p>}
          {upload.error && (
            <p className="alert error" role="alert">
              {upload.error.message}
            </p>
          )}
          {files.length > 0 && (
            <ul aria-label="ไฟล์ที่แนบแล้ว">
              {files.map((f, index) => (
                <li key={f.file.id}>
                  {f.name} ({toDigits(f.file.pages, digits)} หน้า){index === 0 ? ' — ตัวหนังสือ' : ''}{' '}
                  <button
                    type="button"
                    className="button small secondary"
                    onClick={() => setFiles(files.filter((other) => other.file.id !== f.file.id))}
                  >
                    เอาออก
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="field">
          <label htmlFor="intake-text">ข้อความของหนังสือ (วางข้อความจาก OCR)</label>
          <textarea
            id="intake-text"
            rows={8}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="button secondary"
          disabled={text.trim() === '' || parse.isPending}
          onClick={() => parse.mutate()}
        >
          อ่านข้อความและกรอกให้
        </button>
        {parse.error && (
          <p className="alert error" role="alert">
            {parse.error.message}
          </p>
        )}
      </section>

      <form
        className="panel"
        aria-labelledby="intake-fields"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirm.isPending) confirm.mutate();
        }}
      >
        <h2 id="intake-fields">๒. ตรวจรายละเอียดแล้วบันทึก</h2>
        {parsed && (
          <p className="alert success" role="status">
            กรอกจากข้อความแล้ว กรุณาตรวจทุกช่องกับต้นฉบับ
          </p>
        )}
        <div className="form-grid">
          <SelectField
            id="intake-kind"
            label="ชนิดของหนังสือ"
            value={form.kind}
            options={Object.entries(KIND_LABEL) as [Kind, string][]}
            onChange={(kind) => setForm({ ...form, kind })}
          />
          <SelectField
            id="intake-speed"
            label="ความเร่งด่วน"
            value={form.speed}
            options={Object.entries(SPEED_LABEL) as [Speed, string][]}
            onChange={(speed) => setForm({ ...form, speed })}
          />
          <SelectField
            id="intake-secrecy"
            label="ชั้นความลับ"
            value={form.secrecy}
            options={Object.entries(SECRECY_LABEL) as [Secrecy, string][]}
            onChange={(secrecy) => setForm({ ...form, secrecy })}
          />
          {field('referenceNumber', 'ที่ (เลขที่หนังสือ)')}
          {field('letterDate', 'ลงวันที่', { hint: 'พิมพ์แบบไทย เช่น ๑๒ มกราคม ๒๕๖๙' })}
          {field('senderText', 'จาก (ส่วนราชการผู้ส่ง)')}
        </div>
        {field('subject', 'เรื่อง', { required: true })}
        {field('addressee', 'เรียน', { parserName: 'salutation' })}
        <div className="form-grid">
          {field('references', 'อ้างถึง (บรรทัดละฉบับ)', { multiline: true })}
          {field('enclosures', 'สิ่งที่ส่งมาด้วย (บรรทัดละรายการ)', { multiline: true })}
          {field('signatoryName', 'ผู้ลงนาม', { parserName: 'signatory' })}
          {field('signatoryPosition', 'ตำแหน่งผู้ลงนาม')}
          {field('ownerUnit', 'ส่วนราชการเจ้าของเรื่อง', {
            hint: 'ตามที่พิมพ์ท้ายหนังสือ (ไว้ตรวจทาน)',
          })}
        </div>
        {parsed && parsed.receiptStamps.length > 0 && (
          <div className="field">
            <span className="field-hint">ตรารับที่มีอยู่บนหนังสือแล้ว</span>
            <ul>
              {parsed.receiptStamps.map((stamp, index) => (
                <li key={index}>
                  {stamp.unit ?? 'ไม่ระบุหน่วยงาน'} เลขรับ{' '}
                  {stamp.receiptNumber === null ? '—' : toDigits(stamp.receiptNumber, digits)}{' '}
                  {stamp.date ? `วันที่ ${formatDate(stamp.date, digits)}` : ''} {stamp.time ?? ''}
                </li>
              ))}
            </ul>
          </div>
        )}
        {pageProblem && (
          <p className="alert error" role="alert">
            {pageProblem}
          </p>
        )}
        <button
          type="submit"
          className="button"
          disabled={confirm.isPending || form.subject.trim() === ''}
        >
          บันทึกและลงรับ
        </button>
      </form>
    </>
  );
}
