import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { BILLING } from '../billing/billingApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { CHARGE_KIND_COLORS, CHARGE_STATUS_COLORS } from './chargeFormat.ts';
import {
  approveChargeRequest,
  type ChargeRequestKind,
  type ChargeRequestStatus,
  type ChargeRequestView,
  cancelChargeRequest,
  rejectChargeRequest,
  useChargeRoles,
} from './chargesApi.ts';

const TAG = { marginInlineEnd: 0 } as const;
/** Stacked link buttons line up with the text of the other cells. */
const LINK = { paddingInline: 0 } as const;

export function ChargeStatusTag({ status }: { status: ChargeRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={CHARGE_STATUS_COLORS[status]} style={TAG} data-testid="charge-status">
      {t(`charges.statuses.${status}`)}
    </Tag>
  );
}

export function ChargeKindTag({ kind }: { kind: ChargeRequestKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={CHARGE_KIND_COLORS[kind]} style={TAG} data-testid="charge-kind">
      {t(`charges.kinds.${kind}`)}
    </Tag>
  );
}

/** After a decision the bills, the balances and the lists all change: refresh everything of billing. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [BILLING] });
}

/** Finance approves with an optional note: the charge is posted as a bill of its own. */
function ApproveButton({ r }: { r: ChargeRequestView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [note, setNote] = useState('');
  const approve = async () => {
    try {
      const posted = await approveChargeRequest(r.id, { note: note.trim() || undefined });
      await refresh();
      void message.success(
        t('charges.approve.done', { number: posted.number, bill: posted.billNumber ?? '' }),
      );
    } catch (e) {
      showError(e, message);
    }
  };
  return (
    <Popconfirm
      title={t('charges.approve.confirm', { number: r.number })}
      description={
        <Flex vertical gap={6} style={{ width: 300 }}>
          <Typography.Text type="secondary">
            {r.customerName} · {r.name} · {yuanText(r.totalFen)}
          </Typography.Text>
          <Input.TextArea
            id="approve-note"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('charges.approve.notePlaceholder')}
          />
        </Flex>
      }
      okText={t('charges.approve.action')}
      onConfirm={approve}
      onOpenChange={(open) => open && setNote('')}
    >
      <Button size="small" type="link" style={LINK} icon={<CheckOutlined />} data-testid="approve-charge">
        {t('charges.approve.action')}
      </Button>
    </Popconfirm>
  );
}

/** A rejection says why: the note is required (CHARGE_REQUEST_NOTE_REQUIRED on `note`). */
function RejectModal({ r, onClose }: { r: ChargeRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ note: string }>();
  const [submitting, setSubmitting] = useState(false);
  const finish = async (v: { note: string }) => {
    setSubmitting(true);
    try {
      await rejectChargeRequest(r.id, { note: v.note.trim() });
      await refresh();
      void message.success(t('charges.reject.done', { number: r.number }));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <FormModal<{ note: string }>
      open
      title={t('charges.reject.title', { number: r.number })}
      okText={t('charges.reject.action')}
      form={form}
      submitting={submitting}
      width={480}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {r.customerName} · {r.name} · {yuanText(r.totalFen)}
      </Typography.Paragraph>
      <Form.Item
        name="note"
        label={t('charges.reject.note')}
        rules={[{ required: true, whitespace: true, message: t('charges.reject.noteRequired') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('charges.reject.notePlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Whoever raised a request (or an administrator) withdraws it while it waits. */
function CancelButton({ r }: { r: ChargeRequestView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const cancel = async () => {
    try {
      await cancelChargeRequest(r.id);
      await refresh();
      void message.success(t('charges.cancel.done', { number: r.number }));
    } catch (e) {
      showError(e, message);
    }
  };
  return (
    <Popconfirm title={t('charges.cancel.confirm', { number: r.number })} onConfirm={cancel}>
      <Button size="small" type="link" style={LINK} icon={<RollbackOutlined />} data-testid="cancel-charge">
        {t('charges.cancel.action')}
      </Button>
    </Popconfirm>
  );
}

/**
 * What the signed-in user may do with a waiting request: approve (finance, not their own), reject
 * (finance), withdraw (their own, or an administrator). The server checks each again.
 */
export function ChargeRequestActions({ r }: { r: ChargeRequestView }) {
  const { t } = useTranslation();
  const roles = useChargeRoles();
  const [rejecting, setRejecting] = useState(false);
  if (r.status !== 'pending') return null;
  const own = roles.isOwn(r);
  const canApprove = roles.decide && !own;
  const canCancel = own || roles.admin;
  if (!roles.decide && !canCancel) return null;
  return (
    <Flex vertical gap={0} align="flex-start">
      {canApprove && <ApproveButton r={r} />}
      {roles.decide && (
        <Button
          size="small"
          type="link"
          style={LINK}
          danger
          icon={<CloseOutlined />}
          onClick={() => setRejecting(true)}
          data-testid="reject-charge"
        >
          {t('charges.reject.action')}
        </Button>
      )}
      {canCancel && <CancelButton r={r} />}
      {rejecting && <RejectModal r={r} onClose={() => setRejecting(false)} />}
    </Flex>
  );
}
