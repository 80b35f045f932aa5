import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Unit } from '../../api/types';
import { SelectField } from '../../app/SelectField';
import { Done, PageProblem, problems, TextField } from './fields';
import { UNIT_KINDS } from './labels';
import { PeopleOfUnit } from './UsersPanel';
import { UnitPicker } from './UnitPicker';
import { UnitTree } from './UnitTree';

type Kind = Unit['kind'];

/** หน่วยงาน: the tree on the left, the chosen unit's settings, sub-units and people on the right. */
export function UnitsPanel({ rootIds }: { rootIds: string[] }) {
  const { unitId } = useParams();
  const selected = unitId ?? rootIds[0];
  const unit = useQuery({
    queryKey: ['admin-unit', selected],
    queryFn: () =>
      unwrap<Unit>(api.GET('/api/v1/units/{id}', { params: { path: { id: selected } } })),
  });
  return (
    <div className="admin-split">
      <UnitTree rootIds={rootIds} selectedId={selected} />
      <div className="admin-detail">
        {unit.error && <PageProblem message={unit.error.message} />}
        {unit.data && <UnitDetail key={unit.data.id} unit={unit.data} rootIds={rootIds} />}
      </div>
    </div>
  );
}

function useRefreshUnits() {
  const queryClient = useQueryClient();
  return (...ids: (string | null)[]) => {
    for (const id of ids) {
      if (!id) continue;
      void queryClient.invalidateQueries({ queryKey: ['admin-unit', id] });
      void queryClient.invalidateQueries({ queryKey: ['admin-children', id] });
    }
  };
}

function UnitDetail({ unit, rootIds }: { unit: Unit; rootIds: string[] }) {
  return (
    <>
      <h1>
        {unit.nameTh}
        {!unit.active && ' (ปิดใช้งาน)'}
      </h1>
      <p className="muted">
        {unit.kindLabel}
        {unit.letterCode ? ` · รหัสตัวพยัญชนะ ${unit.letterCode}` : ''}
        {unit.ownerNumber ? ` · เลขประจำของเจ้าของเรื่อง ${unit.ownerNumber}` : ''}
      </p>
      <EditUnit unit={unit} />
      <NewUnit parent={unit} />
      <PeopleOfUnit unit={unit} />
      <MoveUnit unit={unit} rootIds={rootIds} />
      <ActiveSwitch unit={unit} />
    </>
  );
}

const EDIT_FIELDS = [
  'nameTh',
  'shortName',
  'letterCode',
  'ownerNumber',
  'headPosition',
  'referenceDigits',
] as const;

function EditUnit({ unit }: { unit: Unit }) {
  const refresh = useRefreshUnits();
  const [form, setForm] = useState({
    nameTh: unit.nameTh,
    shortName: unit.shortName ?? '',
    letterCode: unit.letterCode ?? '',
    ownerNumber: unit.ownerNumber ?? '',
    headPosition: unit.headPosition ?? '',
    referenceDigits: unit.referenceDigits,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap<Unit>(
        api.PATCH('/api/v1/units/{id}', {
          params: { path: { id: unit.id } },
          body: {
            nameTh: form.nameTh,
            shortName: form.shortName.trim() || null,
            letterCode: form.letterCode.trim() || null,
            ownerNumber: form.ownerNumber.trim() || null,
            headPosition: form.headPosition.trim() || null,
            referenceDigits: form.referenceDigits,
          },
        }),
      ),
    onSuccess: () => refresh(unit.id, unit.parentId),
  });
  const { forField, page } = problems(save.error, EDIT_FIELDS);
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  return (
    <form
      className="panel"
      aria-labelledby="unit-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <h2 id="unit-edit">ข้อมูลหน่วยงาน</h2>
      <div className="form-grid">
        <TextField
          id="unit-name"
          label="ชื่อหน่วยงาน"
          value={form.nameTh}
          onChange={set('nameTh')}
          error={forField('nameTh')}
          required
        />
        <TextField
          id="unit-short"
          label="ชื่อย่อ"
          value={form.shortName}
          onChange={set('shortName')}
          error={forField('shortName')}
        />
        <TextField
          id="unit-letter-code"
          label="รหัสตัวพยัญชนะ"
          value={form.letterCode}
          onChange={set('letterCode')}
          error={forField('letterCode')}
          hint="พยัญชนะไทย เช่น รอ"
        />
        <TextField
          id="unit-owner-number"
          label="เลขประจำของเจ้าของเรื่อง"
          value={form.ownerNumber}
          onChange={set('ownerNumber')}
          error={forField('ownerNumber')}
          hint="ตัวเลขคั่นด้วยจุด เช่น ๐๐๑๗.๓"
        />
        <TextField
          id="unit-head-position"
          label="ตำแหน่งหัวหน้าหน่วยงาน"
          value={form.headPosition}
          onChange={set('headPosition')}
          error={forField('headPosition')}
        />
        <SelectField
          id="unit-digits"
          label="ตัวเลขในเลขที่หนังสือ"
          value={form.referenceDigits}
          options={[
            ['thai', 'เลขไทย'],
            ['arabic', 'เลขอารบิก'],
          ]}
          onChange={(referenceDigits) => setForm({ ...form, referenceDigits })}
        />
      </div>
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={save.isPending}>
        บันทึกข้อมูลหน่วยงาน
      </button>
      <Done message={save.isSuccess ? 'บันทึกข้อมูลหน่วยงานแล้ว' : null} />
    </form>
  );
}

const NEW_FIELDS = ['kind', 'nameTh', 'shortName', 'letterCode', 'ownerNumber', 'headPosition'];

function NewUnit({ parent }: { parent: Unit }) {
  const refresh = useRefreshUnits();
  const navigate = useNavigate();
  const empty = {
    kind: 'district' as Kind,
    nameTh: '',
    shortName: '',
    letterCode: '',
    ownerNumber: '',
    headPosition: '',
  };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      unwrap<Unit>(
        api.POST('/api/v1/units', {
          body: {
            parentId: parent.id,
            kind: form.kind,
            nameTh: form.nameTh,
            shortName: form.shortName.trim() || undefined,
            letterCode: form.letterCode.trim() || undefined,
            ownerNumber: form.ownerNumber.trim() || undefined,
            headPosition: form.headPosition.trim() || undefined,
            referenceDigits: parent.referenceDigits,
          },
        }),
      ),
    onSuccess: (created) => {
      refresh(parent.id);
      setForm(empty);
      void navigate(`/admin/units/${created.id}`);
    },
  });
  const { forField, page } = problems(create.error, NEW_FIELDS);
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  return (
    <form
      className="panel"
      aria-labelledby="unit-new"
      onSubmit={(event) => {
        event.preventDefault();
        if (!create.isPending) create.mutate();
      }}
    >
      <h2 id="unit-new">เพิ่มหน่วยงานในสังกัด</h2>
      <div className="form-grid">
        <SelectField
          id="new-unit-kind"
          label="ประเภทหน่วยงาน"
          value={form.kind}
          options={UNIT_KINDS.map((k) => [k.code, k.label] as const)}
          onChange={(kind) => setForm({ ...form, kind })}
        />
        <TextField
          id="new-unit-name"
          label="ชื่อหน่วยงานใหม่"
          value={form.nameTh}
          onChange={set('nameTh')}
          error={forField('nameTh')}
          required
        />
        <TextField
          id="new-unit-short"
          label="ชื่อย่อของหน่วยงานใหม่"
          value={form.shortName}
          onChange={set('shortName')}
          error={forField('shortName')}
        />
        <TextField
          id="new-unit-letter-code"
          label="รหัสตัวพยัญชนะของหน่วยงานใหม่"
          value={form.letterCode}
          onChange={set('letterCode')}
          error={forField('letterCode')}
          hint="เว้นว่างไว้เพื่อใช้ของหน่วยงานต้นสังกัด"
        />
        <TextField
          id="new-unit-owner-number"
          label="เลขประจำของเจ้าของเรื่องของหน่วยงานใหม่"
          value={form.ownerNumber}
          onChange={set('ownerNumber')}
          error={forField('ownerNumber')}
          hint="ตัวเลขคั่นด้วยจุด เช่น ๐๐๒๓.๑"
        />
        <TextField
          id="new-unit-head-position"
          label="ตำแหน่งหัวหน้าของหน่วยงานใหม่"
          value={form.headPosition}
          onChange={set('headPosition')}
          error={forField('headPosition')}
        />
      </div>
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={create.isPending}>
        เพิ่มหน่วยงาน
      </button>
    </form>
  );
}

function MoveUnit({ unit, rootIds }: { unit: Unit; rootIds: string[] }) {
  const refresh = useRefreshUnits();
  const [target, setTarget] = useState<Unit | null>(null);
  const move = useMutation({
    mutationFn: (parent: Unit) =>
      unwrap<Unit>(
        api.POST('/api/v1/units/{id}/move', {
          params: { path: { id: unit.id } },
          body: { parentId: parent.id },
        }),
      ),
    onSuccess: (moved) => refresh(unit.id, unit.parentId, moved.parentId),
  });
  const { forField, page } = problems(move.error, ['parentId']);
  if (unit.parentId === null || rootIds.includes(unit.id)) return null;
  return (
    <form
      className="panel"
      aria-labelledby="unit-move"
      onSubmit={(event) => {
        event.preventDefault();
        if (target && !move.isPending) move.mutate(target);
      }}
    >
      <h2 id="unit-move">ย้ายหน่วยงาน</h2>
      <p className="muted">ย้ายหน่วยงานนี้พร้อมหน่วยงานในสังกัดทั้งหมดไปอยู่ใต้หน่วยงานอื่น</p>
      <UnitPicker
        id="move-target"
        label="ค้นหาหน่วยงานต้นสังกัดใหม่"
        rootIds={rootIds}
        value={target}
        onChange={setTarget}
        error={forField('parentId')}
      />
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={!target || move.isPending}>
        ย้ายไปอยู่ใต้หน่วยงานที่เลือก
      </button>
      <Done message={move.isSuccess && target ? `ย้ายไปอยู่ใต้ ${target.nameTh} แล้ว` : null} />
    </form>
  );
}

function ActiveSwitch({ unit }: { unit: Unit }) {
  const refresh = useRefreshUnits();
  const toggle = useMutation({
    mutationFn: () =>
      unwrap<Unit>(
        unit.active
          ? api.POST('/api/v1/units/{id}/deactivate', { params: { path: { id: unit.id } } })
          : api.POST('/api/v1/units/{id}/activate', { params: { path: { id: unit.id } } }),
      ),
    onSuccess: () => refresh(unit.id, unit.parentId),
  });
  if (unit.parentId === null) return null;
  return (
    <section className="panel" aria-labelledby="unit-active">
      <h2 id="unit-active">สถานะหน่วยงาน</h2>
      <p>
        {unit.active
          ? 'ปิดใช้งานได้เมื่อหน่วยงานในสังกัดปิดใช้งานหมดแล้ว หนังสือและทะเบียนเดิมยังอยู่ครบ'
          : 'หน่วยงานนี้ปิดใช้งานอยู่ เปิดใช้งานได้เมื่อหน่วยงานต้นสังกัดเปิดใช้งานอยู่'}
      </p>
      <PageProblem message={toggle.error ? toggle.error.message : null} />
      <button
        type="button"
        className={`button ${unit.active ? 'danger' : 'secondary'}`}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {unit.active ? 'ปิดใช้งานหน่วยงาน' : 'เปิดใช้งานหน่วยงาน'}
      </button>
    </section>
  );
}
