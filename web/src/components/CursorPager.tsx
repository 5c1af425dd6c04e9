import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  nextCursor: string | null | undefined;
  loading?: boolean;
  onPrev: () => void;
  onNext: (cursor: string) => void;
}

export function CursorPager({ page, nextCursor, loading, onPrev, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
      <Button size="small" icon={<LeftOutlined />} disabled={page <= 1 || loading} onClick={onPrev}>
        {t('common.prev')}
      </Button>
      <Typography.Text type="secondary">{t('common.page', { page })}</Typography.Text>
      <Button
        size="small"
        disabled={!nextCursor || loading}
        onClick={() => nextCursor && onNext(nextCursor)}
        icon={<RightOutlined />}
        iconPlacement="end"
      >
        {t('common.next')}
      </Button>
    </Space>
  );
}
