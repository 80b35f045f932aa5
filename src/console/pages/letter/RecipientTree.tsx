import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
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

interface Row {
  unit: TargetUnit;
  level: number;
  parentId: string | null;
  posinset: number;
  setsize: number;
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
 * checkable items (aria-checked). Arrow keys move and open or close a node, Home/End jump,
 * Space or Enter checks, and typing a name's first letters moves to it (type-ahead).
 * Children are read when a node is first opened.
 */
export function RecipientTree(props: Props) {
  const { unitId, entryId, search, checked, onToggle, onFocusUnit, onRoot } = props;
  const [children, setChildren] = useState<Record<string, TargetUnit[]>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const items = useRef(new Map<string, HTMLLIElement>());
  const typed = useRef({ text: '', at: 0 });
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

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (list: TargetUnit[], level: number, parentId: string | null) => {
      list.forEach((unit, index) => {
        out.push({ unit, level, parentId, posinset: index + 1, setsize: list.length });
        if (!search && expanded.has(unit.id) && children[unit.id])
          walk(children[unit.id], level + 1, unit.id);
      });
    };
    walk(children[search ? `q:${search}` : ROOT] ?? [], 1, null);
    return out;
  }, [children, expanded, search]);

  const focusedRow = rows.find((row) => row.unit.id === focused) ?? rows[0];

  function focus(row: Row | undefined) {
    if (!row) return;
    setFocused(row.unit.id);
    onFocusUnit(row.unit);
    items.current.get(row.unit.id)?.focus();
  }

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

  function onKeyDown(event: React.KeyboardEvent) {
    const row = focusedRow;
    if (!row) return;
    const index = rows.indexOf(row);
    const isOpen = expanded.has(row.unit.id);
    switch (event.key) {
      case 'ArrowDown':
        focus(rows[index + 1]);
        break;
      case 'ArrowUp':
        focus(rows[index - 1]);
        break;
      case 'Home':
        focus(rows[0]);
        break;
      case 'End':
        focus(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (row.unit.children > 0 && !search) {
          if (!isOpen) void expand(row.unit);
          else focus(rows[index + 1]);
        }
        break;
      case 'ArrowLeft':
        if (isOpen) collapse(row.unit.id);
        else focus(rows.find((r) => r.unit.id === row.parentId));
        break;
      case ' ':
      case 'Enter':
        toggle(row.unit);
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        // Type-ahead: the letters typed within a moment make one prefix.
        const now = Date.now();
        typed.current = {
          text: (now - typed.current.at < 800 ? typed.current.text : '') + event.key,
          at: now,
        };
        const text = typed.current.text;
        const order = [...rows.slice(index + (text.length === 1 ? 1 : 0)), ...rows.slice(0, index)];
        focus(
          order.find((r) => r.unit.nameTh.startsWith(text)) ??
            order.find((r) => r.unit.nameTh.includes(text)),
        );
      }
    }
    event.preventDefault();
  }

  function render(level: number, parentId: string | null): React.ReactNode {
    return rows
      .filter((row) => row.level === level && row.parentId === parentId)
      .map((row) => {
        const { unit } = row;
        const isOpen = !search && expanded.has(unit.id);
        const blocked = !unit.selectable || unit.noClearedMember === true;
        return (
          <li
            key={unit.id}
            ref={(element) => {
              if (element) items.current.set(unit.id, element);
              else items.current.delete(unit.id);
            }}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.posinset}
            aria-setsize={row.setsize}
            aria-expanded={unit.children > 0 && !search ? isOpen : undefined}
            aria-checked={blocked ? undefined : unit.id in checked}
            aria-disabled={blocked ? true : undefined}
            tabIndex={focusedRow?.unit.id === unit.id ? 0 : -1}
            onFocus={(event) => {
              if (event.target !== event.currentTarget) return;
              setFocused(unit.id);
              onFocusUnit(unit);
            }}
            onClick={(event) => {
              event.stopPropagation();
              focus(row);
              toggle(unit);
            }}
          >
            <span className="tree-row">
              {unit.children > 0 && !search ? (
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
          onKeyDown={onKeyDown}
        >
          {render(1, null)}
        </ul>
      )}
    </div>
  );
}
