import { Alert, Button, Card, Flex, Grid, Popconfirm, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/index.tsx';
import { errorMessage } from '../../components/ErrorState.tsx';
import { HeaderForm } from './HeaderForm.tsx';
import { IndicatorDrawer } from './IndicatorDrawer.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { OrgMapping } from './OrgMapping.tsx';
import { PreviewSummary } from './PreviewSummary.tsx';
import { mapOrgName, mappingOf, missingBeforeConfirm, unresolvedNames, updateHeader, updateIndicator, updateSection, updateTask } from './previewEdits.ts';
import { SectionTable } from './SectionTable.tsx';
import { type PlacedErrors, placeServerErrors } from './serverErrors.ts';
import { TaskDrawer } from './TaskDrawer.tsx';
import { TaskTable } from './TaskTable.tsx';
import type { ImportJob, ImportResult } from './types.ts';
import { useConfirmImport, useDiscardImport, useSaveImport } from './useImportJob.ts';
import { WarningList } from './WarningList.tsx';

const NO_ERRORS: PlacedErrors = { header: {}, tasks: new Map(), other: [] };

/** Step 2: everything the reader found, editable; saved on demand, then confirmed in one transaction. */
export function ReviewStep({ job, reimportOf, onConfirmed, onDiscarded }: { job: ImportJob; reimportOf: number | null; onConfirmed: (r: ImportResult) => void; onDiscarded: () => void }) {
  const t = useT('imports');
  const { locale } = useLocale();
  // The actions stay in view on a desk; on a phone they would cover a quarter of the screen.
  const wide = Grid.useBreakpoint().md ?? true;
  const [draft, setDraft] = useState(job.preview);
  // What the server holds now (not the query cache's copy: structural sharing makes that a different object).
  const [stored, setStored] = useState(job.preview);
  // The names unknown when the preview was opened stay listed after they are mapped, so a mapping can be undone.
  const [names] = useState(() => unresolvedNames(job.preview));
  const [tab, setTab] = useState('tasks');
  const [editingTask, setEditingTask] = useState<number | null>(null);
  const [editingIndicator, setEditingIndicator] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [placed, setPlaced] = useState<PlacedErrors>(NO_ERRORS);
  const save = useSaveImport(job.id);
  const confirm = useConfirmImport(job.id);
  const discard = useDiscardImport(job.id);
  const dirty = draft !== stored;
  const busy = save.isPending || confirm.isPending || discard.isPending;
  const unmapped = useMemo(() => names.filter((n) => !mappingOf(draft, n.key)).length, [names, draft]);
  const errorRows = useMemo(() => new Set(placed.tasks.keys()), [placed]);

  const fail = (err: unknown) => {
    const where = placeServerErrors(err);
    setFailure(err);
    setPlaced(where);
    if (Object.keys(where.header).length) setTab('header');
    else if (where.tasks.size) setTab('tasks');
  };
  const clearFailure = () => {
    setFailure(null);
    setPlaced(NO_ERRORS);
  };

  const saveDraft = async () => {
    clearFailure();
    const saved = await save.mutateAsync(draft);
    setStored(saved.preview);
    setDraft(saved.preview);
  };
  const onSave = () => saveDraft().catch(fail);
  const onConfirm = async () => {
    const missing = missingBeforeConfirm(draft);
    if (missing.length) {
      setPlaced({ ...NO_ERRORS, header: Object.fromEntries(missing.map((m) => [m, t(`confirm.missing.${m}`)])) });
      setFailure(null);
      setTab('header');
      return;
    }
    try {
      if (dirty) await saveDraft();
      clearFailure();
      onConfirmed(await confirm.mutateAsync());
    } catch (err) {
      fail(err);
    }
  };

  const items = [
    {
      key: 'tasks',
      label: t('tab.tasks', { n: draft.tasks.length }),
      children: <TaskTable tasks={draft.tasks} errorRows={errorRows} onEdit={setEditingTask} />,
    },
    {
      key: 'header',
      label: t('tab.header'),
      children: <HeaderForm header={draft.directive} errors={placed.header} onChange={(patch) => setDraft((d) => updateHeader(d, patch))} />,
    },
    {
      key: 'orgs',
      label: t('tab.orgs', { n: unmapped }),
      children: <OrgMapping names={names} preview={draft} onMap={(key, org) => setDraft((d) => mapOrgName(d, key, org))} />,
    },
    {
      key: 'sections',
      label: t('tab.sections', { n: draft.sections.length }),
      children: <SectionTable sections={draft.sections} onChange={(i, patch) => setDraft((d) => updateSection(d, i, patch))} />,
    },
    {
      key: 'indicators',
      label: t('tab.indicators', { n: draft.indicators.length }),
      children: <IndicatorTable indicators={draft.indicators} onEdit={setEditingIndicator} />,
    },
    { key: 'warnings', label: t('tab.warnings', { n: draft.warnings.length }), children: <WarningList warnings={draft.warnings} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <PreviewSummary preview={draft} reimportOf={reimportOf} />
      <Card size="small">
        <Tabs activeKey={tab} onChange={setTab} items={items} />
      </Card>
      <Card size="small" style={wide ? { position: 'sticky', bottom: 0, zIndex: 5 } : undefined}>
        <Flex vertical gap={8}>
          {failure ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(failure, locale, t('confirm.failed'))}
              description={placed.other.length ? placed.other.join('; ') : undefined}
              closable={{ onClose: clearFailure, 'aria-label': t('confirm.dismiss') }}
            />
          ) : null}
          <Flex gap={8} wrap justify="space-between" align="center">
            <Typography.Text type={dirty ? undefined : 'secondary'} strong={dirty} role="status">
              {dirty ? t('confirm.unsaved') : t('confirm.saved')}
            </Typography.Text>
            <Flex gap={8} wrap>
              <Popconfirm title={t('confirm.discardAsk')} okText={t('confirm.discard')} cancelText={t('confirm.keep')} onConfirm={() => discard.mutateAsync().then(onDiscarded, fail)}>
                <Button disabled={busy}>
                  {t('confirm.discard')}
                </Button>
              </Popconfirm>
              <Button onClick={onSave} disabled={!dirty || busy} loading={save.isPending && !confirm.isPending}>
                {t('confirm.save')}
              </Button>
              <Button type="primary" onClick={() => void onConfirm()} loading={confirm.isPending} disabled={busy && !confirm.isPending}>
                {draft.existing ? t('confirm.update') : t('confirm.create')}
              </Button>
            </Flex>
          </Flex>
        </Flex>
      </Card>
      <TaskDrawer
        task={editingTask === null ? null : (draft.tasks[editingTask] ?? null)}
        sections={draft.sections}
        errors={editingTask === null ? [] : (placed.tasks.get(editingTask) ?? [])}
        onClose={() => setEditingTask(null)}
        onSave={(next) => {
          if (editingTask !== null) setDraft((d) => updateTask(d, editingTask, next));
          setEditingTask(null);
        }}
      />
      <IndicatorDrawer
        indicator={editingIndicator === null ? null : (draft.indicators[editingIndicator] ?? null)}
        onClose={() => setEditingIndicator(null)}
        onSave={(next) => {
          if (editingIndicator !== null) setDraft((d) => updateIndicator(d, editingIndicator, next));
          setEditingIndicator(null);
        }}
      />
    </Flex>
  );
}
