import { useRef, useState } from 'react';

/** One visible node of a tree, in the order it is shown (parents before their children). */
export interface TreeRow {
  id: string;
  /** The name type-ahead matches. */
  name: string;
  /** 1 for the top level. */
  level: number;
  parentId: string | null;
  posinset: number;
  setsize: number;
  /** It has (or may have) children to show. */
  expandable: boolean;
  expanded: boolean;
}

export interface TreeActions<R extends TreeRow> {
  expand(row: R): void;
  collapse(row: R): void;
  /** Enter (and Space): check the node, open its page, … */
  activate(row: R): void;
  /** The keyboard or a click moved onto the node. */
  onFocusRow?(row: R): void;
  /** The node in the tab order until the reader moves (the current page's); else the first. */
  initialId?: string;
}

/**
 * The keyboard of a WAI-ARIA tree (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/), for
 * any tree whose visible nodes the caller lists in order: one node in the tab order (roving
 * tabindex), Up/Down to the previous and next visible node, Right to open a closed node or
 * go into an open one, Left to close an open node or go up to the parent, Home/End, Enter
 * and Space to activate, and typing a name's first letters to move to it (type-ahead). The
 * caller renders the items and spreads `itemProps(row)` on each (role treeitem, level,
 * position, expanded state, tabindex), and `onKeyDown` on the element with role tree.
 */
export function useTree<R extends TreeRow>(rows: R[], actions: TreeActions<R>) {
  const [focused, setFocused] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const typed = useRef({ text: '', at: 0 });
  const focusedRow =
    rows.find((row) => row.id === focused) ??
    rows.find((row) => row.id === actions.initialId) ??
    rows[0];

  function focus(row: R | undefined) {
    if (!row) return;
    setFocused(row.id);
    actions.onFocusRow?.(row);
    elements.current.get(row.id)?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const row = focusedRow;
    if (!row) return;
    const index = rows.indexOf(row);
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
        if (row.expandable) {
          if (!row.expanded) actions.expand(row);
          else if (rows[index + 1]?.parentId === row.id) focus(rows[index + 1]);
        }
        break;
      case 'ArrowLeft':
        if (row.expandable && row.expanded) actions.collapse(row);
        else focus(rows.find((r) => r.id === row.parentId));
        break;
      case ' ':
      case 'Enter':
        actions.activate(row);
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
          order.find((r) => r.name.startsWith(text)) ?? order.find((r) => r.name.includes(text)),
        );
      }
    }
    event.preventDefault();
  }

  /** The ARIA and focus attributes of one node's treeitem element. */
  function itemProps(row: R) {
    return {
      ref: (element: HTMLElement | null) => {
        if (element) elements.current.set(row.id, element);
        else elements.current.delete(row.id);
      },
      role: 'treeitem' as const,
      'aria-level': row.level,
      'aria-posinset': row.posinset,
      'aria-setsize': row.setsize,
      'aria-expanded': row.expandable ? row.expanded : undefined,
      tabIndex: focusedRow?.id === row.id ? 0 : -1,
      onFocus: (event: React.FocusEvent) => {
        if (event.target !== event.currentTarget) return;
        setFocused(row.id);
        actions.onFocusRow?.(row);
      },
    };
  }

  return { focusedRow, focus, onKeyDown, itemProps };
}

/** The visible rows of a tree: each node, then its children when it is open. */
export function visibleRows<T, R extends TreeRow>(
  top: T[],
  childrenOf: (node: T) => T[] | undefined,
  row: (node: T, place: Omit<TreeRow, 'id' | 'name' | 'expandable' | 'expanded'>) => R,
): R[] {
  const out: R[] = [];
  const walk = (list: T[], level: number, parentId: string | null) => {
    list.forEach((node, index) => {
      const made = row(node, { level, parentId, posinset: index + 1, setsize: list.length });
      out.push(made);
      const children = made.expanded ? childrenOf(node) : undefined;
      if (children) walk(children, level + 1, made.id);
    });
  };
  walk(top, 1, null);
  return out;
}
