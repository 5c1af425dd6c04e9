import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Modal, Table, type TableColumnsType, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { type ImportResult, importReadings, UTILITIES } from './utilitiesApi.ts';

type Problem = ImportResult['problems'][number];
type Row = ImportResult['rows'][number];

/**
 * Readings from a sheet (表计编号, 抄表日期, 本次读数, 换表, 新表起始读数): the preview lists every problem
 * (row, column, reason) and writes nothing; the import writes all rows or none.
 */
export function ImportReadingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({
    mutationFn: (f: File) => importReadings(f, false),
    onError: (e) => showError(e, message),
  });
  const commit = useMutation({
    mutationFn: () => importReadings(file!, true),
    onSuccess: (r) => {
      void message.success(t('utilities.imported', { count: r.totalRows }));
      void qc.invalidateQueries({ queryKey: [UTILITIES] });
      onClose();
    },
    onError: (e) => showError(e, message),
  });
  const result = preview.data;
  const problemColumns: TableColumnsType<Problem> = [
    { key: 'row', title: t('utilities.sheetRow'), dataIndex: 'row', width: 70 },
    { key: 'column', title: t('utilities.column'), dataIndex: 'column', width: 120 },
    { key: 'value', title: t('utilities.cell'), dataIndex: 'value', width: 110 },
    { key: 'reason', title: t('utilities.reason'), dataIndex: 'message' },
  ];
  const rowColumns: TableColumnsType<Row> = [
    { key: 'row', title: t('utilities.sheetRow'), dataIndex: 'rowNo', width: 70 },
    { key: 'code', title: t('utilities.code'), dataIndex: 'meterCode', width: 120 },
    { key: 'date', title: t('utilities.readOn'), dataIndex: 'readOn', width: 110 },
    { key: 'value', title: t('utilities.newValue'), dataIndex: 'value', width: 100, align: 'right' },
    {
      key: 'consumption',
      title: t('utilities.consumption'),
      dataIndex: 'consumption',
      width: 100,
      align: 'right',
    },
    {
      key: 'total',
      title: t('utilities.amount'),
      dataIndex: 'totalFen',
      width: 110,
      align: 'right',
      render: (f: number | null) => (f === null ? '—' : yuanText(f)),
    },
  ];
  return (
    <Modal
      open
      width={820}
      title={t('utilities.importSheet')}
      okText={t('utilities.importNow')}
      okButtonProps={{ disabled: !result || result.problems.length > 0, id: 'commit-import' }}
      confirmLoading={commit.isPending}
      onOk={() => commit.mutate()}
      onCancel={onClose}
    >
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          preview.mutate(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('utilities.dropSheet')}</p>
        <Typography.Text type="secondary">{t('utilities.sheetColumns')}</Typography.Text>
      </Upload.Dragger>
      {result && (
        <div style={{ marginTop: 16 }} data-testid="import-readings-preview">
          {result.problems.length ? (
            <>
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('utilities.previewProblems', {
                  rows: result.totalRows,
                  count: result.problems.length,
                })}
              />
              <Table<Problem>
                size="small"
                rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
                columns={problemColumns}
                dataSource={result.problems}
                pagination={false}
                scroll={{ y: 240 }}
              />
            </>
          ) : (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('utilities.previewClean', { rows: result.totalRows })}
            />
          )}
          <Table<Row>
            size="small"
            style={{ marginTop: 8 }}
            rowKey="rowNo"
            columns={rowColumns}
            dataSource={result.rows}
            pagination={false}
            scroll={{ y: 240 }}
          />
        </div>
      )}
    </Modal>
  );
}
