import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { LetterSummary, Page } from '../api/types';
import { SelectField } from '../app/SelectField';
import { useWorkspace } from '../app/workspace';
import { formatDate, SECRECY_LABEL, SPEED_LABEL } from '../lib/thai';

type Speed = 'none' | 'urgent' | 'very_urgent' | 'most_urgent';

/** ค้นหา: Thai substring search over the letters this user may see. */
export function SearchPage() {
  const { digits } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const speed = (params.get('speed') ?? '') as Speed | '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState({ q, speed, from, to });
  const results = useQuery({
    queryKey: ['search', q, speed, from, to],
    enabled: q !== '' || from !== '' || to !== '' || speed !== '',
    queryFn: () =>
      unwrap<Page<LetterSummary>>(
        api.GET('/api/v1/letters', {
          params: {
            query: {
              q: q || undefined,
              speed: speed || undefined,
              from: from || undefined,
              to: to || undefined,
              limit: 50,
            },
          },
        }),
      ),
  });
  const problem = results.error instanceof ApiError ? results.error : null;
  return (
    <>
      <h1>ค้นหาหนังสือ</h1>
      <form
        role="search"
        className="panel toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          for (const [key, value] of Object.entries(draft))
            if (value.trim()) next.set(key, value.trim());
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="search-q">คำค้น (เรื่อง ผู้ส่ง หรือเลขที่หนังสือ)</label>
          <input
            id="search-q"
            type="search"
            value={draft.q}
            aria-invalid={
              problem?.forField('q') || problem?.problem.code === 'SEARCH_QUERY_TOO_SHORT'
                ? true
                : undefined
            }
            aria-describedby={problem ? 'search-error' : undefined}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <SelectField
          id="search-speed"
          label="ความเร่งด่วน"
          value={draft.speed}
          options={Object.entries(SPEED_LABEL) as [Speed, string][]}
          anyLabel="ทั้งหมด"
          onChange={(speed) => setDraft({ ...draft, speed })}
        />
        <div className="field">
          <label htmlFor="search-from">ลงวันที่ตั้งแต่</label>
          <input
            id="search-from"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="search-to">ถึง</label>
          <input
            id="search-to"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </div>
        <button type="submit" className="button">
          ค้นหา
        </button>
      </form>
      {problem && (
        <p id="search-error" className="alert error" role="alert">
          {problem.message}
        </p>
      )}
      {results.isFetching && <p className="muted">กำลังค้นหา…</p>}
      {results.data && (
        <section aria-label="ผลการค้นหา">
          <p>
            พบ {results.data.items.length} รายการ
            {results.data.nextCursor ? ' (แสดง ๕๐ รายการแรก)' : ''}
          </p>
          {results.data.items.length > 0 && (
            <table className="list" aria-label="ผลการค้นหา">
              <thead>
                <tr>
                  <th scope="col">เรื่อง</th>
                  <th scope="col">ที่</th>
                  <th scope="col">ลงวันที่</th>
                  <th scope="col">จาก</th>
                </tr>
              </thead>
              <tbody>
                {results.data.items.map((letter) => (
                  <tr key={letter.id}>
                    <td>
                      {letter.speed !== 'none' && (
                        <span className={`badge ${letter.speed}`}>{SPEED_LABEL[letter.speed]}</span>
                      )}
                      {letter.secrecy !== 'none' && (
                        <span className="badge secret">{SECRECY_LABEL[letter.secrecy]}</span>
                      )}
                      <Link to={`/letters/${letter.id}`}>{letter.subject}</Link>
                    </td>
                    <td>{letter.referenceRaw ?? '—'}</td>
                    <td>{letter.letterDateRaw ?? formatDate(letter.letterDate, digits)}</td>
                    <td>{letter.senderText ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
