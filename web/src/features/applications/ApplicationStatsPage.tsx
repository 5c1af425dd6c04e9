import { Alert, Card, Col, DatePicker, Flex, Row, Spin, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, todayIn } from '../../../../common/dates.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useApplicationStats } from './applicationsApi.ts';
import { rateText } from './applicationsFormat.ts';
import { RejectionsCard } from './RejectionsCard.tsx';
import { StageTimesCard } from './StageTimesCard.tsx';

/** Time per stage, approval and rejection rates and rejection reasons over a chosen period. */
export function ApplicationStatsPage() {
  const { t } = useTranslation();
  const today = todayIn(useUser().org.timeZone);
  // The last twelve months, today included (date ranges are inclusive).
  const [range, setRange] = useState<[string, string]>([addDays(addMonths(today, -12), 1), today]);
  const stats = useApplicationStats(range[0], range[1]);
  const data = stats.data;
  const figures = data && [
    { key: 'decided', value: data.outcomes.decided },
    { key: 'approved', value: data.outcomes.approved, color: '#52c41a' },
    { key: 'rejected', value: data.outcomes.rejected, color: data.outcomes.rejected ? '#f5222d' : undefined },
    { key: 'withdrawn', value: data.outcomes.withdrawn },
    { key: 'approvalRate', value: rateText(data.outcomes.approvalRate), color: '#52c41a' },
    {
      key: 'rejectionRate',
      value: rateText(data.outcomes.rejectionRate),
      color: data.outcomes.rejectionRate ? '#f5222d' : undefined,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.applicationStats')}
        subtitle={t('applications.stats.subtitle')}
        extra={
          <DatePicker.RangePicker
            id="stats-range"
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]);
            }}
          />
        }
      />
      {stats.error && (
        <Alert type="error" showIcon title={stats.error.message} style={{ marginBottom: 16 }} />
      )}
      {!data || !figures ? (
        !stats.error && <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {figures.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={4}>
                <Card size="small" data-testid={`stat-${f.key}`}>
                  <Statistic
                    title={t(`applications.stats.${f.key}`)}
                    value={f.value}
                    styles={f.color ? { content: { color: f.color } } : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <StageTimesCard stages={data.stages} />
          <RejectionsCard entries={data.rejectionsByMonth} />
        </Flex>
      )}
    </>
  );
}
