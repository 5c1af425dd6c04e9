import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { scheduleView } from '../../../../common/schemas/contracts.ts';
import { api } from '../../app/api.ts';
import { CONTRACTS, type ContractView } from './contractsApi.ts';
import { yuanText } from './contractsFormat.ts';

type Line = z.output<typeof scheduleView>['lines'][number];

/** The charges of the whole term, period by period (the billing rules of docs/billing.md). */
export function ScheduleTab({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [CONTRACTS, 'schedule', view.id, view.updatedAt],
    queryFn: () => api.get<z.output<typeof scheduleView>>(`/v1/contracts/${view.id}/schedule`),
  });
  const codes = new Map(view.units.map((u) => [u.unitId, u.code]));
  const total = (query.data?.lines ?? []).reduce((n, l) => n + l.totalFen, 0);
  const columns: ColumnsType<Line> = [
    {
      title: t('contracts.schedule.period'),
      key: 'period',
      render: (_, l) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{`${l.periodStart} ~ ${l.periodEnd}`}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('contracts.schedule.due')} {l.dueDate}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('contracts.schedule.charge'),
      key: 'charge',
      render: (_, l) => (
        <>
          <Tag>{t(`contracts.schedule.types.${l.chargeType}`)}</Tag>
          {l.unitId ? (codes.get(l.unitId) ?? '') : l.name}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contracts.schedule.rate', { rate: Number(l.vatRate) * 100 })}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('contracts.schedule.net'), dataIndex: 'netFen', align: 'right', width: 116, render: yuanText },
    {
      title: t('contracts.schedule.tax'),
      dataIndex: 'taxFen',
      align: 'right',
      width: 110,
      render: yuanText,
    },
    {
      title: t('contracts.schedule.total'),
      dataIndex: 'totalFen',
      align: 'right',
      width: 130,
      render: yuanText,
    },
  ];
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('contracts.schedule.hint')} />
      <Table<Line>
        size="small"
        rowKey={(l) => `${l.periodStart}-${l.chargeType}-${l.unitId ?? l.name}`}
        loading={query.isLoading}
        dataSource={query.data?.lines ?? []}
        columns={columns}
        pagination={{ pageSize: 24, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('contracts.schedule.empty') }}
        footer={() => (
          <Typography.Text strong>
            {t('contracts.schedule.sum')}：{yuanText(total)}
          </Typography.Text>
        )}
      />
    </>
  );
}
