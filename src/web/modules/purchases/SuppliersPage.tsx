import { Anchor, Button, Group, TextInput } from '@mantine/core';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SUPPLIER_SORTS, type SupplierListQuery } from '../../../modules/purchases/contract';
import { formatIban } from '../../../platform/identifiers/contract';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { exportQueryOf, useUrlFilters, useUrlSearch, useUrlSort } from '../../lib/url-filters';
import { SupplierFormModal } from './SupplierForm';
import { useSuppliers, type SupplierData } from './use-purchases';

/** The IBAN shown by groups of four, as it is printed on a RIB. */
export const ibanOf = (iban: string | null) => (iban ? formatIban(iban) : null);

/** The coop's suppliers, for its team and its accountant: searched, sorted, exported; recorded and changed by hand. */
export default function SuppliersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, setParams, setFilter } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const { search, onSearch } = useUrlSearch(params, setFilter);
  const [creating, setCreating] = useState(false);
  const q = params.get('q') ?? undefined;
  const sortBy = (SUPPLIER_SORTS as readonly string[]).includes(sort.by ?? '') ? (sort.by as SupplierListQuery['sort']) : undefined;
  const query: SupplierListQuery = { ...(q ? { q } : {}), ...(sortBy ? { sort: sortBy, dir: sort.dir } : {}) };
  const list = useSuppliers(query);
  const columns: ListColumn<SupplierData>[] = [
    { key: 'name', header: t('suppliers.columns.name'), sort: 'name', phone: 'title', cell: (s) => <Anchor component={Link} to={`/purchases/suppliers/${s.id}`}>{s.name}</Anchor> },
    { key: 'siren', header: 'SIREN', sort: 'siren', nowrap: true, cell: (s) => s.siren ?? '—' },
    { key: 'vat', header: t('suppliers.columns.vatNumber'), nowrap: true, cell: (s) => s.vatNumber ?? '—' },
    { key: 'iban', header: 'IBAN', nowrap: true, cell: (s) => ibanOf(s.iban) ?? '—' },
  ];
  return (
    <Page
      title={t('suppliers.title')}
      actions={
        <Group gap="xs">
          <Button component="a" href={`/api/purchases/suppliers/export.csv${exportQueryOf({ ...query })}`} download variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="supplier-export">
            {t('common.list.exportCsv')}
          </Button>
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="supplier-new">
            {t('suppliers.new')}
          </Button>
        </Group>
      }
    >
      <TextInput
        label={t('suppliers.search')}
        placeholder={t('suppliers.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        type="search"
        maw={420}
        data-testid="supplier-search"
      />
      <ListTable query={list} columns={columns} rowKey={(s) => s.id} rowTestId={(s) => `supplier-${s.id}`} empty={q ? t('suppliers.noMatch') : t('suppliers.empty')} minWidth={720} sort={sort} />
      <SupplierFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(s) => navigate(`/purchases/suppliers/${s.id}`)} />
    </Page>
  );
}
