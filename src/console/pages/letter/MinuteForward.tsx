import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { api, ApiError, newIdempotencyKey, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Digits } from '../../lib/thai';
import { formatDate, formatDateTime, toDigits } from '../../lib/thai';
import { useDraft } from './draft';
import { RecipientTree } from './RecipientTree';
import {
  type Annotation,
  type DossierReceipt,
  type ForwardAnswer,
  LOCAL_ADMINISTRATION_KINDS,
  type QuickPick,
  type TargetsPage,
  type TargetUnit,
} from './types';

type ForwardBody = components['schemas']['ForwardDto'];
type UnitKind = NonNullable<ForwardBody['subtreeKinds']>[number];
type Decision = NonNullable<components['schemas']['AnnotationDto']['decision']>;

const DueDatePicker = lazy(() => import('./DueDatePicker'));

/** The phrases a Thai office writes most, inserted at the cursor; "…" marks what to fill in. */
const PHRASES = [
  'เพื่อโปรดทราบ',
  'เพื่อโปรดพิจารณา',
  'เพื่อโปรดพิจารณาสั่งการ',
  'ทราบ',
  'แจ้ง…ทราบ',
  'มอบ…ดำเนินการ',
];

const DECISIONS: [string, string][] = [
  ['', 'ไม่ระบุ'],
  ['noted', 'ทราบ'],
  ['proceed', 'ดำเนินการ'],
  ['agreed', 'เห็นชอบ'],
  ['approved', 'อนุมัติ'],
  ['other', 'อื่น ๆ'],
];

interface Props {
  letterId: string;
  receipt: DossierReceipt;
  digits: Digits;
}

/**
 * เกษียน and ส่งต่อ: the minute box with the common phrases one click away, then the recipient
 * picker (tree, search, quick picks by kind), the count before sending, a response due date,
 * and the forward's answer. Everything typed or picked stays in a draft until it is sent.
 */
export function MinuteForward({ letterId, receipt, digits }: Props) {
  const queryClient = useQueryClient();
  const [draft, update, clear] = useDraft(letterId);
  const [search, setSearch] = useState('');
  const [root, setRoot] = useState<TargetsPage | null>(null);
  const [current, setCurrent] = useState<TargetUnit | null>(null);
  const [answer, setAnswer] = useState<ForwardAnswer | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // One key per intent: a retry after a lost answer sends nothing twice.
  const forwardKey = useRef(newIdempotencyKey());

  const picks: QuickPick[] = root?.quickPicks ?? [];
  const subtreeKinds = [
    ...new Set(picks.filter((p) => draft.picks.includes(p.key)).flatMap((p) => p.subtreeKinds)),
  ] as UnitKind[];
  const unitIds = Object.keys(draft.units);
  const recipients = { unitIds, subtreeKinds };
  const anyone = unitIds.length + subtreeKinds.length > 0;
  const responseDueAt = draft.due ? `${draft.due}T16:30:00+07:00` : undefined;

  const preview = useQuery({
    queryKey: [
      'forward-preview',
      receipt.entryId,
      unitIds.sort().join(','),
      subtreeKinds.join(','),
    ],
    enabled: anyone,
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/register-entries/{id}/forwards/preview', {
          params: { path: { id: receipt.entryId } },
          body: recipients,
        }),
      ),
  });

  function insertPhrase(phrase: string) {
    const element = box.current;
    const text = draft.text;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const before = text.slice(0, start);
    const spacer = before && !/\s$/.test(before) ? ' ' : '';
    const next = `${before}${spacer}${phrase}${text.slice(end)}`;
    update({ text: next });
    // Put the cursor where the official fills in (the "…"), or after the phrase.
    const gap = phrase.indexOf('…');
    const caret = before.length + spacer.length + (gap >= 0 ? gap : phrase.length);
    requestAnimationFrame(() => {
      element?.focus();
      if (gap >= 0) element?.setSelectionRange(caret, caret + 1);
      else element?.setSelectionRange(caret, caret);
    });
  }

  const annotation = draft.text.trim()
    ? { text: draft.text.trim(), decision: (draft.decision || undefined) as Decision | undefined }
    : undefined;

  const annotate = useMutation({
    mutationFn: (): Promise<Annotation> =>
      unwrap(
        api.POST('/api/v1/register-entries/{id}/annotations', {
          params: { path: { id: receipt.entryId } },
          body: annotation!,
        }),
      ),
    onMutate: () => setSaved(null),
    onSuccess: (minute) => {
      // The minute as recorded: the server's time, not the desk's.
      setSaved(`บันทึกเกษียนแล้ว เมื่อ ${formatDateTime(minute.createdAt, digits)}`);
      update({ text: '', decision: '' });
      void queryClient.invalidateQueries({ queryKey: ['dossier', letterId] });
    },
  });

  const forward = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/register-entries/{id}/forwards', {
          params: {
            path: { id: receipt.entryId },
            header: { 'Idempotency-Key': forwardKey.current },
          },
          body: { ...recipients, annotation, responseDueAt },
        }),
      ),
    onMutate: () => setAnswer(null),
    onSuccess: (result) => {
      setAnswer(result);
      clear();
      forwardKey.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: ['dossier', letterId] });
    },
  });

  function toggleUnit(unit: { id: string; nameTh: string }) {
    const units = { ...draft.units };
    if (unit.id in units) delete units[unit.id];
    else units[unit.id] = unit.nameTh;
    update({ units });
  }

  async function pickLocalAdministrations(district: TargetUnit) {
    const page = await unwrap(
      api.GET('/api/v1/units/{id}/forward-targets', {
        params: {
          path: { id: receipt.unitId },
          query: { parentId: district.id, entryId: receipt.entryId, limit: 200 },
        },
      }),
    );
    const units = { ...draft.units };
    for (const unit of page.items)
      if (LOCAL_ADMINISTRATION_KINDS.has(unit.kind) && unit.selectable && !unit.noClearedMember)
        units[unit.id] = unit.nameTh;
    update({ units });
  }

  const forwardError = forward.error instanceof ApiError ? forward.error : null;
  const count = (n: number) => toDigits(n, digits);
  return (
    <section className="panel minute-forward" aria-labelledby="minute-heading">
      <h2 id="minute-heading">เกษียนและส่งต่อ</h2>
      <p className="muted">
        ในนาม {receipt.unitName} · เลขรับ {count(receipt.number)}/{count(receipt.beYear)}
      </p>
      <div className="field">
        <label htmlFor="minute-text">เกษียน</label>
        <div className="phrases" role="group" aria-label="ข้อความที่ใช้บ่อย">
          {PHRASES.map((phrase) => (
            <button
              key={phrase}
              type="button"
              className="button small secondary"
              onClick={() => insertPhrase(phrase)}
            >
              {phrase}
            </button>
          ))}
        </div>
        <textarea
          id="minute-text"
          ref={box}
          rows={4}
          value={draft.text}
          aria-describedby="minute-hint"
          onChange={(event) => update({ text: event.target.value })}
        />
        <span id="minute-hint" className="field-hint">
          กดข้อความที่ใช้บ่อยเพื่อแทรก แล้วแก้ไขได้ ข้อความที่พิมพ์ไว้จะไม่หายแม้ออกจากหน้านี้
        </span>
      </div>
      <div className="field">
        <label htmlFor="minute-decision">คำสั่ง/ความเห็น</label>
        <select
          id="minute-decision"
          value={draft.decision}
          onChange={(event) => update({ decision: event.target.value })}
        >
          {DECISIONS.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button
          type="button"
          className="button secondary"
          disabled={!annotation || annotate.isPending}
          onClick={() => annotate.mutate()}
        >
          บันทึกเกษียน (ไม่ส่งต่อ)
        </button>
      </div>
      {saved && (
        <p className="alert success" role="status">
          {saved}
        </p>
      )}
      {annotate.error && (
        <p className="alert error" role="alert">
          {annotate.error.message}
        </p>
      )}

      <h3>ผู้รับ</h3>
      {picks.length > 0 && (
        <div className="row" role="group" aria-label="เลือกตามประเภทหน่วยงาน">
          {picks.map((pick) => (
            <button
              key={pick.key}
              type="button"
              className="button small secondary"
              aria-pressed={draft.picks.includes(pick.key)}
              onClick={() =>
                update({
                  picks: draft.picks.includes(pick.key)
                    ? draft.picks.filter((k) => k !== pick.key)
                    : [...draft.picks, pick.key],
                })
              }
            >
              {pick.labelTh} ({count(pick.count)})
            </button>
          ))}
          {current && current.localAdministrations > 0 && (
            <button
              type="button"
              className="button small secondary"
              onClick={() => void pickLocalAdministrations(current)}
            >
              ทุก อปท. ใน{current.nameTh} ({count(current.localAdministrations)})
            </button>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="recipient-search">ค้นหาหน่วยงานจากชื่อ</label>
        <input
          id="recipient-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-describedby="recipient-search-hint"
        />
        <span id="recipient-search-hint" className="field-hint">
          พิมพ์อย่างน้อย ๒ ตัวอักษร · ในรายชื่อใช้ลูกศรเลื่อน/เปิดปิด เว้นวรรคเพื่อเลือก
        </span>
      </div>
      <RecipientTree
        unitId={receipt.unitId}
        entryId={receipt.entryId}
        search={[...search.trim()].length >= 2 ? search.trim() : ''}
        checked={draft.units}
        onToggle={toggleUnit}
        onFocusUnit={setCurrent}
        onRoot={setRoot}
      />
      {unitIds.length > 0 && (
        <ul className="chosen" aria-label="หน่วยงานที่เลือก">
          {Object.entries(draft.units).map(([id, name]) => (
            <li key={id}>
              {name}{' '}
              <button
                type="button"
                className="button small secondary"
                aria-label={`นำ ${name} ออก`}
                onClick={() => toggleUnit({ id, nameTh: name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Suspense fallback={<p className="muted">กำลังโหลดปฏิทิน…</p>}>
        <DueDatePicker
          value={draft.due}
          onChange={(due) => update({ due })}
          error={
            forwardError?.problem.code === 'FORWARD_DEADLINE_INVALID'
              ? forwardError.message
              : undefined
          }
        />
      </Suspense>
      <p className="recipient-count" aria-live="polite">
        {!anyone
          ? 'ยังไม่ได้เลือกผู้รับ'
          : preview.data
            ? `ผู้รับ ${count(preview.data.recipients)} หน่วยงาน` +
              (preview.data.alreadySent > 0
                ? ` (ได้รับหนังสือนี้แล้ว ${count(preview.data.alreadySent)} · จะส่งใหม่ ${count(preview.data.willCreate)})`
                : '') +
              (draft.due ? ` · กำหนดตอบ ${formatDate(draft.due, digits)}` : '')
            : 'กำลังนับผู้รับ…'}
      </p>
      {preview.data && preview.data.noClearedMember.count > 0 && (
        <p className="alert warning">
          หน่วยงานเหล่านี้ไม่มีผู้มีสิทธิ์รับหนังสือลับ:{' '}
          {preview.data.noClearedMember.units.map((u) => u.nameTh).join(', ')}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={!anyone || forward.isPending}
        onClick={() => forward.mutate()}
      >
        ส่งต่อ
      </button>
      {forward.error && (
        <p className="alert error" role="alert">
          {forward.error.message} ข้อความและผู้รับที่เลือกไว้ยังอยู่
        </p>
      )}
      {answer && (
        <p className="alert success" role="status">
          ส่งต่อแล้ว {count(answer.created)} หน่วยงาน
          {answer.skipped.count > 0
            ? ` · ข้าม ${count(answer.skipped.count)} หน่วยงานที่ได้รับหนังสือนี้แล้ว`
            : ''}
        </p>
      )}
    </section>
  );
}
