import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PLAN_TYPES, PLAN_VAT_RATES_BP, RESOURCE_KINDS, WEEKDAYS } from '../../../modules/plans/contract';
import { applyApiError } from '../../lib/forms';
import { useCreatePlan, useUpdatePlan, type PlanData } from './use-plans';

interface Values {
  name: string;
  type: (typeof PLAN_TYPES)[number];
  priceEuros: number;
  vatRateBp: string;
  includedDayPasses: number;
  includedHalfDayPasses: number;
  creditHours: number;
  creditKinds: string[];
  rollover: boolean;
  noticeDays: number;
  schedule: string[];
  active: boolean;
}

const valuesOf = (plan: PlanData | null): Values => ({
  name: plan?.name ?? '',
  type: plan?.type ?? 'nomad',
  priceEuros: (plan?.monthlyPriceCents ?? 0) / 100,
  vatRateBp: String(plan?.vatRateBp ?? 2000),
  includedDayPasses: plan?.includedDayPasses ?? 0,
  includedHalfDayPasses: plan?.includedHalfDayPasses ?? 0,
  creditHours: (plan?.includedCreditMinutes ?? 0) / 60,
  creditKinds: plan?.creditKinds ?? [],
  rollover: plan?.rollover ?? false,
  noticeDays: plan?.noticeDays ?? 30,
  schedule: (plan?.schedule ?? []).map((d) => `${d.weekday}:${d.part}`),
  active: plan?.active ?? true,
});

/** Creates or edits a plan: its price, what a month includes, its rules. */
export function PlanFormModal({ plan, opened, onClose }: { plan: PlanData | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({ initialValues: valuesOf(plan) });
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name,
      type: v.type,
      monthlyPriceCents: Math.round(v.priceEuros * 100),
      vatRateBp: Number(v.vatRateBp),
      includedDayPasses: v.includedDayPasses,
      includedHalfDayPasses: v.includedHalfDayPasses,
      includedCreditMinutes: Math.round(v.creditHours * 60),
      creditKinds: v.creditKinds.length ? (v.creditKinds as (typeof RESOURCE_KINDS)[number][]) : null,
      rollover: v.rollover,
      noticeDays: v.noticeDays,
      schedule: v.type === 'semi_permanent' && v.schedule.length ? v.schedule.map((s) => ({ weekday: s.split(':')[0] as (typeof WEEKDAYS)[number], part: s.split(':')[1] as 'day' | 'morning' | 'afternoon' })) : null,
      active: v.active,
    };
    const done = { onSuccess: () => (notifications.show({ color: 'green', message: t('plans.form.saved') }), onClose()), onError: (err: unknown) => {
        const message = applyApiError(form, err, { monthlyPriceCents: 'priceEuros', includedCreditMinutes: 'creditHours' });
        if (message) notifications.show({ color: 'red', message });
      },
    };
    if (plan) update.mutate({ id: plan.id, ...body }, done);
    else create.mutate({ ...body, passKinds: ['hot_desk'], includedCreditCents: 0, dedicatedResourceId: null }, done);
  });
  const dayOptions = WEEKDAYS.slice(0, 5).flatMap((d) => (['day', 'morning', 'afternoon'] as const).map((p) => ({ value: `${d}:${p}`, label: `${t(`plans.weekdays.${d}`)} – ${t(`plans.parts.${p}`)}` })));
  return (
    <Modal opened={opened} onClose={onClose} title={plan ? t('plans.form.editTitle') : t('plans.form.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('plans.form.name')} required data-testid="plan-name" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('plans.form.type')} data={PLAN_TYPES.map((v) => ({ value: v, label: t(`plans.types.${v}`) }))} allowDeselect={false} {...form.getInputProps('type')} />
            <NumberInput label={t('plans.form.price')} min={0} max={100_000} decimalScale={2} decimalSeparator="," data-testid="plan-price" {...form.getInputProps('priceEuros')} />
            <Select label={t('plans.form.vat')} data={PLAN_VAT_RATES_BP.map((r) => ({ value: String(r), label: `${r / 100} %` }))} allowDeselect={false} {...form.getInputProps('vatRateBp')} />
            <NumberInput label={t('plans.form.noticeDays')} min={0} max={365} {...form.getInputProps('noticeDays')} />
            <NumberInput label={t('plans.form.dayPasses')} min={0} max={62} data-testid="plan-day-passes" {...form.getInputProps('includedDayPasses')} />
            <NumberInput label={t('plans.form.halfDayPasses')} min={0} max={124} {...form.getInputProps('includedHalfDayPasses')} />
            <NumberInput label={t('plans.form.creditHours')} min={0} max={744} decimalScale={2} decimalSeparator="," {...form.getInputProps('creditHours')} />
            <MultiSelect label={t('plans.form.creditKinds')} placeholder={t('plans.form.allKinds')} data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))} {...form.getInputProps('creditKinds')} />
          </SimpleGrid>
          {form.values.type === 'semi_permanent' && <MultiSelect label={t('plans.form.schedule')} data={dayOptions} {...form.getInputProps('schedule')} />}
          <Switch label={t('plans.form.rollover')} {...form.getInputProps('rollover', { type: 'checkbox' })} />
          <Switch label={t('plans.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('plans.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="plan-save">
              {t('plans.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
