import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadlineCountdown } from './ContractTags.tsx';
import type { ContractView, DemandView, ViolationView } from './contractsApi.ts';
import { yuanText } from './contractsFormat.ts';
import { FileLink } from './HistoryCards.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Violations with the art. 718 countdown, and formal payment demands with whether their deadline lapsed. */
export function BreachTab({
  view,
  onAct,
}: {
  view: ContractView;
  /** Given to users who may record what was done about a violation. */
  onAct?: (v: ViolationView) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const violations: TableColumnsType<ViolationView> = [
    { key: 'foundOn', title: t('contracts.violations.foundOn'), dataIndex: 'foundOn', width: 92 },
    {
      key: 'kind',
      title: t('contracts.violations.kind'),
      dataIndex: 'kind',
      width: en ? 112 : 84,
      render: (k: ViolationView['kind']) => t(`contracts.violationKinds.${k}`),
    },
    {
      key: 'description',
      title: t('contracts.violations.description'),
      render: (_: unknown, v) => (
        <>
          {v.description}
          {v.evidence.map((f) => (
            <div key={f.id} style={{ fontSize: 12 }}>
              <FileLink file={f} />
            </div>
          ))}
        </>
      ),
    },
    {
      key: 'deadline',
      title: t('contracts.violations.deadline'),
      width: en ? 200 : 184,
      render: (_: unknown, v) =>
        v.action ? null : <DeadlineCountdown deadline={v.objectionDeadline} days={v.daysToDeadline} />,
    },
    {
      key: 'action',
      title: t('contracts.violations.action'),
      width: 150,
      render: (_: unknown, v) =>
        v.action ? (
          <span>
            <Tag>{t(`contracts.violationActions.${v.action}`)}</Tag>
            <span style={NOWRAP}>{v.actionOn}</span>
            {v.actionNote && (
              <>
                <br />
                <Typography.Text type="secondary">{v.actionNote}</Typography.Text>
              </>
            )}
          </span>
        ) : onAct ? (
          <Button size="small" onClick={() => onAct(v)}>
            {t('contracts.violations.act')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  const demands: TableColumnsType<DemandView> = [
    { key: 'on', title: t('contracts.demands.demandedOn'), dataIndex: 'demandedOn', width: 100 },
    {
      key: 'deadline',
      title: t('contracts.demands.deadline'),
      width: 150,
      render: (_: unknown, d) => (
        <span style={NOWRAP}>
          {d.deadline}{' '}
          {d.lapsed ? (
            <Tag color="red" data-testid="demand-lapsed">
              {t('contracts.demands.lapsed')}
            </Tag>
          ) : (
            <Tag color="blue">{t('contracts.demands.running')}</Tag>
          )}
        </span>
      ),
    },
    {
      key: 'method',
      title: t('contracts.demands.method'),
      dataIndex: 'method',
      width: 96,
      render: (m: DemandView['method']) => t(`contracts.deliveryMethods.${m}`),
    },
    {
      key: 'amount',
      title: t('contracts.demands.amount'),
      dataIndex: 'amountFen',
      width: 100,
      align: 'right',
      render: yuanText,
    },
    { key: 'note', title: t('contracts.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    {
      key: 'proof',
      title: t('contracts.demands.proof'),
      width: 140,
      ellipsis: true,
      render: (_: unknown, d) => <FileLink file={d.proof} />,
    },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {t('contracts.violations.title')}
      </Typography.Title>
      <Table<ViolationView>
        size="small"
        rowKey="id"
        pagination={false}
        columns={violations}
        dataSource={view.violations}
        locale={{ emptyText: t('contracts.violations.empty') }}
        tableLayout="fixed"
        data-testid="violations"
      />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('contracts.demands.title')}
      </Typography.Title>
      <Table<DemandView>
        size="small"
        rowKey="id"
        pagination={false}
        columns={demands}
        dataSource={view.demands}
        locale={{ emptyText: t('contracts.demands.empty') }}
        tableLayout="fixed"
        data-testid="demands"
      />
    </>
  );
}
