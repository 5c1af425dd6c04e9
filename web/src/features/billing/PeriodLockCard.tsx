import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { showError } from '../../app/formErrors.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { businessDay, textOrNull } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { BILLING, closePeriod, type PeriodLock, useCanHandleMoney, usePeriodLock } from './billingApi.ts';

type Closing = PeriodLock['history'][number];

interface Values {
  lockedThrough: Dayjs;
  reason?: string;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Closes the books through a date, by default the last day of the previous month. Moving the date back
 * reopens closed days: only an administrator may, with a reason, so others cannot pick those days.
 */
function CloseBooksModal({ current, onClose }: { current: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isAdmin = hasAnyRole(useUser(), ['admin']);
  const today = useToday();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const picked = Form.useWatch('lockedThrough', form) as Dayjs | undefined;
  const reopening = !!current && !!picked && businessDay(picked) < current;
  const lastMonthEnd = today.subtract(1, 'month').endOf('month').startOf('day');

  const finish = async (v: Values) => {
    setSubmitting(true);
    try {
      const lockedThrough = businessDay(v.lockedThrough);
      const reason = textOrNull(v.reason) ?? undefined;
      const view = await closePeriod({ lockedThrough, reason });
      queryClient.setQueryData([BILLING, 'periodLock'], view);
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(t('billing.books.done', { date: lockedThrough }));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      title={t('billing.books.closeTitle')}
      okText={t('billing.books.closeAction')}
      form={form}
      submitting={submitting}
      width={480}
      initialValues={{ lockedThrough: lastMonthEnd }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('billing.books.closeHint')}
      </Typography.Paragraph>
      <Form.Item
        name="lockedThrough"
        label={t('billing.books.lockedThrough')}
        rules={[{ required: true, message: t('validation.required') }]}
        extra={current ? t('billing.books.currentlyClosed', { date: current }) : t('billing.books.notClosed')}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={(d) =>
            !d.isBefore(today, 'day') || (!isAdmin && !!current && d.isBefore(dayjs(current), 'day'))
          }
        />
      </Form.Item>
      {reopening && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('billing.books.reopenWarning', { date: current })}
          data-testid="reopen-warning"
        />
      )}
      <Form.Item
        name="reason"
        label={reopening ? t('billing.books.reasonRequired') : t('billing.books.reason')}
        rules={[{ required: reopening, whitespace: true, message: t('billing.books.reasonMissing') }]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** "Books closed through": the date, the button to close (finance and administrators) and the history. */
export function PeriodLockCard() {
  const { t } = useTranslation();
  const { org } = useUser();
  const canClose = useCanHandleMoney();
  const lock = usePeriodLock();
  const [open, setOpen] = useState(false);
  const current = lock.data?.lockedThrough ?? null;

  const columns: TableColumnsType<Closing> = [
    {
      key: 'lockedThrough',
      title: t('billing.books.lockedThrough'),
      dataIndex: 'lockedThrough',
      width: 130,
      render: (d: string) => <span style={NOWRAP}>{d}</span>,
    },
    {
      key: 'by',
      title: t('billing.books.by'),
      dataIndex: 'createdByName',
      width: 110,
      render: (name: string | null) => name ?? '—',
    },
    {
      key: 'at',
      title: t('billing.books.at'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => <span style={NOWRAP}>{formatInstant(at, org.timeZone).slice(0, 16)}</span>,
    },
    {
      key: 'reason',
      title: t('billing.books.reason'),
      dataIndex: 'reason',
      ellipsis: true,
      render: (r: string | null) => r ?? '—',
    },
  ];

  return (
    <Card
      size="small"
      title={t('billing.books.title')}
      data-testid="period-lock"
      extra={
        canClose && (
          <Button
            size="small"
            icon={<LockOutlined />}
            onClick={() => setOpen(true)}
            disabled={!lock.data}
            data-testid="close-books"
          >
            {t('billing.books.closeAction')}
          </Button>
        )
      }
    >
      <Flex gap={8} align="baseline" wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('billing.books.lockedThroughLabel')}</Typography.Text>
        <Typography.Text strong data-testid="locked-through">
          {lock.isPending ? '…' : (current ?? t('billing.books.notClosed'))}
        </Typography.Text>
        {current && <Typography.Text type="secondary">{t('billing.books.closedMeaning')}</Typography.Text>}
      </Flex>
      {lock.isError ? (
        <Alert type="error" showIcon title={lock.error.message} />
      ) : (
        <Table<Closing>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={lock.data?.history ?? []}
          loading={lock.isFetching}
          tableLayout="fixed"
          pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: t('billing.books.empty') }}
          data-testid="period-lock-history"
        />
      )}
      {open && <CloseBooksModal current={current} onClose={() => setOpen(false)} />}
    </Card>
  );
}
