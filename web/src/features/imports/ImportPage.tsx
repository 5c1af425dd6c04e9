import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Segmented, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IMPORT_KINDS, IMPORT_MAX_BYTES, mayImport } from '../../../../common/schemas/imports.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { IMPORTS, type ImportKind, templateUrl, uploadSheet } from './importsApi.ts';
import { RecentImports } from './RecentImports.tsx';

/**
 * Import customers, units, (administrators) existing leases or (finance) opening balances from a sheet:
 * download the template, upload the file, see every row's problems, then import all rows or only the good
 * ones. The batch shown is kept in the address (?batch=).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { roles } = useUser();
  const kinds = IMPORT_KINDS.filter((k) => mayImport(k, roles));
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  // Finance imports only opening balances: start on the first kind the user may import.
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'customers');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const batchId = params.get('batch');

  const open = (id: string | null) => setParams(id ? { batch: id } : {});

  const upload = async (file: File) => {
    setUploadError(null);
    if (file.size > IMPORT_MAX_BYTES) {
      setUploadError(t('imports.tooLarge', { size: IMPORT_MAX_BYTES / 1024 / 1024 }));
      return;
    }
    setUploading(true);
    try {
      const batch = await uploadSheet(kind, file, file.name);
      await queryClient.invalidateQueries({ queryKey: [IMPORTS] });
      open(batch.id);
    } catch (e) {
      setUploadError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.imports')} subtitle={t('imports.subtitle')} />
      {batchId ? (
        <ImportPreview batchId={batchId} onClose={() => open(null)} />
      ) : (
        <Card title={t('imports.uploadTitle')} style={{ marginBottom: 16 }}>
          <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
            <Typography.Text>{t('imports.kind')}</Typography.Text>
            <Segmented<ImportKind>
              value={kind}
              onChange={setKind}
              options={kinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            />
            <Button icon={<DownloadOutlined />} href={templateUrl(kind)} download>
              {t(`imports.template.${kind}`)}
            </Button>
          </Flex>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {uploading ? t('imports.uploading') : t(`imports.drop.${kind}`)}
            </p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            {kind === 'contracts' && <p className="ant-upload-hint">{t('imports.contractsHint')}</p>}
            {kind === 'opening_balances' && (
              <p className="ant-upload-hint">{t('imports.openingBalancesHint')}</p>
            )}
          </Upload.Dragger>
          {uploadError && (
            <Alert
              type="error"
              showIcon
              title={t('imports.uploadFailed')}
              description={uploadError}
              style={{ marginTop: 16 }}
              data-testid="upload-error"
            />
          )}
        </Card>
      )}
      <RecentImports current={batchId} onOpen={open} />
    </>
  );
}
