import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../common/applications/machine.ts';
import { STAGE_CHECKLISTS } from '../../../../common/schemas/applications.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import type { ReviewView } from './applicationsApi.ts';
import { FlagIcon } from './ChecksCard.tsx';

const DECISION_COLORS: Record<Decision, string> = { approve: 'green', return: 'orange', reject: 'red' };

function Checklist({ stage, checklist }: Pick<ReviewView, 'stage' | 'checklist'>) {
  const { t } = useTranslation();
  // In the order the stage's checklist lists them (a JSON column may give the keys in any order).
  const order = Object.keys(STAGE_CHECKLISTS[stage].shape);
  const entries = Object.entries(checklist).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  if (entries.length === 0) return null;
  return (
    <Flex gap="2px 12px" wrap style={{ marginTop: 4 }}>
      {entries.map(([key, value]) => (
        <span key={key} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {typeof value === 'boolean' ? <FlagIcon flag={value} /> : null} {t(`applications.checklist.${key}`)}
          {typeof value === 'number' && `${t('customers.colon')}${t('applications.months', { n: value })}`}
        </span>
      ))}
    </Flex>
  );
}

/** Every decision in the order it was made: nothing is overwritten, a resubmission adds to the list. */
export function ReviewHistory({ reviews }: { reviews: ReviewView[] }) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  return (
    <Card size="small" title={t('applications.history')}>
      {reviews.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.noDecisions')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={reviews.map((r) => ({
            key: r.id,
            color: DECISION_COLORS[r.decision],
            content: (
              <div data-testid="review-entry">
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{t(`applications.stages.${r.stage}`)}</Typography.Text>
                  <Tag color={DECISION_COLORS[r.decision]} style={{ marginInlineEnd: 0 }}>
                    {t(`applications.decisions.${r.decision}`)}
                  </Tag>
                  {r.rejectReason && <Tag>{t(`applications.rejectReasons.${r.rejectReason}`)}</Tag>}
                  <Typography.Text type="secondary">
                    {r.decidedBy?.name} · {formatInstant(r.decidedAt, timeZone).slice(0, 16)}
                  </Typography.Text>
                </Flex>
                {r.comment && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{r.comment}</div>}
                <Checklist stage={r.stage} checklist={r.checklist} />
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
