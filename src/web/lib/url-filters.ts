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
