import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { type TreeRow, useTree, visibleRows } from '../../lib/tree';
import type { TargetsPage, TargetUnit } from './types';

interface Props {
  /** The unit the letter is forwarded from. */
  unitId: string;
  entryId: string;
  /** Thai name search (two characters or more), or '' for the tree. */
  search: string;
  checked: Record<string, string>;
  onToggle: (unit: TargetUnit) => void;
  /** The unit the keyboard or mouse is on (for "ทุก อปท. ในอำเภอ"). */
  onFocusUnit: (unit: TargetUnit | null) => void;
  onRoot: (page: TargetsPage) => void;
}

interface Row extends TreeRow {
  unit: TargetUnit;
}

const ROOT = 'root';

/** Every page of one listing (a province has a few dozen children; a search is capped). */
async function loadAll(unitId: string, entryId: string, query: { parentId?: string; q?: string }) {
  let cursor: string | undefined;
  let first: TargetsPage | null = null;
  const items: TargetUnit[] = [];
  do {
    const page = await unwrap(
      api.GET('/api/v1/units/{id}/forward-targets', {
        params: { path: { id: unitId }, query: { ...query, entryId, cursor, limit: 100 } },
      }),
    );
    first ??= page;
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && !query.q);
  return { ...first, items };
}

/**
 * The recipient picker: the units the sender may forward to as a WAI-ARIA tree with
 * checkable items (aria-checked), on the console's tree keyboard (lib/tree: arrows, Home/End,
 * type-ahead); Space or Enter checks. Children are read when a node is first opened.
 */
export function RecipientTree(props: Props) {
  const { unitId, entryId, search, checked, onToggle, onFocusUnit, onRoot } = props;
  const [children, setChildren] = useState<Record<string, TargetUnit[]>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const onRootRef = useRef(onRoot);
  onRootRef.current = onRoot;

  useEffect(() => {
    let stale = false;
    setLoading(true);
    setError(null);
    const query = search ? { q: search } : {};
    loadAll(unitId, entryId, query).then(
      (page) => {
        if (stale) return;
        setLoading(false);
        if (!search) onRootRef.current(page);
        setChildren((previous) => ({ ...previous, [search ? `q:${search}` : ROOT]: page.items }));
      },
      (failure: unknown) => {
        if (stale) return;
        setLoading(false);
        setError(failure instanceof ApiError ? failure.message : 'โหลดรายชื่อหน่วยงานไม่ได้');
      },
    );
    return () => {
      stale = true;
    };
  }, [unitId, entryId, search]);

  const rows = useMemo(
    () =>
      visibleRows<TargetUnit, Row>(
        children[search ? `q:${search}` : ROOT] ?? [],
        (unit) => children[unit.id],
        (unit, place) => ({
          ...place,
          unit,
          id: unit.id,
          name: unit.nameTh,
          // A search lists matches flat: nothing opens there.
          expandable: unit.children > 0 && !search,
          expanded: !search && expanded.has(unit.id),
        }),
      ),
    [children, expanded, search],
  );

  const tree = useTree(rows, {
    expand: (row) => void expand(row.unit),
    collapse: (row) => collapse(row.id),
    activate: (row) => toggle(row.unit),
    onFocusRow: (row) => onFocusUnit(row.unit),
  });

  async function expand(unit: TargetUnit) {
    if (unit.children === 0) return;
    setExpanded((previous) => new Set(previous).add(unit.id));
    if (children[unit.id]) return;
    try {
      const page = await loadAll(unitId, entryId, { parentId: unit.id });
      setChildren((previous) => ({ ...previous, [unit.id]: page.items }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'โหลดรายชื่อหน่วยงานไม่ได้');
    }
  }

  function collapse(id: string) {
    setExpanded((previous) => {
      const next = new Set(previous);
      next.delete(id);
      return next;
    });
  }

  function toggle(unit: TargetUnit) {
    if (unit.selectable && !unit.noClearedMember) onToggle(unit);
  }

  function render(level: number, parentId: string | null): React.ReactNode {
    return rows
      .filter((row) => row.level === level && row.parentId === parentId)
      .map((row) => {
        const { unit } = row;
        const isOpen = row.expanded;
        const blocked = !unit.selectable || unit.noClearedMember === true;
        return (
          <li
            key={unit.id}
            {...tree.itemProps(row)}
            aria-checked={blocked ? undefined : unit.id in checked}
            aria-disabled={blocked ? true : undefined}
            onClick={(event) => {
              event.stopPropagation();
              tree.focus(row);
              toggle(unit);
            }}
          >
            <span className="tree-row">
              {row.expandable ? (
                <span
                  className="tree-toggle"
                  aria-hidden="true"
                  onClick={(event) => {
                    event.stopPropagation();
                    if (isOpen) collapse(unit.id);
                    else void expand(unit);
                  }}
                >
                  {isOpen ? '▾' : '▸'}
                </span>
              ) : (
                <span className="tree-toggle" aria-hidden="true" />
              )}
              <span className="tree-check" aria-hidden="true">
                {blocked ? '' : unit.id in checked ? '☑' : '☐'}
              </span>
              <span className="tree-name">{unit.nameTh}</span>
              <span className="muted tree-kind">
                {unit.kindLabel}
                {search && unit.parentName ? ` · ${unit.parentName}` : ''}
                {unit.noClearedMember ? ' · ไม่มีผู้มีสิทธิ์รับหนังสือลับ' : ''}
              </span>
            </span>
            {isOpen && children[unit.id] && <ul role="group">{render(level + 1, unit.id)}</ul>}
          </li>
        );
      });
  }

  return (
    <div className="recipient-tree">
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {loading && <p className="muted">กำลังโหลดรายชื่อหน่วยงาน…</p>}
      {!loading && rows.length === 0 && !error && (
        <p className="muted">{search ? 'ไม่พบหน่วยงานที่ตรงกับคำค้น' : 'ไม่มีหน่วยงานที่ส่งต่อได้'}</p>
      )}
      {rows.length > 0 && (
        <ul
          role="tree"
          aria-label="หน่วยงานผู้รับ"
          aria-multiselectable="true"
          className="tree"
          onKeyDown={tree.onKeyDown}
        >
          {render(1, null)}
        </ul>
      )}
    </div>
  );
}
