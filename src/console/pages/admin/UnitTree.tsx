import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Unit } from '../../api/types';
import { type TreeRow, useTree, visibleRows } from '../../lib/tree';
import type { UnitPage } from './types';

interface Row extends TreeRow {
  unit: Unit;
  /** Opened and its children not read yet. */
  loading: boolean;
}

/** Every child of a unit, page after page (a province has a few dozen; a district fewer). */
async function allChildren(parentId: string): Promise<Unit[]> {
  const units: Unit[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap<UnitPage>(
      api.GET('/api/v1/units/{id}/children', {
        params: { path: { id: parentId }, query: { cursor, limit: 100 } },
      }),
    );
    units.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return units;
}

/**
 * The unit tree from the units the admin administers, as a WAI-ARIA tree on the console's
 * tree keyboard (lib/tree, as the recipient picker): a node's children are read when it is
 * first opened; Enter or a click opens the unit's page, which is marked aria-current.
 */
export function UnitTree({ rootIds, selectedId }: { rootIds: string[]; selectedId?: string }) {
  const navigate = useNavigate();
  // Opened or closed by the reader; the units the admin administers start open, as their
  // first level is what they came for.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isOpen = (id: string) => toggled.get(id) ?? rootIds.includes(id);
  const roots = useQueries({
    queries: rootIds.map((id) => ({
      queryKey: ['admin-unit', id],
      queryFn: () => unwrap<Unit>(api.GET('/api/v1/units/{id}', { params: { path: { id } } })),
    })),
  });
  const open = [...new Set([...rootIds, ...toggled.keys()])].filter(isOpen);
  const childLists = useQueries({
    queries: open.map((id) => ({
      queryKey: ['admin-children', id],
      queryFn: () => allChildren(id),
    })),
  });
  const childrenOf = new Map<string, Unit[] | undefined>(
    open.map((id, index) => [id, childLists[index].data]),
  );
  const childError = childLists.find((list) => list.error)?.error;
  const top = roots.flatMap((root) => (root.data ? [root.data] : []));

  const rows = visibleRows<Unit, Row>(
    top,
    (unit) => childrenOf.get(unit.id),
    (unit, place) => {
      const opened = isOpen(unit.id);
      const known = childrenOf.get(unit.id);
      return {
        ...place,
        unit,
        id: unit.id,
        name: unit.nameTh,
        // Until its children are read, any unit may have some.
        expandable: known === undefined || known.length > 0,
        expanded: opened,
        loading: opened && known === undefined,
      };
    },
  );

  const setOpen = (id: string, value: boolean) =>
    setToggled((previous) => new Map(previous).set(id, value));

  const tree = useTree(rows, {
    expand: (row) => setOpen(row.id, true),
    collapse: (row) => setOpen(row.id, false),
    activate: (row) => void navigate(`/admin/units/${row.id}`),
    // A reader tabbing in arrives on the unit whose page is open.
    initialId: selectedId,
  });

  function render(level: number, parentId: string | null): React.ReactNode {
    return rows
      .filter((row) => row.level === level && row.parentId === parentId)
      .map((row) => {
        const { unit } = row;
        const labelId = `unit-tree-${unit.id}`;
        const current = unit.id === selectedId;
        return (
          <li
            key={unit.id}
            {...tree.itemProps(row)}
            aria-labelledby={labelId}
            aria-current={current ? 'page' : undefined}
            onClick={(event) => {
              event.stopPropagation();
              tree.focus(row);
              void navigate(`/admin/units/${unit.id}`);
            }}
          >
            <span className="tree-row">
              <span
                className="tree-toggle"
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  if (row.expandable) setOpen(unit.id, !row.expanded);
                }}
              >
                {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
              </span>
              <span id={labelId} className={unit.active ? 'tree-name' : 'tree-name inactive'}>
                {unit.nameTh}
                {!unit.active && ' (ปิดใช้งาน)'}
              </span>
              {row.loading && <span className="muted">กำลังโหลด…</span>}
            </span>
            {row.expanded && (childrenOf.get(unit.id)?.length ?? 0) > 0 && (
              <ul role="group">{render(level + 1, unit.id)}</ul>
            )}
          </li>
        );
      });
  }

  return (
    <div className="unit-tree">
      {childError && <p className="field-error">{childError.message}</p>}
      {rows.length === 0 ? (
        <p className="muted">กำลังโหลด…</p>
      ) : (
        <ul role="tree" aria-label="ผังหน่วยงาน" onKeyDown={tree.onKeyDown}>
          {render(1, null)}
        </ul>
      )}
    </div>
  );
}
