import { FilterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Grid, Select } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useId, useState } from 'react';
import { useToday } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';
import { READABLE_SELECT_STYLES } from './selectStyles.ts';
import { type DashboardFilters, activeFilterCount } from './filters.ts';
import { useDashboardOptions, useSections } from './queries.ts';

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <label htmlFor={id} style={{ fontSize: 13, fontWeight: 500 }}>
        {label}
      </label>
      {children(id)}
    </Flex>
  );
}

/** Lower case without diacritics, so "so y te" finds "Sở Y tế". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
const byLabel = (input: string, option?: { label?: unknown }) => typeof option?.label === 'string' && fold(option.label).includes(fold(input));

export interface DashboardFilterBarProps {
  filters: DashboardFilters;
  onChange: (change: Partial<DashboardFilters>) => void;
  onClear: () => void;
}

/** The dashboard's filters (directive, section, working group, field, agency, month); each change goes to the URL. */
export function DashboardFilterBar({ filters, onChange, onClear }: DashboardFilterBarProps) {
  const t = useT('dashboard');
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [open, setOpen] = useState(false);
  const options = useDashboardOptions();
  const sections = useSections(filters.directiveId);
  const count = activeFilterCount(filters);
  // The server's business date (the demo runs on its own): months after it are in the future.
  const today = useToday();
  const currentMonth = today.slice(0, 7);
  const o = options.data;

  const fields = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 12, alignItems: 'end' }}>
      <Field label={t('filter.directive')}>
        {(id) => (
          <Select
            id={id}
            allowClear
            showSearch={{ filterOption: byLabel }}
            loading={options.isPending}
            placeholder={t('filter.allDirectives')}
            value={filters.directiveId}
            onChange={(v: number | undefined) => onChange({ directiveId: v })}
            options={(o?.directives ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
            popupMatchSelectWidth={false}
            styles={READABLE_SELECT_STYLES}
            optionRender={(opt) => <span style={{ whiteSpace: 'normal' }}>{opt.label}</span>}
          />
        )}
      </Field>
      {filters.directiveId ? (
        <Field label={t('filter.section')}>
          {(id) => (
            <Select
              id={id}
              allowClear
              showSearch={{ filterOption: byLabel }}
              loading={sections.isPending}
              placeholder={t('filter.allSections')}
              value={filters.sectionId}
              onChange={(v: number | undefined) => onChange({ sectionId: v })}
              options={(sections.data ?? []).map((s) => ({ value: s.id, label: `${s.code}. ${s.title}` }))}
              popupMatchSelectWidth={false}
              styles={READABLE_SELECT_STYLES}
              optionRender={(opt) => <span style={{ whiteSpace: 'normal' }}>{opt.label}</span>}
            />
          )}
        </Field>
      ) : null}
      {o?.workingGroups.length ? (
        <Field label={t('filter.workingGroup')}>
          {(id) => (
            <Select
              id={id}
              styles={READABLE_SELECT_STYLES}
              allowClear
              placeholder={t('filter.allGroups')}
              value={filters.workingGroupId}
              onChange={(v: number | undefined) => onChange({ workingGroupId: v })}
              options={o.workingGroups.map((g) => ({ value: g.id, label: g.name }))}
            />
          )}
        </Field>
      ) : null}
      {o?.fields.length ? (
        <Field label={t('filter.field')}>
          {(id) => (
            <Select
              id={id}
              styles={READABLE_SELECT_STYLES}
              allowClear
              showSearch={{ filterOption: byLabel }}
              placeholder={t('filter.allFields')}
              value={filters.field}
              onChange={(v: string | undefined) => onChange({ field: v })}
              options={o.fields.map((f) => ({ value: f, label: f }))}
            />
          )}
        </Field>
      ) : null}
      {o && o.agencies.length > 1 ? (
        <Field label={t('filter.agency')}>
          {(id) => (
            <Select
              id={id}
              styles={READABLE_SELECT_STYLES}
              allowClear
              showSearch={{ filterOption: byLabel }}
              placeholder={t('filter.allAgencies')}
              value={filters.orgId}
              onChange={(v: number | undefined) => onChange({ orgId: v })}
              options={o.agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          )}
        </Field>
      ) : null}
      <Field label={t('filter.period')}>
        {(id) => (
          <DatePicker
            id={id}
            picker="month"
            format="MM/YYYY"
            style={{ width: '100%' }}
            placeholder={t('filter.currentPeriod')}
            value={filters.period ? dayjs(`${filters.period}-01`) : null}
            disabledDate={(d) => d.format('YYYY-MM') > currentMonth}
            onChange={(d) => onChange({ period: d && d.format('YYYY-MM') !== currentMonth ? d.format('YYYY-MM') : undefined })}
          />
        )}
      </Field>
      <div>
        <Button onClick={onClear} disabled={!count}>
          {t('filter.clear')}
        </Button>
      </div>
    </div>
  );

  if (!phone) return <div style={{ marginBottom: 16 }}>{fields}</div>;
  return (
    <div style={{ marginBottom: 16 }}>
      <Button icon={<FilterOutlined aria-hidden />} onClick={() => setOpen((v) => !v)} aria-expanded={open} type={count ? 'primary' : 'default'} ghost={Boolean(count)}>
        {count ? t('filter.show', { n: count }) : t('filter.showNone')}
      </Button>
      {open ? <div style={{ marginTop: 12 }}>{fields}</div> : null}
      {!open && count ? (
        <Button type="link" onClick={onClear}>
          {t('filter.clear')}
        </Button>
      ) : null}
    </div>
  );
}
