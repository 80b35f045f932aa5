import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Unit } from '../../api/types';
import { SelectField } from '../../app/SelectField';
import { formatDate, formatDateTime, todayIso } from '../../lib/thai';
import { Done, PageProblem, problems, TextField } from './fields';
import { CLEARANCE_LABEL, ROLE_LABEL } from './labels';
import type { AdminUser, Clearance, Membership, Role, UserPage } from './types';
import { UnitPicker } from './UnitPicker';

const BookRangePicker = lazy(() => import('../BookRangePicker'));

const ROLE_OPTIONS = Object.entries(ROLE_LABEL) as [Role, string][];
const CLEARANCE_OPTIONS = Object.entries(CLEARANCE_LABEL) as [Clearance, string][];

function rolesText(user: AdminUser, unitId?: string): string {
  return user.memberships
    .filter((m) => unitId === undefined || m.unitId === unitId)
    .map(
      (m) =>
        `${ROLE_LABEL[m.role]}${m.acting ? ' (รักษาราชการแทน)' : ''}${unitId ? '' : ` · ${m.unitName}`}`,
    )
    .join(', ');
}

function UserTable({
  users,
  caption,
  unitId,
}: {
  users: AdminUser[];
  caption: string;
  unitId?: string;
}) {
  return (
    <table className="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">ชื่อ</th>
          <th scope="col">ชื่อผู้ใช้</th>
          <th scope="col">บทบาท</th>
          <th scope="col">ชั้นความลับ</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
              {!user.active && <span className="muted"> (ปิดการใช้งานบัญชี)</span>}
              {user.positionTitle && <div className="muted">{user.positionTitle}</div>}
            </td>
            <td>{user.username}</td>
            <td>{rolesText(user, unitId)}</td>
            <td>{CLEARANCE_LABEL[user.clearance]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** ผู้ใช้ในหน่วยงาน: the unit's current members and a form to add a person to it. */
export function PeopleOfUnit({ unit }: { unit: Unit }) {
  const members = useQuery({
    queryKey: ['admin-users', { unitId: unit.id }],
    queryFn: () =>
      unwrap<UserPage>(
        api.GET('/api/v1/users', { params: { query: { unitId: unit.id, limit: 200 } } }),
      ),
  });
  return (
    <section className="panel" aria-labelledby="unit-people">
      <h2 id="unit-people">ผู้ใช้ในหน่วยงาน</h2>
      {members.error && <PageProblem message={members.error.message} />}
      {members.data && members.data.items.length === 0 && (
        <p className="muted">ยังไม่มีผู้ใช้ในหน่วยงานนี้</p>
      )}
      {members.data && members.data.items.length > 0 && (
        <UserTable users={members.data.items} caption={`ผู้ใช้ของ${unit.nameTh}`} unitId={unit.id} />
      )}
      <NewUser unit={unit} />
    </section>
  );
}

const USER_FIELDS = ['username', 'displayName', 'positionTitle', 'password', 'role', 'clearance'];

function NewUser({ unit }: { unit: Unit }) {
  const queryClient = useQueryClient();
  const empty = {
    username: '',
    displayName: '',
    positionTitle: '',
    password: '',
    role: 'clerk' as Role,
    clearance: 'none' as Clearance,
  };
  const [form, setForm] = useState(empty);
  const [created, setCreated] = useState<AdminUser | null>(null);
  const create = useMutation({
    mutationFn: () =>
      unwrap<AdminUser>(
        api.POST('/api/v1/users', {
          body: {
            username: form.username,
            displayName: form.displayName,
            positionTitle: form.positionTitle.trim() || undefined,
            password: form.password,
            role: form.role,
            clearance: form.clearance,
            unitId: unit.id,
          },
        }),
      ),
    onSuccess: (user) => {
      setCreated(user);
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
  const { forField, page } = problems(create.error, USER_FIELDS);
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  return (
    <form
      aria-labelledby="user-new"
      onSubmit={(event) => {
        event.preventDefault();
        if (!create.isPending) create.mutate();
      }}
    >
      <h3 id="user-new">เพิ่มผู้ใช้ในหน่วยงานนี้</h3>
      <div className="form-grid">
        <TextField
          id="new-user-username"
          label="ชื่อผู้ใช้"
          value={form.username}
          onChange={set('username')}
          error={forField('username')}
          hint="ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข จุด ขีด เช่น somjai.j"
          required
        />
        <TextField
          id="new-user-display-name"
          label="ชื่อ-นามสกุล"
          value={form.displayName}
          onChange={set('displayName')}
          error={forField('displayName')}
          required
        />
        <TextField
          id="new-user-position"
          label="ตำแหน่ง"
          value={form.positionTitle}
          onChange={set('positionTitle')}
          error={forField('positionTitle')}
        />
        <TextField
          id="new-user-password"
          label="รหัสผ่านเริ่มต้น"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={forField('password')}
          hint="อย่างน้อย ๑๒ ตัวอักษร มีอักขระอย่างน้อยสองประเภท"
          required
        />
        <SelectField
          id="new-user-role"
          label="บทบาทในหน่วยงาน"
          value={form.role}
          options={ROLE_OPTIONS}
          onChange={(role) => setForm({ ...form, role })}
        />
        <SelectField
          id="new-user-clearance"
          label="ชั้นความลับที่เข้าถึงได้"
          value={form.clearance}
          options={CLEARANCE_OPTIONS}
          onChange={(clearance) => setForm({ ...form, clearance })}
        />
      </div>
      {forField('clearance') && <p className="field-error">{forField('clearance')}</p>}
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={create.isPending}>
        เพิ่มผู้ใช้
      </button>
      <Done message={created ? `เพิ่มผู้ใช้ ${created.displayName} (${created.username}) แล้ว` : null} />
    </form>
  );
}

/** ผู้ใช้: everyone the admin administers, searched by name or username. */
export function UsersPanel() {
  const [text, setText] = useState('');
  const q = text.trim();
  const users = useQuery({
    queryKey: ['admin-users', { q }],
    queryFn: () =>
      unwrap<UserPage>(
        api.GET('/api/v1/users', { params: { query: { q: q || undefined, limit: 100 } } }),
      ),
  });
  return (
    <>
      <h1>ผู้ใช้</h1>
      <div className="toolbar">
        <TextField id="user-search" label="ค้นหาชื่อหรือชื่อผู้ใช้" value={text} onChange={setText} />
      </div>
      {users.error && <PageProblem message={users.error.message} />}
      {users.data && <UserTable users={users.data.items} caption="ผู้ใช้ในหน่วยงานที่ดูแล" />}
      {users.data?.nextCursor && <p className="muted">แสดง ๑๐๐ คนแรก พิมพ์ชื่อเพื่อค้นหาให้แคบลง</p>}
      <p className="muted">เพิ่มผู้ใช้ใหม่ได้ที่หน้าหน่วยงานของผู้ใช้นั้น</p>
    </>
  );
}

/** One person: name, position, clearance, and memberships (add, acting head, end). */
export function UserPanel({ rootIds }: { rootIds: string[] }) {
  const { userId = '' } = useParams();
  const user = useQuery({
    queryKey: ['admin-user', userId],
    queryFn: () =>
      unwrap<AdminUser>(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })),
  });
  if (user.error) return <PageProblem message={user.error.message} />;
  if (!user.data) return <p className="muted">กำลังโหลด…</p>;
  return (
    <>
      <h1>
        {user.data.displayName} <span className="muted">({user.data.username})</span>
      </h1>
      <EditUser key={user.data.id} user={user.data} />
      <AccountState user={user.data} />
      <Memberships user={user.data} />
      <AddMembership user={user.data} rootIds={rootIds} />
    </>
  );
}

function useRefreshUser(userId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['admin-user', userId] });
    void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
  };
}

function EditUser({ user }: { user: AdminUser }) {
  const refresh = useRefreshUser(user.id);
  const [form, setForm] = useState({
    displayName: user.displayName,
    positionTitle: user.positionTitle ?? '',
    clearance: user.clearance,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap<AdminUser>(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            displayName: form.displayName,
            positionTitle: form.positionTitle.trim() || null,
            clearance: form.clearance,
          },
        }),
      ),
    onSuccess: refresh,
  });
  const { forField, page } = problems(save.error, ['displayName', 'positionTitle', 'clearance']);
  return (
    <form
      className="panel"
      aria-labelledby="user-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <h2 id="user-edit">ข้อมูลผู้ใช้</h2>
      <div className="form-grid">
        <TextField
          id="user-display-name"
          label="ชื่อ-นามสกุล"
          value={form.displayName}
          onChange={(displayName) => setForm({ ...form, displayName })}
          error={forField('displayName')}
          required
        />
        <TextField
          id="user-position"
          label="ตำแหน่ง"
          value={form.positionTitle}
          onChange={(positionTitle) => setForm({ ...form, positionTitle })}
          error={forField('positionTitle')}
        />
        <SelectField
          id="user-clearance"
          label="ชั้นความลับที่เข้าถึงได้"
          value={form.clearance}
          options={CLEARANCE_OPTIONS}
          onChange={(clearance) => setForm({ ...form, clearance })}
        />
      </div>
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={save.isPending}>
        บันทึกข้อมูลผู้ใช้
      </button>
      <Done message={save.isSuccess ? 'บันทึกข้อมูลผู้ใช้แล้ว' : null} />
    </form>
  );
}

/**
 * บัญชีผู้ใช้: close an account (a person who left: every session ends, sign-in is refused,
 * memberships stay on record) after a second, explicit click; or open it again.
 */
function AccountState({ user }: { user: AdminUser }) {
  const refresh = useRefreshUser(user.id);
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: (active: boolean) =>
      unwrap<AdminUser>(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { active } }),
      ),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
  });
  return (
    <section className="panel" aria-labelledby="user-account">
      <h2 id="user-account">บัญชีผู้ใช้</h2>
      <p>
        {user.active
          ? 'บัญชีใช้งานอยู่'
          : 'บัญชีถูกปิดการใช้งาน: เข้าสู่ระบบไม่ได้ และไม่นับเป็นผู้รับผิดชอบหนังสือของหน่วยงาน'}
      </p>
      {user.active && !confirming && (
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          ปิดการใช้งานบัญชี
        </button>
      )}
      {user.active && confirming && (
        <div role="group" aria-labelledby="user-account-confirm">
          <p id="user-account-confirm">
            ปิดการใช้งานบัญชีของ {user.displayName}? ผู้ใช้จะออกจากระบบทันทีทุกเครื่อง
          </p>
          <button
            type="button"
            className="button danger"
            disabled={change.isPending}
            onClick={() => change.mutate(false)}
          >
            ยืนยันปิดการใช้งานบัญชี
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            ไม่ปิด
          </button>
        </div>
      )}
      {!user.active && (
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => change.mutate(true)}
        >
          เปิดใช้งานบัญชีอีกครั้ง
        </button>
      )}
      <PageProblem message={change.error ? change.error.message : null} />
      <Done
        message={
          change.isSuccess
            ? user.active
              ? 'เปิดใช้งานบัญชีแล้ว ผู้ใช้ต้องเข้าสู่ระบบใหม่'
              : 'ปิดการใช้งานบัญชีแล้ว'
            : null
        }
      />
    </section>
  );
}

function membershipState(m: Membership): string {
  if (m.live) return 'ปฏิบัติงานอยู่';
  return new Date(m.startsAt) > new Date() ? 'ยังไม่เริ่ม' : 'สิ้นสุดแล้ว';
}

function Memberships({ user }: { user: AdminUser }) {
  const refresh = useRefreshUser(user.id);
  const end = useMutation({
    mutationFn: (m: Membership) =>
      unwrap<Membership>(
        api.POST('/api/v1/users/{id}/memberships/{membershipId}/end', {
          params: { path: { id: user.id, membershipId: m.id } },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <section className="panel" aria-labelledby="user-memberships">
      <h2 id="user-memberships">การสังกัดหน่วยงาน</h2>
      <table className="list">
        <caption className="visually-hidden">การสังกัดหน่วยงานของ {user.displayName}</caption>
        <thead>
          <tr>
            <th scope="col">หน่วยงาน</th>
            <th scope="col">บทบาท</th>
            <th scope="col">ตั้งแต่</th>
            <th scope="col">ถึง</th>
            <th scope="col">สถานะ</th>
            <th scope="col">
              <span className="visually-hidden">คำสั่ง</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {user.memberships.map((m) => (
            <tr key={m.id}>
              <td>{m.unitName}</td>
              <td>
                {ROLE_LABEL[m.role]}
                {m.acting && ' (รักษาราชการแทน)'}
              </td>
              <td>{formatDateTime(m.startsAt, 'thai')}</td>
              <td>{m.endsAt ? formatDateTime(m.endsAt, 'thai') : '—'}</td>
              <td>{membershipState(m)}</td>
              <td>
                {(m.endsAt === null || new Date(m.endsAt) > new Date()) && (
                  <button
                    type="button"
                    className="button small danger"
                    disabled={end.isPending}
                    aria-label={`สิ้นสุดการสังกัด ${m.unitName} ในบทบาท${ROLE_LABEL[m.role]}`}
                    onClick={() => end.mutate(m)}
                  >
                    สิ้นสุดการสังกัด
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PageProblem message={end.error ? end.error.message : null} />
      <Done message={end.isSuccess ? 'สิ้นสุดการสังกัดแล้ว มีผลตั้งแต่คำขอถัดไปของผู้ใช้' : null} />
    </section>
  );
}

function AddMembership({ user, rootIds }: { user: AdminUser; rootIds: string[] }) {
  const refresh = useRefreshUser(user.id);
  const today = todayIso();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [role, setRole] = useState<Role>('official');
  const [acting, setActing] = useState(false);
  const [range, setRange] = useState({ from: today, to: today });
  const add = useMutation({
    mutationFn: () =>
      unwrap<Membership>(
        api.POST('/api/v1/users/{id}/memberships', {
          params: { path: { id: user.id } },
          body: {
            unitId: unit?.id ?? '',
            role: acting ? 'head' : role,
            acting,
            startsOn: acting ? range.from : undefined,
            endsOn: acting ? range.to : undefined,
          },
        }),
      ),
    onSuccess: refresh,
  });
  const { forField, page } = problems(add.error, ['unitId', 'startsOn', 'endsOn']);
  const rangeError = forField('startsOn') ?? forField('endsOn');
  return (
    <form
      className="panel"
      aria-labelledby="membership-new"
      onSubmit={(event) => {
        event.preventDefault();
        if (unit && !add.isPending) add.mutate();
      }}
    >
      <h2 id="membership-new">เพิ่มการสังกัดหรือการรักษาราชการแทน</h2>
      <UnitPicker
        id="membership-unit"
        label="ค้นหาหน่วยงาน"
        rootIds={rootIds}
        value={unit}
        onChange={setUnit}
        error={forField('unitId')}
      />
      <div className="form-grid">
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={acting}
              onChange={(event) => setActing(event.target.checked)}
            />
            รักษาราชการแทนหัวหน้าหน่วยงาน (ระบุช่วงวันที่)
          </label>
        </div>
        {!acting && (
          <SelectField
            id="membership-role"
            label="บทบาท"
            value={role}
            options={ROLE_OPTIONS}
            onChange={setRole}
          />
        )}
      </div>
      {acting && (
        <Suspense fallback={<p className="muted">กำลังโหลด…</p>}>
          <BookRangePicker
            label="ช่วงวันที่รักษาราชการแทน (พ.ศ.)"
            value={range}
            onChange={setRange}
            error={rangeError}
          />
          <p className="muted">
            ตั้งแต่ {formatDate(range.from, 'thai')} ถึง {formatDate(range.to, 'thai')} (รวมทั้งสองวัน)
          </p>
        </Suspense>
      )}
      <PageProblem message={page} />
      <button type="submit" className="button" disabled={!unit || add.isPending}>
        เพิ่มการสังกัด
      </button>
      <Done message={add.isSuccess && unit ? `เพิ่มการสังกัด ${unit.nameTh} แล้ว` : null} />
    </form>
  );
}
