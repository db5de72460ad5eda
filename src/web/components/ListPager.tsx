import { Group, Pagination, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

interface ListPagerProps {
  /** Rows matching the filters, as the API counts them. */
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  /** The accessible name of the pager, e.g. "Pages des membres". */
  label: string;
  /** "12 membres": shown on the left when given. */
  count?: string;
}

/** The footer of every paginated list: how many rows, and the pages, the same on every screen. */
export function ListPager({ total, pageSize, page, onChange, label, count }: ListPagerProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify={count ? 'space-between' : 'center'} wrap="wrap">
      {count && (
        <Text size="sm" c="dimmed">
          {count}
        </Text>
      )}
      <Pagination total={pages} value={Math.min(page, pages)} onChange={onChange} siblings={phone ? 0 : 1} hideWithOnePage aria-label={label} />
    </Group>
  );
}
