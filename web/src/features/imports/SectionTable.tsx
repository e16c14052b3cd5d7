import { Input, Table } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { PreviewSection } from './types.ts';
import { EmptyText } from '../admin/EmptyText.tsx';

/** Sections edited in place: code and title. Renaming a code moves its tasks with it. */
export function SectionTable({ sections, onChange }: { sections: PreviewSection[]; onChange: (index: number, patch: Partial<PreviewSection>) => void }) {
  const t = useT('imports');
  return (
    <Table<PreviewSection & { index: number }>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={sections.map((s, index) => ({ ...s, index }))}
      locale={{ emptyText: <EmptyText>{t('section.none')}</EmptyText> }}
      columns={[
        {
          key: 'code',
          title: t('section.code'),
          width: 110,
          render: (_, s) => <Input value={s.code} onChange={(e) => onChange(s.index, { code: e.target.value })} aria-label={t('section.codeOf', { code: s.code })} />,
        },
        {
          key: 'title',
          title: t('section.title'),
          render: (_, s) => (
            <Input.TextArea value={s.title} onChange={(e) => onChange(s.index, { title: e.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} aria-label={t('section.titleOf', { code: s.code })} />
          ),
        },
      ]}
    />
  );
}
