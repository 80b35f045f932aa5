import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NavLink } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Unit } from '../../api/types';
import type { UnitPage } from './types';

/** The unit tree from the units the admin administers, each level read when opened. */
export function UnitTree({ rootIds, selectedId }: { rootIds: string[]; selectedId?: string }) {
  return (
    <nav className="unit-tree" aria-label="ผังหน่วยงาน">
      <ul>
        {rootIds.map((id) => (
          <RootNode key={id} id={id} selectedId={selectedId} />
        ))}
      </ul>
    </nav>
  );
}

function RootNode({ id, selectedId }: { id: string; selectedId?: string }) {
  const unit = useQuery({
    queryKey: ['admin-unit', id],
    queryFn: () => unwrap<Unit>(api.GET('/api/v1/units/{id}', { params: { path: { id } } })),
  });
  if (!unit.data) return <li className="muted">กำลังโหลด…</li>;
  return <Node unit={unit.data} selectedId={selectedId} initiallyOpen />;
}

function Node({
  unit,
  selectedId,
  initiallyOpen = false,
}: {
  unit: Unit;
  selectedId?: string;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const listId = `unit-children-${unit.id}`;
  return (
    <li>
      <div className="unit-tree-row">
        <button
          type="button"
          className="tree-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'ย่อ' : 'ขยาย'} ${unit.nameTh}`}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        <NavLink
          to={`/admin/units/${unit.id}`}
          aria-current={unit.id === selectedId ? 'page' : undefined}
          className={unit.active ? undefined : 'inactive'}
        >
          {unit.nameTh}
          {!unit.active && ' (ปิดใช้งาน)'}
        </NavLink>
      </div>
      {open && <Children parent={unit} listId={listId} selectedId={selectedId} />}
    </li>
  );
}

function Children({
  parent,
  listId,
  selectedId,
}: {
  parent: Unit;
  listId: string;
  selectedId?: string;
}) {
  const children = useInfiniteQuery({
    queryKey: ['admin-children', parent.id],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: UnitPage) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap<UnitPage>(
        api.GET('/api/v1/units/{id}/children', {
          params: { path: { id: parent.id }, query: { cursor: pageParam, limit: 100 } },
        }),
      ),
  });
  const units = children.data?.pages.flatMap((page) => page.items) ?? [];
  if (children.isPending) return <p className="muted">กำลังโหลด…</p>;
  if (children.error) return <p className="field-error">{children.error.message}</p>;
  if (units.length === 0) return null;
  return (
    <ul id={listId}>
      {units.map((unit) => (
        <Node key={unit.id} unit={unit} selectedId={selectedId} />
      ))}
      {children.hasNextPage && (
        <li>
          <button
            type="button"
            className="button small secondary"
            disabled={children.isFetchingNextPage}
            onClick={() => void children.fetchNextPage()}
          >
            แสดงหน่วยงานเพิ่ม
          </button>
        </li>
      )}
    </ul>
  );
}
