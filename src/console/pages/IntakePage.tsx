import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, newIdempotencyKey, unwrap } from '../api/client';
import type {
  ConfirmedDraft,
  Draft,
  Entry,
  Letter,
  ParsedLetter,
  UploadedFile,
} from '../api/types';
import { FileField } from '../app/FileField';
import { SelectField } from '../app/SelectField';
import { useWorkspace } from '../app/workspace';
import { formatDate, formatDateTime, SECRECY_LABEL, SPEED_LABEL, toDigits } from '../lib/thai';
import { useSingleFlight } from '../lib/single-flight';
import { ReadingStatus, useReading } from './intake/reading';
import { ReasonDialog } from './ReasonDialog';
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

/** Fields the parser may be unsure of (low_confidence) → the form field to mark. */
const CONFIDENCE_FIELD: Record<string, keyof Form> = {
  ...WARNING_FIELD,
  urgency: 'speed',
  secrecy: 'secrecy',
};

const FORM_LABEL: Record<keyof Form, string> = {
  kind: 'ชนิดของหนังสือ',
  speed: 'ความเร่งด่วน',
  secrecy: 'ชั้นความลับ',
  referenceNumber: 'ที่',
  letterDate: 'ลงวันที่',
  subject: 'เรื่อง',
  addressee: 'เรียน',
  senderText: 'จาก',
  references: 'อ้างถึง',
  enclosures: 'สิ่งที่ส่งมาด้วย',
  signatoryName: 'ผู้ลงนาม',
  signatoryPosition: 'ตำแหน่งผู้ลงนาม',
  ownerUnit: 'ส่วนราชการเจ้าของเรื่อง',
};

/**
 * What the parser read, put only into the fields the clerk left empty (as they started):
 * what was typed is never overwritten. Fields that differ are returned for the clerk to decide.
 */
export function prefill(current: Form, read: Form): { form: Form; conflicts: Partial<Form> } {
  const form = { ...current };
  const conflicts: Partial<Form> = {};
  for (const key of Object.keys(read) as (keyof Form)[]) {
    if (read[key] === EMPTY[key] || read[key] === current[key]) continue;
    if (current[key] === EMPTY[key]) (form as Record<keyof Form, string>)[key] = read[key];
    else (conflicts as Record<keyof Form, string>)[key] = read[key];
  }
  return { form, conflicts };
}

/** A read value as the clerk knows it: the Thai label of a choice, the text otherwise. */
function shownValue(key: keyof Form, value: string): string {
  if (key === 'kind') return KIND_LABEL[value as Kind];
  if (key === 'speed') return SPEED_LABEL[value as Speed];
  if (key === 'secrecy') return SECRECY_LABEL[value as Secrecy];
  return value;
}

/** A file of the letter: uploaded here, or attached to the e-mail of a draft. */
interface AttachedFile {
  id: string;
  name: string;
  pages: number | null;
}

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

/** The letter as the clerk checked it: the same fields for a new letter and a confirmed draft. */
function letterFields(form: Form, parsed: ParsedLetter | null | undefined) {
  return {
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
  };
}

/**
 * รับหนังสือจากภายนอก: PDFs and OCR text in, a registered letter out. With a draft of the
 * central mailbox, its PDFs are the files and confirming registers the draft.
 */
export function IntakePage({ draft }: { draft?: Draft } = {}) {
  const { unitId, digits, incomingRegisterReady } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [form, setForm] = useState<Form>(EMPTY);
  const [parsed, setParsed] = useState<ParsedLetter | null>(null);
  const [files, setFiles] = useState<AttachedFile[]>(
    () =>
      draft?.files.map((f) => ({
        id: f.fileId,
        name: f.name ?? `ไฟล์ที่ ${f.position + 1}`,
        pages: null,
      })) ?? [],
  );
  // Read values the clerk had already typed otherwise: kept until the clerk chooses.
  const [conflicts, setConflicts] = useState<Partial<Form>>({});
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);
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

  function applyParse(value: ParsedLetter) {
    setParsed(value);
    const read = fromParse(value);
    setForm((previous) => {
      const merged = prefill(previous, read);
      setConflicts(merged.conflicts);
      return merged.form;
    });
  }

  const parse = useMutation({
    mutationFn: () => unwrap<ParsedLetter>(api.POST('/api/v1/intake/parse', { body: { text } })),
    onSuccess: (value) => {
      setPrefilledFrom(null);
      applyParse(value);
    },
  });

  // The first file is the letter: once its reading is done, its text prefills the form, once.
  const letterFile = files[0] ?? null;
  const letterReading = useReading(letterFile?.id ?? null);
  const parseFile = useMutation({
    mutationFn: (fileId: string) =>
      unwrap<ParsedLetter>(api.POST('/api/v1/intake/parse', { body: { fileId } })),
    onSuccess: (value, fileId) => {
      setPrefilledFrom(files.find((f) => f.id === fileId)?.name ?? null);
      applyParse(value);
    },
  });
  const parsedFile = useRef<string | null>(null);
  const reading = letterReading.data;
  useEffect(() => {
    if (!reading || reading.state !== 'done' || reading.warnings.includes('no_text')) return;
    if (parsedFile.current === reading.fileId) return;
    parsedFile.current = reading.fileId;
    parseFile.mutate(reading.fileId);
  }, [reading, parseFile]);

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
        setFiles((previous) => [
          ...previous,
          { id: uploaded.id, name: file.name, pages: uploaded.pages },
        ]);
      }
    },
  });

  const confirmOnce = useSingleFlight(async () => {
    if (draft) {
      const confirmed = await unwrap<ConfirmedDraft>(
        api.POST('/api/v1/units/{unitId}/intake/{draftId}/confirm', {
          params: {
            path: { unitId: draft.unitId, draftId: draft.id },
            header: { 'Idempotency-Key': attempt.current.key },
          },
          body: letterFields(form, parsed),
        }),
      );
      return { entry: confirmed.entry, subject: form.subject };
    }
    const incomingRegister = await incomingRegisterReady();
    if (!incomingRegister) throw new ApiError({ status: 0, detail: 'ยังไม่มีทะเบียนหนังสือรับ' });
    if (attempt.current.letterId === null) {
      const letter = await unwrap<Letter>(
        api.POST('/api/v1/letters', {
          params: { header: { 'Idempotency-Key': `${attempt.current.key}.letter` } },
          body: { unitId, ...letterFields(form, parsed), fileIds: files.map((f) => f.id) },
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
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      window.scrollTo(0, 0);
    },
  });

  const discard = useMutation({
    mutationFn: (reason: string) =>
      unwrap<Draft>(
        api.POST('/api/v1/units/{unitId}/intake/{draftId}/discard', {
          params: {
            path: { unitId: draft?.unitId ?? unitId, draftId: draft?.id ?? '' },
            header: { 'Idempotency-Key': attempt.current.key },
          },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      void navigate('/intake/mail', { state: { discarded: draft?.subject ?? '' } });
    },
  });

  function startOver() {
    if (draft) {
      void navigate('/intake/mail');
      return;
    }
    attempt.current = { letterId: null, key: newIdempotencyKey() };
    setResult(null);
    setForm(EMPTY);
    setParsed(null);
    setText('');
    setFiles([]);
    setConflicts({});
    setPrefilledFrom(null);
    parsedFile.current = null;
    confirm.reset();
    parse.reset();
    parseFile.reset();
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
  // Fields read from a scan that the parser is unsure of: marked in words, for the clerk to
  // check against the paper (a Thai digit read by OCR always is).
  const lowConfidence = new Map<keyof Form, number>();
  for (const warning of parsed?.warnings ?? []) {
    const name = CONFIDENCE_FIELD[warning.field];
    if (warning.code !== 'low_confidence' || !name) continue;
    const value = parsed?.confidence?.[warning.field] ?? 0;
    lowConfidence.set(name, Math.min(value, lowConfidence.get(name) ?? 1));
  }
  const lowText = (name: keyof Form) => {
    const value = lowConfidence.get(name) ?? 0;
    return `ต้องตรวจ: อ่านจากภาพได้ไม่แน่ใจ (ความมั่นใจ ${toDigits(Math.round(value * 100), digits)}%) กรุณาตรวจกับต้นฉบับกระดาษ`;
  };

  function field(
    name: keyof Form,
    label: string,
    options: { multiline?: boolean; required?: boolean; hint?: string } = {},
  ) {
    const id = `intake-${name}`;
    const warnings = (parsed?.warnings ?? []).filter(
      (w) => w.code !== 'low_confidence' && WARNING_FIELD[w.field] === name,
    );
    const error = fieldProblem(name);
    const low = lowConfidence.has(name);
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
        <label htmlFor={id}>
          {label}
          {low && <span className="check-mark"> (ต้องตรวจ)</span>}
        </label>
        {options.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
        {options.hint && (
          <span id={`${id}-hint`} className="field-hint">
            {options.hint}
          </span>
        )}
        {low && (
          <span id={`${id}-low`} className="field-warning">
            {lowText(name)}
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
          {draft ? 'กลับไปที่ร่างจากอีเมล' : 'รับหนังสือฉบับต่อไป'}
        </button>
      </>
    );
  }

  return (
    <>
      <h1>{draft ? 'รับหนังสือจากอีเมล' : 'รับหนังสือจากภายนอก'}</h1>
      <section className="panel" aria-labelledby="intake-source">
        <h2 id="intake-source">๑. ไฟล์และข้อความของหนังสือ</h2>
        {draft ? (
          <div className="draft-mail">
            <dl className="facts">
              <dt>ผู้ส่ง (ตามที่อีเมลระบุ ยังไม่ได้ยืนยัน)</dt>
              <dd>{draft.sender ?? 'ไม่ระบุ'}</dd>
              <dt>หัวเรื่องอีเมล</dt>
              <dd>{draft.subject ?? 'ไม่มีหัวเรื่อง'}</dd>
              <dt>วันที่ส่ง</dt>
              <dd>{formatDateTime(draft.sentAt ?? draft.receivedAt, digits)}</dd>
            </dl>
            {draft.bodyText && (
              <details>
                <summary>ข้อความในอีเมล</summary>
                <pre className="mail-body">{draft.bodyText}</pre>
              </details>
            )}
            {files.length === 0 && (
              <p className="alert error" role="alert">
                อีเมลนี้ไม่มีไฟล์ PDF ที่รับได้ กรุณากรอกเองจากต้นฉบับหรือไม่รับพร้อมเหตุผล
              </p>
            )}
            <AttachedList files={files} digits={digits} />
          </div>
        ) : (
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
            <FileField
              id="intake-files"
              label="หรือเลือกไฟล์ PDF"
              accept="application/pdf"
              multiple
              onFiles={(chosen) => upload.mutate(chosen)}
            />
            {upload.isPending && <p className="muted">กำลังอัปโหลด…</p>}
            {upload.error && (
              <p className="alert error" role="alert">
                {upload.error.message}
              </p>
            )}
            <AttachedList
              files={files}
              digits={digits}
              onRemove={(id) => setFiles(files.filter((other) => other.id !== id))}
            />
          </div>
        )}
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
        {parseFile.isPending && (
          <p className="muted" role="status">
            กำลังกรอกจากข้อความที่อ่านได้…
          </p>
        )}
        {parseFile.error && (
          <p className="alert error" role="alert">
            กรอกจากไฟล์ไม่ได้: {parseFile.error.message} กรุณากรอกเอง
          </p>
        )}
        {parsed && (
          <p className="alert success" role="status">
            {prefilledFrom ? `กรอกจากไฟล์ ${prefilledFrom} แล้ว` : 'กรอกจากข้อความแล้ว'}
            {lowConfidence.size > 0
              ? ` มี ${toDigits(lowConfidence.size, digits)} ช่องที่อ่านได้ไม่แน่ใจ (ทำเครื่องหมาย "ต้องตรวจ" ไว้)`
              : ''}{' '}
            กรุณาตรวจทุกช่องกับต้นฉบับ
          </p>
        )}
        {Object.keys(conflicts).length > 0 && (
          <div className="alert warning" role="region" aria-labelledby="intake-conflicts">
            <p id="intake-conflicts">ช่องต่อไปนี้คุณกรอกไว้แล้ว จึงยังไม่ได้แทนด้วยค่าที่อ่านได้:</p>
            <ul>
              {(Object.entries(conflicts) as [keyof Form, string][]).map(([key, value]) => (
                <li key={key}>
                  {FORM_LABEL[key]}: อ่านได้ว่า “{shownValue(key, value)}”
                </li>
              ))}
            </ul>
            <div className="row">
              <button
                type="button"
                className="button small secondary"
                onClick={() => {
                  setForm({ ...form, ...conflicts });
                  setConflicts({});
                }}
              >
                ใช้ค่าที่อ่านได้แทน
              </button>
              <button
                type="button"
                className="button small secondary"
                onClick={() => setConflicts({})}
              >
                เก็บค่าที่กรอกไว้
              </button>
            </div>
          </div>
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
            note={lowConfidence.has('speed') ? lowText('speed') : undefined}
            value={form.speed}
            options={Object.entries(SPEED_LABEL) as [Speed, string][]}
            onChange={(speed) => setForm({ ...form, speed })}
          />
          <SelectField
            id="intake-secrecy"
            label="ชั้นความลับ"
            note={lowConfidence.has('secrecy') ? lowText('secrecy') : undefined}
            value={form.secrecy}
            options={Object.entries(SECRECY_LABEL) as [Secrecy, string][]}
            onChange={(secrecy) => setForm({ ...form, secrecy })}
          />
          {field('referenceNumber', 'ที่ (เลขที่หนังสือ)')}
          {field('letterDate', 'ลงวันที่', { hint: 'พิมพ์แบบไทย เช่น ๑๒ มกราคม ๒๕๖๙' })}
          {field('senderText', 'จาก (ส่วนราชการผู้ส่ง)')}
        </div>
        {field('subject', 'เรื่อง', { required: true })}
        {field('addressee', 'เรียน')}
        <div className="form-grid">
          {field('references', 'อ้างถึง (บรรทัดละฉบับ)', { multiline: true })}
          {field('enclosures', 'สิ่งที่ส่งมาด้วย (บรรทัดละรายการ)', { multiline: true })}
          {field('signatoryName', 'ผู้ลงนาม')}
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
        <div className="row">
          <button
            type="submit"
            className="button"
            disabled={confirm.isPending || form.subject.trim() === ''}
          >
            บันทึกและลงรับ
          </button>
          {draft && (
            <button type="button" className="button danger" onClick={() => setDiscarding(true)}>
              ไม่รับอีเมลนี้…
            </button>
          )}
        </div>
      </form>
      {discarding && (
        <ReasonDialog
          title="ไม่รับอีเมลนี้เป็นหนังสือ"
          label="เหตุผล (บันทึกไว้เป็นหลักฐาน)"
          confirm="ไม่รับ"
          pending={discard.isPending}
          error={discard.error instanceof ApiError ? discard.error : null}
          onCancel={() => {
            setDiscarding(false);
            discard.reset();
          }}
          onConfirm={(reason) => discard.mutate(reason)}
        />
      )}
    </>
  );
}

/** The files of the letter, each with its reading; the first is the letter itself. */
function AttachedList({
  files,
  digits,
  onRemove,
}: {
  files: AttachedFile[];
  digits: 'thai' | 'arabic';
  onRemove?: (id: string) => void;
}) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="ไฟล์ที่แนบแล้ว" className="attached-files">
      {files.map((f, index) => (
        <li key={f.id}>
          {f.name}
          {f.pages !== null ? ` (${toDigits(f.pages, digits)} หน้า)` : ''}
          {index === 0 ? ' — ตัวหนังสือ' : ''}{' '}
          {onRemove && (
            <button
              type="button"
              className="button small secondary"
              aria-label={`เอาออก ${f.name}`}
              onClick={() => onRemove(f.id)}
            >
              เอาออก
            </button>
          )}
          <br />
          <ReadingStatus fileId={f.id} digits={digits} label={f.name} />
        </li>
      ))}
    </ul>
  );
}
