import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The filters and page of a list, kept in the URL so a filtered list can be bookmarked,
 * shared and reloaded. A new filter starts again from the first page and replaces the
 * history entry; turning the page adds one, so "back" returns to the previous page.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setFilter = (key: string, value: string | null | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key !== 'page' },
    );
  const setPage = (p: number) => setFilter('page', p > 1 ? String(p) : null);
  return { params, setParams, page, setFilter, setPage };
}

/** A search box's text, written to `q` in the URL once typing pauses. */
export function useUrlSearch(params: URLSearchParams, setFilter: (key: string, value: string | null) => void) {
  const [search, setSearch] = useState(params.get('q') ?? '');
  const push = useDebouncedCallback((value: string) => setFilter('q', value.trim() || null), 300);
  const onSearch = (value: string) => {
    setSearch(value);
    push(value);
  };
  return { search, onSearch };
}

/**
 * The sort of a list, kept in the URL beside its filters (`sort`, `dir`): a new sort starts
 * again from the first page.
 */
export function useUrlSort(params: URLSearchParams, setParams: ReturnType<typeof useSearchParams>[1]) {
  const by = params.get('sort') ?? undefined;
  const dir: 'asc' | 'desc' = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const onChange = (nextBy: string | undefined, nextDir: 'asc' | 'desc') =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (nextBy) {
          next.set('sort', nextBy);
          next.set('dir', nextDir);
        } else {
          next.delete('sort');
          next.delete('dir');
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { by, dir, onChange };
}

/** The query string of a list's filters and sort, without its page: what its CSV export takes. */
export function exportQueryOf(filters: Record<string, string | number | boolean | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
