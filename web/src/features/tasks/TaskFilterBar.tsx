import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, DatePicker, Flex, Grid, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { STATUS_ORDER } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { FilterField } from './FilterField.tsx';
import { SELECT_STYLES } from './readableStyles.ts';
import { foldedFilter, useDirectiveChoices, useDirectiveDetail, useOrgChoices, useTaskFilterChoices } from './lookups.ts';
import { DEADLINE_KIND_ORDER, TASK_SORTS, activeFilterCount, type TaskFilters, type TaskListState, type TaskSort } from './taskFilters.ts';

interface Props {
  state: TaskListState;
  onChange(change: Partial<TaskFilters>): void;
  onSort(sort: TaskSort): void;
  onClear(): void;
}

const DATE_FORMAT = 'DD/MM/YYYY';
const full = { width: '100%' } as const;
const WIDE_POPUP_STYLES = { ...SELECT_STYLES, popup: { root: { maxWidth: 'min(640px, 94vw)' } } };

/** The search box, kept local while typing and sent on Enter (one request per search, not per key). */
function SearchBox({ value, onSearch }: { value: string | undefined; onSearch(q: string | undefined): void }) {
  const t = useT('tasks');
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <FilterField id="task-search" label={t('searchLabel')}>
      <Input.Search
        id="task-search"
        value={text}
        allowClear
        placeholder={t('searchPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) onSearch(undefined);
        }}
        onSearch={(q) => onSearch(q.trim() || undefined)}
        enterButton
      />
    </FilterField>
  );
}

export function TaskFilterBar({ state, onChange, onSort, onClear }: Props) {
  const t = useT('tasks');
  const tc = useT('common');
  const directives = useDirectiveChoices();
  const directive = useDirectiveDetail(state.directiveId);
  const orgs = useOrgChoices();
  const choices = useTaskFilterChoices();
  const active = activeFilterCount(state);
  // Rarely used filters stay folded away unless one of them is set (a link may set any of them).
  const advancedSet = Boolean(state.deadlineKind || state.workingGroupId || state.field || state.dueFrom || state.dueTo || state.role || state.sectionId);
  const [showMore, setShowMore] = useState(advancedSet);
  useEffect(() => {
    if (advancedSet) setShowMore(true);
  }, [advancedSet]);
  const any = t('filter.any');
  // On a phone every filter but the search box folds behind one button, so the list starts on the first screen.
  const phone = !Grid.useBreakpoint().md;
  const showPrimary = !phone || showMore;
  const toggle = (
    <Flex gap={8} wrap align="flex-end" style={{ height: '100%' }}>
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setShowMore((v) => !v)} aria-expanded={showMore} aria-controls="task-more-filters">
          {phone ? t('filters') : showMore ? t('hideFilters') : t('moreFilters')}
        </Button>
      </Badge>
      {active > 0 || state.q ? <Button onClick={onClear}>{tc('clearFilters')}</Button> : null}
    </Flex>
  );

  return (
    <div role="search" aria-label={t('filters')} style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={14} lg={12}>
          <SearchBox value={state.q} onSearch={(q) => onChange({ q })} />
        </Col>
        <Col xs={24} md={10} lg={12}>
          {toggle}
        </Col>
      </Row>
      {showPrimary ? (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }} id={phone ? 'task-more-filters' : undefined}>
          <Col xs={24} sm={12} lg={6}>
            <FilterField id="filter-directive" label={t('filter.directive')}>
              <Select
                id="filter-directive"
                style={full}
                allowClear
                showSearch={{ filterOption: foldedFilter }}
                placeholder={any}
                loading={directives.isPending}
                value={state.directiveId}
                onChange={(directiveId?: number) => onChange({ directiveId })}
                options={(directives.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
                popupMatchSelectWidth={false}
                styles={WIDE_POPUP_STYLES}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FilterField id="filter-status" label={t('filter.status')}>
              <Select
                styles={SELECT_STYLES}
                id="filter-status"
                style={full}
                allowClear
                placeholder={any}
                value={state.statusClass}
                onChange={(statusClass?: TaskFilters['statusClass']) => onChange({ statusClass })}
                options={STATUS_ORDER.map((s) => ({ value: s, label: tc(`status.${s}`) }))}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FilterField id="filter-org" label={t('filter.org')}>
              <Select
                styles={SELECT_STYLES}
                id="filter-org"
                style={full}
                allowClear
                showSearch={{ filterOption: foldedFilter }}
                placeholder={any}
                loading={orgs.isPending}
                value={state.orgId}
                onChange={(orgId?: number) => onChange({ orgId })}
                options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FilterField id="filter-sort" label={t('filter.sort')}>
              <Select id="filter-sort" style={full} styles={SELECT_STYLES} value={state.sort} onChange={onSort} options={TASK_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
            </FilterField>
          </Col>
        </Row>
      ) : null}
      {showMore ? (
        <Row gutter={[12, 12]} id={phone ? undefined : 'task-more-filters'} style={{ marginTop: 12 }}>
          <Col xs={24} sm={12} lg={8}>
            <FilterField id="filter-section" label={t('filter.section')}>
              <Select
                id="filter-section"
                style={full}
                allowClear
                disabled={!state.directiveId}
                placeholder={state.directiveId ? any : t('filter.sectionNeedsDirective')}
                value={state.directiveId ? state.sectionId : undefined}
                onChange={(sectionId?: number) => onChange({ sectionId })}
                options={(directive.data?.sections ?? []).map((s) => ({ value: s.id, label: `${s.code}. ${s.title}` }))}
                popupMatchSelectWidth={false}
                styles={WIDE_POPUP_STYLES}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <FilterField id="filter-role" label={t('filter.role')}>
              <Select
                styles={SELECT_STYLES}
                id="filter-role"
                style={full}
                allowClear
                disabled={!state.orgId}
                placeholder={state.orgId ? any : t('filter.roleNeedsOrg')}
                value={state.role}
                onChange={(role?: TaskFilters['role']) => onChange({ role })}
                options={[
                  { value: 'lead', label: t('role.lead') },
                  { value: 'coordinator', label: t('role.coordinator') },
                ]}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <FilterField id="filter-deadline-kind" label={t('filter.deadlineKind')}>
              <Select
                styles={SELECT_STYLES}
                id="filter-deadline-kind"
                style={full}
                allowClear
                placeholder={any}
                value={state.deadlineKind}
                onChange={(deadlineKind?: TaskFilters['deadlineKind']) => onChange({ deadlineKind })}
                options={DEADLINE_KIND_ORDER.map((k) => ({ value: k, label: t(`deadlineKind.${k}`) }))}
              />
            </FilterField>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <FilterField id="filter-due-from" label={t('filter.dueFrom')}>
              <DatePicker
                id="filter-due-from"
                style={full}
                format={DATE_FORMAT}
                value={state.dueFrom ? dayjs(state.dueFrom) : null}
                onChange={(d) => onChange({ dueFrom: d ? d.format('YYYY-MM-DD') : undefined })}
              />
            </FilterField>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <FilterField id="filter-due-to" label={t('filter.dueTo')}>
              <DatePicker
                id="filter-due-to"
                style={full}
                format={DATE_FORMAT}
                value={state.dueTo ? dayjs(state.dueTo) : null}
                onChange={(d) => onChange({ dueTo: d ? d.format('YYYY-MM-DD') : undefined })}
              />
            </FilterField>
          </Col>
          {choices.data?.workingGroups.length || state.workingGroupId ? (
            <Col xs={24} sm={12} lg={8}>
              <FilterField id="filter-working-group" label={t('filter.workingGroup')}>
                <Select
                  styles={SELECT_STYLES}
                  id="filter-working-group"
                  style={full}
                  allowClear
                  placeholder={any}
                  value={state.workingGroupId}
                  onChange={(workingGroupId?: number) => onChange({ workingGroupId })}
                  options={(choices.data?.workingGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
                />
              </FilterField>
            </Col>
          ) : null}
          {choices.data?.fields.length || state.field ? (
            <Col xs={24} sm={12} lg={8}>
              <FilterField id="filter-field" label={t('filter.field')}>
                <Select
                  styles={SELECT_STYLES}
                  id="filter-field"
                  style={full}
                  allowClear
                  showSearch={{ filterOption: foldedFilter }}
                  placeholder={any}
                  value={state.field}
                  onChange={(field?: string) => onChange({ field })}
                  options={(choices.data?.fields ?? []).map((f) => ({ value: f, label: f }))}
                />
              </FilterField>
            </Col>
          ) : null}
        </Row>
      ) : null}
    </div>
  );
}
