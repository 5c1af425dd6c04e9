import { FileDoneOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Flex, Popconfirm, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useToday } from '../contracts/SigningModals.tsx';
import { useCanHandleMoney } from './billingApi.ts';
import { StatementsTable } from './StatementsTable.tsx';
import { StatementFigures, StatementTable } from './StatementTable.tsx';
import { defaultPeriod, PERIOD_PRESETS, presetOf, presetPeriod } from './statementFormat.ts';
import {
  issueStatement,
  type Period,
  STATEMENTS_KEY,
  useLiveStatement,
  useStatements,
} from './statementsApi.ts';

/** The period: two dates, or one of the quick choices. */
function PeriodPicker({
  value,
  today,
  onChange,
}: {
  value: Period;
  today: string;
  onChange: (p: Period) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center">
      <DatePicker.RangePicker
        id="statement-period"
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(v) => {
          if (v?.[0] && v[1]) onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
        }}
      />
      <Radio.Group
        size="middle"
        optionType="button"
        value={presetOf(value, today) ?? null}
        onChange={(e) => onChange(presetPeriod(e.target.value, today))}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`statements.presets.${p}`) }))}
        data-testid="statement-presets"
      />
    </Flex>
  );
}

/** Issues the statement of the period shown, e-mailing it too when asked (finance and administrators). */
function IssueButton({ customerId, period }: { customerId: string; period: Period }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [send, setSend] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const issue = async () => {
    setIssuing(true);
    try {
      const s = await issueStatement(customerId, { ...period, send });
      await queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
      void message.success(
        s.sentTo
          ? t('statements.issuedAndSent', { number: s.number, to: s.sentTo })
          : t('statements.issued', { number: s.number }),
      );
    } catch (e) {
      showError(e, message);
    } finally {
      setIssuing(false);
    }
  };
  return (
    <Flex gap={12} align="center" wrap>
      <Checkbox id="statement-send" checked={send} onChange={(e) => setSend(e.target.checked)}>
        {t('statements.sendByMail')}
      </Checkbox>
      <Popconfirm
        title={t('statements.issueConfirm', { ...period })}
        description={send ? t('statements.issueSendHint') : t('statements.issueHint')}
        onConfirm={() => void issue()}
      >
        <Button type="primary" icon={<FileDoneOutlined />} loading={issuing} data-testid="issue-statement">
          {t('statements.issue')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

/**
 * The customer 360° page's statements tab (R5.2.3): the account for a period as it stands now, issued as a
 * numbered statement when finance is ready, and the statements issued before with the customer's answers.
 */
export function CustomerStatements({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const today = useToday().format('YYYY-MM-DD');
  const canIssue = useCanHandleMoney();
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(today));
  const live = useLiveStatement(customerId, period);
  const paging = useCursorPages();
  const issued = useStatements({ customerId }, paging.cursor);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <PeriodPicker value={period} today={today} onChange={setPeriod} />
        {canIssue && <IssueButton customerId={customerId} period={period} />}
      </Flex>
      {live.isError && !live.data ? (
        <LoadFailed message={live.error.message} onRetry={() => void live.refetch()} />
      ) : (
        <>
          <StatementFigures s={live.data} loading={live.isPending} />
          <Card size="small" title={t('statements.liveTitle', { ...period })} data-testid="live-statement">
            <StatementTable s={live.data} loading={live.isFetching} />
          </Card>
        </>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('statements.issuedTitle')}
      </Typography.Title>
      <StatementsTable
        query={issued}
        paging={paging}
        showCustomer={false}
        emptyText={t('statements.customerEmpty')}
      />
    </Flex>
  );
}
