import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Result,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayImport } from '../../../../common/schemas/imports.ts';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { CursorPager } from '../../components/CursorPager.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';
import {
  type CommitMode,
  commitImport,
  discardImport,
  IMPORTS,
  type ImportBatch,
  type ImportRow,
  useBatch,
  useProblemRows,
} from './importsApi.ts';

interface ProblemLine {
  key: string;
  rowNo: number;
  label: string | null;
  column: string;
  reason: string;
  value: string | null;
  /** Lines of the same sheet row share its number and name: the first spans them. */
  span: number;
}

const lines = (rows: ImportRow[]): ProblemLine[] =>
  rows.flatMap((r) =>
    r.errors.map((e, i) => ({
      key: `${r.rowNo}-${i}`,
      rowNo: r.rowNo,
      label: r.label,
      column: e.column,
      reason: e.reason,
      value: e.value,
      span: i === 0 ? r.errors.length : 0,
    })),
  );

/** A staged import: its counts, the rows with problems and the ways to go on. */
export function ImportPreview({ batchId, onClose }: { batchId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { roles } = useUser();
  const batch = useBatch(batchId);
  if (batch.isError) return <LoadFailed message={batch.error.message} onRetry={() => void batch.refetch()} />;
  if (!batch.data) return <Card loading style={{ marginBottom: 16 }} />;
  const b = batch.data;
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          {b.fileName}
          <Tag>{t(`imports.kinds.${b.kind}`)}</Tag>
          <ImportStatusTag status={b.status} />
        </Flex>
      }
      extra={<Button onClick={onClose}>{t('imports.another')}</Button>}
      style={{ marginBottom: 16 }}
      data-testid="import-preview"
    >
      <Flex gap={48} style={{ marginBottom: 16 }}>
        <Statistic title={t('imports.totalRows')} value={b.totalRows} />
        <Statistic title={t('imports.validRows')} value={b.totalRows - b.errorRows} />
        <Statistic
          title={t('imports.errorRows')}
          value={b.errorRows}
          styles={{ content: b.errorRows ? { color: '#cf1322' } : undefined }}
        />
      </Flex>
      {b.status === 'previewed' && mayImport(b.kind, roles) && <Actions batch={b} />}
      {b.status === 'committed' && <Committed batch={b} />}
      {b.status === 'discarded' && <Alert type="info" showIcon title={t('imports.discardedNote')} />}
      {b.errorRows > 0 && <Problems batchId={b.id} />}
    </Card>
  );
}

function Actions({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const valid = batch.totalRows - batch.errorRows;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      // Someone may have added the same customer meanwhile: the rows now show why.
      showError(e, message);
    } finally {
      await queryClient.invalidateQueries({ queryKey: [IMPORTS] });
      setBusy(false);
    }
  };
  const commit = (mode: CommitMode) => run(() => commitImport(batch.id, mode));

  return (
    <>
      <Alert
        type={batch.errorRows ? 'warning' : 'success'}
        showIcon
        title={
          batch.errorRows
            ? t('imports.hasProblems', { count: batch.errorRows })
            : t('imports.noProblems', { count: batch.totalRows })
        }
        style={{ marginBottom: 16 }}
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Popconfirm
          title={t('imports.confirmAll', { count: batch.totalRows })}
          onConfirm={() => commit('all_or_nothing')}
          disabled={batch.errorRows > 0}
        >
          <Button type="primary" disabled={batch.errorRows > 0} loading={busy}>
            {t('imports.importAll')}
          </Button>
        </Popconfirm>
        <Popconfirm
          title={t('imports.confirmValid', { count: valid })}
          description={t('imports.confirmValidHint', { count: batch.errorRows })}
          onConfirm={() => commit('valid_only')}
          disabled={valid === 0}
        >
          <Button disabled={valid === 0} loading={busy}>
            {t('imports.importValid', { count: valid })}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('imports.confirmDiscard')} onConfirm={() => run(() => discardImport(batch.id))}>
          <Button danger loading={busy}>
            {t('imports.discard')}
          </Button>
        </Popconfirm>
      </Flex>
    </>
  );
}

function Committed({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const imported = batch.importedRows ?? 0;
  const to = {
    customers: '/customers',
    units: '/spaces/units',
    contracts: '/contracts',
    opening_balances: '/bills',
  }[batch.kind];
  return (
    <Result
      status="success"
      title={t('imports.committed', { count: imported })}
      subTitle={t('imports.skipped', { count: batch.totalRows - imported })}
      extra={
        <Link to={to}>
          <Button type="primary">{t(`imports.view.${batch.kind}`)}</Button>
        </Link>
      }
      data-testid="import-result"
    />
  );
}

function Problems({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const rows = useProblemRows(batchId, paging.cursor);
  const span = (line: ProblemLine) => ({ rowSpan: line.span });
  const columns: TableColumnsType<ProblemLine> = [
    { title: t('imports.rowNo'), dataIndex: 'rowNo', width: 72, onCell: span },
    // A lease's label is its customer and units: wrapped, not cut, so the row can be found in the sheet.
    { title: t('imports.label'), dataIndex: 'label', width: 240, onCell: span },
    { title: t('imports.column'), dataIndex: 'column', width: 150 },
    { title: t('imports.value'), dataIndex: 'value', width: 200, ellipsis: true },
    { title: t('imports.reason'), dataIndex: 'reason' },
  ];
  if (rows.isError) return <LoadFailed message={rows.error.message} onRetry={() => void rows.refetch()} />;
  return (
    <>
      <Table<ProblemLine>
        size="small"
        bordered
        columns={columns}
        dataSource={lines(rows.data?.items ?? [])}
        loading={rows.isFetching}
        pagination={false}
        data-testid="import-problems"
      />
      <CursorPager
        page={paging.page}
        nextCursor={rows.data?.nextCursor}
        loading={rows.isFetching}
        onPrev={paging.prev}
        onNext={paging.next}
      />
    </>
  );
}
