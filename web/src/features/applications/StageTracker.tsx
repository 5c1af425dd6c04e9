import { RollbackOutlined } from '@ant-design/icons';
import { Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_STAGES, type ReviewStage } from '../../../../common/applications/machine.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { StageDue } from './ApplicationTags.tsx';
import type { ApplicationView } from './applicationsApi.ts';
import { type StepState, stageStates } from './applicationsFormat.ts';

/** business → legal → finance → management → notice, with who decided each and when the current is due. */
export function StageTracker({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const states = stageStates(view);

  const lastDecision = (stage: ReviewStage) => view.reviews.findLast((r) => r.stage === stage);
  const describe = (stage: ReviewStage, state: StepState): ReactNode => {
    const review = lastDecision(stage);
    if (state === 'process') return <StageDue dueOn={view.stageDueOn} overdue={view.overdue} />;
    if (state === 'wait' || !review) return null;
    const who = `${review.decidedBy?.name ?? ''} ${formatInstant(review.decidedAt, timeZone).slice(0, 16)}`;
    const what = state === 'finish' ? null : t(`applications.decisions.${review.decision}`);
    return (
      <Typography.Text type={state === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {what && <div>{what}</div>}
        {who}
      </Typography.Text>
    );
  };

  const items = [
    ...REVIEW_STAGES.map((stage) => {
      const state = states[stage];
      return {
        key: stage,
        title: t(`applications.stages.${stage}`),
        status: state === 'returned' ? ('process' as const) : state,
        icon: state === 'returned' ? <RollbackOutlined style={{ color: '#fa8c16' }} /> : undefined,
        content: describe(stage, state),
      };
    }),
    {
      key: 'notice',
      title: t('applications.stages.notice'),
      status: states.notice as Exclude<StepState, 'returned'>,
      content: view.notice ? (
        <Typography.Text type={states.notice === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('applications.notice.signByShort', { date: view.notice.signBy })}
        </Typography.Text>
      ) : null,
    },
  ];

  // antd styles the `current` step as the active one; without it the first step would look current.
  const current = items.findIndex((item) => item.status === 'process' || item.status === 'error');
  const lastDone = items.map((item) => item.status).lastIndexOf('finish');
  return (
    <Steps
      size="small"
      current={current >= 0 ? current : Math.max(lastDone, 0)}
      items={items}
      data-testid="stage-tracker"
    />
  );
}
