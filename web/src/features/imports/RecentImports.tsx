import { Card, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';
import { type ImportBatch, useRecentImports } from './importsApi.ts';

/** The organization's imports, newest first; a row opens its preview or result. */
export function RecentImports({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const timeZone = useUser().org.timeZone;
  const paging = useCursorPages();
  const query = useRecentImports(paging.cursor);
  const columns: TableColumnsType<ImportBatch> = [
    {
      title: t('imports.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatInstant(v, timeZone),
    },
    { title: t('imports.fileName'), dataIndex: 'fileName', ellipsis: true },
    {
      title: t('imports.kind'),
      dataIndex: 'kind',
      width: en ? 128 : 90,
      render: (k: ImportBatch['kind']) => t(`imports.kinds.${k}`),
    },
    {
      title: t('imports.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ImportBatch['status']) => <ImportStatusTag status={s} />,
    },
    { title: t('imports.totalRows'), dataIndex: 'totalRows', width: 90, align: 'right' },
    { title: t('imports.errorRows'), dataIndex: 'errorRows', width: 160, align: 'right' },
    {
      title: t('imports.importedRows'),
      dataIndex: 'importedRows',
      width: 100,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    { title: t('imports.createdBy'), dataIndex: 'createdByName', width: 110 },
  ];
  return (
    <Card title={t('imports.recent')}>
      <PagedTable<ImportBatch>
        query={query}
        paging={paging}
        columns={columns}
        emptyText={t('imports.empty')}
        onOpen={(b) => onOpen(b.id)}
        rowClassName={(b) => (b.id === current ? 'ant-table-row-selected' : '')}
      />
    </Card>
  );
}
