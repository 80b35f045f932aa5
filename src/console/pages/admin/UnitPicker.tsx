import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Unit } from '../../api/types';
import type { UnitPage } from './types';

const MIN_SEARCH = 3;

/**
 * Finds a unit by part of its Thai name in the subtrees the admin administers (the API's
 * subtree search) and lets one be chosen: a labelled search box and a group of radio buttons.
 */
export function UnitPicker({
  id,
  label,
  rootIds,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  rootIds: string[];
  value: Unit | null;
  onChange: (unit: Unit | null) => void;
  error?: string;
}) {
  const [text, setText] = useState('');
  const q = text.trim();
  const searches = useQueries({
    queries: rootIds.map((rootId) => ({
      queryKey: ['admin-unit-search', rootId, q],
      enabled: q.length >= MIN_SEARCH,
      queryFn: () =>
        unwrap<UnitPage>(
          api.GET('/api/v1/units/{id}/subtree', {
            params: { path: { id: rootId }, query: { q, limit: 20 } },
          }),
        ),
    })),
  });
  const seen = new Set<string>();
  const found = searches
    .flatMap((s) => s.data?.items ?? [])
    .filter((unit) => !seen.has(unit.id) && seen.add(unit.id));
  const searching = searches.some((s) => s.isFetching);
  return (
    <div className="field unit-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        autoComplete="off"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        พิมพ์ชื่อหน่วยงานอย่างน้อย ๓ ตัวอักษร
        {value ? ` · เลือกแล้ว: ${value.nameTh}` : ''}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
      {q.length >= MIN_SEARCH && (
        <fieldset className="unit-picker-results">
          <legend>ผลการค้นหา{searching ? ' (กำลังค้นหา…)' : ''}</legend>
          {found.length === 0 && !searching && <p className="muted">ไม่พบหน่วยงาน</p>}
          {found.map((unit) => (
            <label key={unit.id} className="choice">
              <input
                type="radio"
                name={`${id}-choice`}
                checked={value?.id === unit.id}
                onChange={() => onChange(unit)}
              />
              {unit.nameTh} <span className="muted">({unit.kindLabel})</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
