import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Decision, ReviewStage } from '../../../../common/applications/machine.ts';
import { REJECT_REASONS, STAGE_CHECKLISTS } from '../../../../common/schemas/applications.ts';
import { showError } from '../../app/formErrors.ts';
import { CUSTOMERS } from '../customers/customersApi.ts';
import {
  APPLICATIONS,
  type ApplicationView,
  type RejectReason,
  reviewApplication,
} from './applicationsApi.ts';
import { systemFlag } from './applicationsFormat.ts';
import { FlagIcon } from './ChecksCard.tsx';

/** From the mildest to the gravest, as the reviewer weighs them. */
const DECISION_ORDER: readonly Decision[] = ['approve', 'return', 'reject'];

interface Values {
  checklist: Record<string, boolean | number | undefined>;
  decision: Decision;
  rejectReason?: RejectReason;
  comment?: string;
}

/** The stage's checklist items in order, each a tick box or (finance's deposit) a number. */
function checklistItems(stage: ReviewStage): { key: string; kind: 'boolean' | 'number' }[] {
  return Object.entries(STAGE_CHECKLISTS[stage].shape).map(([key, field]) => ({
    key,
    kind: field instanceof z.ZodNumber ? 'number' : 'boolean',
  }));
}

/** Every item present: an untouched tick box is a "no", which is what the reviewer said by leaving it. */
function fullChecklist(stage: ReviewStage, values: Values['checklist']): Record<string, boolean | number> {
  return Object.fromEntries(
    checklistItems(stage).map(({ key, kind }) => [
      key,
      kind === 'number' ? (values[key] ?? 0) : !!values[key],
    ]),
  );
}

/** The decision of the signed-in reviewer at the current stage: checklist, approve/return/reject, comment. */
export function ReviewPanel({ view, stage }: { view: ApplicationView; stage: ReviewStage }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const decision = Form.useWatch('decision', form) ?? 'approve';
  const ticked = Form.useWatch('checklist', form) ?? {};
  const items = checklistItems(stage);
  const allTicked = items.every(({ key, kind }) => kind === 'number' || ticked[key]);
  const needsComment = decision !== 'approve' || !allTicked;

  const send = async (values: Values) => {
    setSending(true);
    try {
      await reviewApplication(view.id, {
        decision: values.decision,
        comment: values.comment?.trim() || null,
        rejectReason: values.decision === 'reject' ? values.rejectReason : null,
        checklist: fullChecklist(stage, values.checklist ?? {}),
      });
      void message.success(t(`applications.review.done.${values.decision}`, { number: view.number }));
      form.resetFields();
      // The status, the inbox badge and the customer's status (admitted on approval) all move.
      await queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSending(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('applications.review.title', { stage: t(`applications.stages.${stage}`) })}
      data-testid="review-panel"
      styles={{ header: { background: '#e6f4ff' } }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          decision: 'approve',
          checklist: { recommendedDepositMonths: view.checks.recommendedDepositMonths },
        }}
        onFinish={(values) => void send(values)}
      >
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('applications.review.checklistHint')}
        </Typography.Text>
        {items.map(({ key, kind }) =>
          kind === 'number' ? (
            <Form.Item
              key={key}
              name={['checklist', key]}
              label={t(`applications.checklist.${key}`)}
              rules={[{ required: true, message: t('validation.required') }]}
              style={{ marginBottom: 8 }}
            >
              <InputNumber min={0} max={12} precision={0} suffix={t('applications.monthUnit')} />
            </Form.Item>
          ) : (
            <Flex key={key} justify="space-between" align="center" gap={8}>
              <Form.Item name={['checklist', key]} valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox>{t(`applications.checklist.${key}`)}</Checkbox>
              </Form.Item>
              <SystemHint flag={systemFlag(key, view.checks)} />
            </Flex>
          ),
        )}
        <Form.Item name="decision" label={t('applications.review.decision')} style={{ marginTop: 8 }}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DECISION_ORDER.map((d) => ({ value: d, label: t(`applications.decisions.${d}`) }))}
          />
        </Form.Item>
        {decision === 'reject' && (
          <Form.Item
            name="rejectReason"
            label={t('applications.review.rejectReason')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              options={REJECT_REASONS.map((r) => ({ value: r, label: t(`applications.rejectReasons.${r}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('applications.review.comment')}
          dependencies={['decision', 'checklist']}
          rules={[
            {
              required: needsComment,
              whitespace: true,
              message: t(
                decision === 'approve'
                  ? 'applications.review.commentForUnticked'
                  : 'applications.review.commentRequired',
              ),
            },
          ]}
          extra={
            decision === 'approve' && !allTicked ? t('applications.review.commentForUnticked') : undefined
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          danger={decision === 'reject'}
          loading={sending}
          block
          data-testid="review-submit"
        >
          {t(`applications.review.submit.${decision}`)}
        </Button>
      </Form>
    </Card>
  );
}

function SystemHint({ flag }: { flag: boolean | null }) {
  const { t } = useTranslation();
  if (flag === null) return null;
  return (
    <Typography.Text type={flag ? 'success' : 'danger'} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
      <FlagIcon flag={flag} /> {t(flag ? 'applications.review.systemOk' : 'applications.review.systemFlag')}
    </Typography.Text>
  );
}
