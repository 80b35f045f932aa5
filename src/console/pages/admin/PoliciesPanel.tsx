import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { SelectField } from '../../app/SelectField';
import { formatDateTime, SPEED_LABEL, toDigits } from '../../lib/thai';
import { Done, PageProblem, problems } from './fields';
import {
  editingUnit,
  formatWorkingTime,
  parseCount,
  TIME_UNIT_LABEL,
  type TimeUnit,
  unitMinutes,
} from './labels';
import type { Policy, PolicyList } from './types';

const MAX_STEPS = 3;
const UNIT_OPTIONS = Object.entries(TIME_UNIT_LABEL) as [TimeUnit, string][];

interface Duration {
  amount: string;
  unit: TimeUnit;
}

function toDuration(minutes: number, dayMinutes: number): Duration {
  const unit = editingUnit(minutes, dayMinutes);
  return { amount: toDigits(minutes / unitMinutes(unit, dayMinutes), 'thai'), unit };
}

function toMinutes(duration: Duration, dayMinutes: number): number | null {
  const amount = parseCount(duration.amount);
  return amount === null || amount === 0 ? null : amount * unitMinutes(duration.unit, dayMinutes);
}

/** ระยะเวลาเร่งรัด: the deadline to register and the escalation ladder, per speed class. */
export function PoliciesPanel() {
  const policies = useQuery({
    queryKey: ['admin-policies'],
    queryFn: () => unwrap<PolicyList>(api.GET('/api/v1/admin/escalation-policies')),
  });
  if (policies.error) return <PageProblem message={policies.error.message} />;
  if (!policies.data) return <p className="muted">กำลังโหลด…</p>;
  const day = policies.data.workingDayMinutes;
  return (
    <>
      <h1>ระยะเวลาลงรับและการเร่งรัด</h1>
      <p className="muted">
        นับเป็นเวลาทำการ (๑ วันทำการ = {toDigits(day / 60, 'thai')} ชั่วโมงทำการ) เมื่อครบกำหนดลงรับ
        ระบบเตือนเจ้าหน้าที่สารบรรณของหน่วยงานผู้รับ (ขั้นที่ ๑) แล้วเร่งรัดขึ้นไปทีละขั้น: หัวหน้าหน่วยงานผู้รับ
        หัวหน้าหน่วยงานผู้ส่ง และหน่วยงานเจ้าของเรื่อง การแก้ไขมีผลกับหนังสือที่ส่งต่อจากนี้ไป
      </p>
      <table className="list">
        <caption>ระยะเวลาปัจจุบัน</caption>
        <thead>
          <tr>
            <th scope="col">ความเร่งด่วน</th>
            <th scope="col">ลงรับภายใน</th>
            <th scope="col">เร่งรัดขั้นต่อไปทุก</th>
            <th scope="col">แก้ไขล่าสุด</th>
          </tr>
        </thead>
        <tbody>
          {policies.data.items.map((p) => (
            <tr key={p.speed}>
              <th scope="row">{SPEED_LABEL[p.speed]}</th>
              <td>{formatWorkingTime(p.ackWorkingMinutes, day)}</td>
              <td>
                {p.stepWorkingMinutes.length === 0
                  ? 'ไม่เร่งรัดต่อ'
                  : p.stepWorkingMinutes.map((m) => formatWorkingTime(m, day)).join(' → ')}
              </td>
              <td>{formatDateTime(p.updatedAt, 'thai')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {policies.data.items.map((p) => (
        <PolicyForm key={p.speed} policy={p} dayMinutes={day} />
      ))}
    </>
  );
}

function DurationField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: Duration;
  onChange: (value: Duration) => void;
  error?: string;
}) {
  return (
    <fieldset className="duration">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={`${id}-amount`}>จำนวน</label>
        <input
          id={`${id}-amount`}
          inputMode="numeric"
          value={value.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
      </div>
      <SelectField
        id={`${id}-unit`}
        label="หน่วย"
        value={value.unit}
        options={UNIT_OPTIONS}
        onChange={(unit) => onChange({ ...value, unit })}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function PolicyForm({ policy, dayMinutes }: { policy: Policy; dayMinutes: number }) {
  const queryClient = useQueryClient();
  const [ack, setAck] = useState(toDuration(policy.ackWorkingMinutes, dayMinutes));
  const [steps, setSteps] = useState(
    policy.stepWorkingMinutes.map((m) => toDuration(m, dayMinutes)),
  );
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { ackWorkingMinutes: number; stepWorkingMinutes: number[] }) =>
      unwrap<Policy>(
        api.PUT('/api/v1/admin/escalation-policies/{speed}', {
          params: { path: { speed: policy.speed } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin-policies'] }),
  });
  const { forField, page } = problems(save.error, ['ackWorkingMinutes', 'stepWorkingMinutes']);
  const speed = SPEED_LABEL[policy.speed];
  const prefix = `policy-${policy.speed}`;
  const submit = () => {
    const ackMinutes = toMinutes(ack, dayMinutes);
    const stepMinutes = steps.map((s) => toMinutes(s, dayMinutes));
    if (ackMinutes === null || stepMinutes.some((m) => m === null)) {
      setLocalError('กรุณาระบุจำนวนเป็นตัวเลขจำนวนเต็มที่มากกว่าศูนย์ทุกช่อง');
      return;
    }
    setLocalError(null);
    save.mutate({ ackWorkingMinutes: ackMinutes, stepWorkingMinutes: stepMinutes as number[] });
  };
  return (
    <form
      className="panel"
      aria-labelledby={`${prefix}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending) submit();
      }}
    >
      <h2 id={`${prefix}-title`}>หนังสือ{speed}</h2>
      <div className="durations">
        <DurationField
          id={`${prefix}-ack`}
          label={`ลงรับภายใน (${speed})`}
          value={ack}
          onChange={setAck}
          error={forField('ackWorkingMinutes')}
        />
        {steps.map((step, index) => (
          <div key={index} className="duration-step">
            <DurationField
              id={`${prefix}-step-${index}`}
              label={`จากขั้นที่ ${toDigits(index + 1, 'thai')} ถึงขั้นที่ ${toDigits(index + 2, 'thai')} (${speed})`}
              value={step}
              onChange={(value) => setSteps(steps.map((s, i) => (i === index ? value : s)))}
              error={forField(`stepWorkingMinutes.${index}`)}
            />
            {index === steps.length - 1 && (
              <button
                type="button"
                className="button small secondary"
                onClick={() => setSteps(steps.slice(0, -1))}
              >
                เอาขั้นที่ {toDigits(index + 2, 'thai')} ออก
              </button>
            )}
          </div>
        ))}
      </div>
      {steps.length < MAX_STEPS && (
        <button
          type="button"
          className="button small secondary"
          onClick={() =>
            setSteps([...steps, steps[steps.length - 1] ?? toDuration(dayMinutes, dayMinutes)])
          }
        >
          เพิ่มขั้นที่ {toDigits(steps.length + 2, 'thai')}
        </button>
      )}
      {(localError || forField('stepWorkingMinutes')) && (
        <p className="field-error" role="alert">
          {localError ?? forField('stepWorkingMinutes')}
        </p>
      )}
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={save.isPending}>
        บันทึกระยะเวลาหนังสือ{speed}
      </button>
      <Done
        message={
          save.data
            ? `บันทึกแล้ว: ลงรับภายใน ${formatWorkingTime(save.data.ackWorkingMinutes, dayMinutes)}`
            : null
        }
      />
    </form>
  );
}
