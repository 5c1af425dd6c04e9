import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus, DocumentView } from './customersApi.ts';
import { STATUS_COLORS, VALIDITY_COLORS } from './customersFormat.ts';

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0, fontWeight: 'normal' }}>
      {t(`customers.statuses.${status}`)}
    </Tag>
  );
}

export function ValidityTag({ document }: { document: DocumentView }) {
  const { t } = useTranslation();
  return (
    <Tag color={VALIDITY_COLORS[document.validity]} style={{ marginInlineEnd: 0 }}>
      {t(`customers.validity.${document.validity}`)}
    </Tag>
  );
}

/** The customer's own labels (重点客户, 外资 …), quiet beside the status. */
export function LabelTags({ tags }: { tags: string[] }) {
  return (
    <>
      {tags.map((tag) => (
        <Tag key={tag} bordered={false} color="blue">
          {tag}
        </Tag>
      ))}
    </>
  );
}
