import { Anchor, Button, Group, Modal, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { AdvanceStatusBadge } from './AdvanceStatusBadge';
import { type AdvanceData, useAdvances, useDecideAdvance } from './use-advances';

type Decision = { advance: AdvanceData; action: 'approve' | 'refuse' | 'write-off' };

/** The advances one sees (a member: her activities'), with the team's decisions on each row. */
export function AdvancesList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const list = useAdvances();
  const decide = useDecideAdvance();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');

  const submit = () => {
    if (!deciding) return;
    const { advance, action } = deciding;
    decide.mutate(
      { id: advance.id, action, reason: action === 'approve' ? undefined : reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(action === 'approve' ? 'advances.actions.approved' : action === 'refuse' ? 'advances.actions.refused' : 'advances.actions.writtenOff') });
          setDeciding(null);
          setReason('');
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  };

  const columns: ListColumn<AdvanceData>[] = [
    {
      key: 'invoice',
      header: t('advances.list.invoice'),
      phone: 'title',
      cell: (a) =>
        a.quoteId ? (
          <Anchor component={Link} to={`/quotes/${a.quoteId}`}>
            {t('advances.list.quote', { number: a.quoteNumber ?? '—' })}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/invoices/${a.invoiceId}`}>
            {a.invoiceNumber ?? '—'}
          </Anchor>
        ),
    },
    { key: 'status', header: t('advances.list.status'), phone: 'badge', cell: (a) => <AdvanceStatusBadge status={a.status} /> },
    { key: 'activity', header: t('advances.list.activity'), cell: (a) => a.activityName },
    { key: 'member', header: t('advances.list.member'), cell: (a) => a.memberName },
    { key: 'amount', header: t('advances.list.amount'), align: 'right', nowrap: true, cell: (a) => fmt.money(a.amountCents) },
    { key: 'fee', header: t('advances.list.fee'), align: 'right', nowrap: true, cell: (a) => fmt.money(a.feeCents) },
    { key: 'outstanding', header: t('advances.list.outstanding'), align: 'right', nowrap: true, cell: (a) => fmt.money(a.outstandingCents) },
    { key: 'requestedAt', header: t('advances.list.requestedAt'), nowrap: true, cell: (a) => fmt.date(a.requestedAt) },
    ...(team
      ? [
          {
            key: 'actions',
            header: t('advances.list.actions'),
            cell: (a: AdvanceData) => (
              <Group gap="xs" wrap="wrap">
                {a.status === 'requested' && (
                  <>
                    <Button size="xs" onClick={() => setDeciding({ advance: a, action: 'approve' })} data-testid={`advance-approve-${a.id}`}>
                      {t('advances.actions.approve')}
                    </Button>
                    <Button size="xs" variant="light" color="gray" onClick={() => setDeciding({ advance: a, action: 'refuse' })}>
                      {t('advances.actions.refuse')}
                    </Button>
                  </>
                )}
                {a.status === 'paid' && a.outstandingCents > 0 && (
                  <Button size="xs" variant="light" color="red" onClick={() => setDeciding({ advance: a, action: 'write-off' })}>
                    {t('advances.actions.writeOff')}
                  </Button>
                )}
              </Group>
            ),
          } satisfies ListColumn<AdvanceData>,
        ]
      : []),
  ];

  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t('advances.list.title')}
      </Title>
      <ListTable query={list} columns={columns} rowKey={(a) => a.id} rowTestId={(a) => `advance-${a.id}`} empty={t('advances.list.empty')} minWidth={900} />
      <ConfirmModal
        opened={deciding?.action === 'approve'}
        onClose={() => setDeciding(null)}
        title={t('advances.actions.approve')}
        confirmLabel={t('advances.actions.confirm')}
        onConfirm={submit}
        loading={decide.isPending}
        testId="advance-approve-modal"
      >
        {deciding ? `${deciding.advance.invoiceNumber ?? deciding.advance.quoteNumber ?? ''} — ${fmt.money(deciding.advance.amountCents)}` : ''}
      </ConfirmModal>
      <Modal opened={deciding !== null && deciding.action !== 'approve'} onClose={() => setDeciding(null)} title={deciding?.action === 'refuse' ? t('advances.actions.refuse') : t('advances.actions.writeOff')}>
        <Stack>
          <Textarea label={t('advances.actions.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minLength={3} maxLength={1000} required autosize minRows={2} />
          <Button onClick={submit} loading={decide.isPending} disabled={reason.trim().length < 3}>
            {t('advances.actions.confirm')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
