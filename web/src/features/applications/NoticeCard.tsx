import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApplicationView, noticePdfUrl, noticePrintUrl } from './applicationsApi.ts';

/** 《租赁准入通知书》 issued on management's approval: its number, dates, the PDF and a print view. */
export function NoticeCard({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const notice = view.notice;
  if (!notice) return null;
  const expired = view.status === 'notice_expired';
  return (
    <Card
      size="small"
      title={t('applications.notice.title')}
      data-testid="notice"
      styles={{ header: { background: expired ? '#fff1f0' : '#f6ffed' } }}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'number',
            label: t('applications.notice.number'),
            children: <span style={{ fontFamily: 'monospace' }}>{notice.number}</span>,
          },
          { key: 'issuedOn', label: t('applications.notice.issuedOn'), children: notice.issuedOn },
          {
            key: 'signBy',
            label: t('applications.notice.signBy'),
            children: expired
              ? `${notice.signBy} (${t('applications.statuses.notice_expired')})`
              : notice.signBy,
          },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Button
          type="primary"
          icon={<FilePdfOutlined />}
          href={noticePdfUrl(view)}
          download={`${notice.number}.pdf`}
          data-testid="notice-pdf"
        >
          {t('applications.notice.download')}
        </Button>
        <Button icon={<PrinterOutlined />} href={noticePrintUrl(view.id)} target="_blank" rel="noopener">
          {t('applications.notice.print')}
        </Button>
      </Flex>
    </Card>
  );
}
