import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from './importsApi.ts';

const COLORS: Record<ImportBatch['status'], string> = {
  previewed: 'processing',
  committed: 'success',
  discarded: 'default',
};

export function ImportStatusTag({ status }: { status: ImportBatch['status'] }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`imports.statuses.${status}`)}</Tag>;
}
