import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { correctionNeedsApproval } from '../../../../common/billing/chargeRequest.ts';
import { showError } from '../../app/formErrors.ts';
import { submitOnEnter } from '../../app/submitOnEnter.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ChargeTypeTag } from '../billing/BillTags.tsx';
import { BILLING, type BillLine } from '../billing/billingApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { useOrganization } from '../organization/organizationApi.ts';
import {
  type CorrectionDirection,
  chargeFen,
  correctionFen,
  isCorrectable,
  onChargeFormField,
  periodText,
} from './chargeFormat.ts';
import { type ChargeRequestView, raiseChargeRequest, useChargeRoles } from './chargesApi.ts';

interface Values {
  direction: CorrectionDirection;
  /** Tax-inclusive yuan as typed, never signed: the direction gives the sign. */
  amount: string;
  reason: string;
}

/** The correction just posted: its bill, to open, and the corrected bill refreshed behind it. */
function CorrectionDone({ posted, onClose }: { posted: ChargeRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Modal
      open
      title={t('charges.correction.title')}
      width={520}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        posted.billId && (
          <Button
            key="open"
            onClick={() => {
              onClose();
              navigate(`/bills/${posted.billId}`);
            }}
            data-testid="correction-bill"
          >
            {t('charges.correction.openBill', { number: posted.billNumber })}
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose} autoFocus>
          {t('billing.close')}
        </Button>,
      ]}
    >
      <Result
        status="success"
        title={t('charges.correction.posted', { number: posted.number })}
        subTitle={t('charges.correction.postedHint', { bill: posted.billNumber ?? '' })}
        style={{ padding: '16px 0 8px' }}
        data-testid="correction-done"
      />
    </Modal>
  );
}

/**
 * Corrects an issued bill line (R5.2.1; issued lines are never edited): a waiver or credit (减免/冲减), or a
 * charge more (补收), tax included at the line's rate. At or under the organization's threshold it is
 * posted at once as a bill of its own; above it waits for finance.
 */
export function CorrectionModal({ line, onClose }: { line: BillLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const organization = useOrganization();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [posted, setPosted] = useState<ChargeRequestView | null>(null);
  const direction = Form.useWatch('direction', form) ?? 'credit';
  const amountFen = chargeFen(Form.useWatch('amount', form));
  const threshold = organization.data?.settings.billing.correctionApprovalFen;

  if (posted) return <CorrectionDone posted={posted} onClose={onClose} />;

  const finish = async (v: Values) => {
    setSubmitting(true);
    try {
      const raised = await raiseChargeRequest({
        kind: 'correction',
        lineId: line.id,
        totalFen: correctionFen(v.direction, chargeFen(v.amount)!),
        reason: v.reason.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      if (raised.status === 'posted') {
        void message.success(t('charges.correction.posted', { number: raised.number }));
        setPosted(raised);
      } else {
        void message.success(t('charges.correction.pending', { number: raised.number }));
        onClose();
      }
    } catch (e) {
      showError(onChargeFormField(e), message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  const waits =
    amountFen !== null && threshold !== undefined && correctionNeedsApproval(amountFen, threshold);
  return (
    <FormModal<Values>
      open
      title={t('charges.correction.title')}
      okText={waits ? t('charges.correction.submitForApproval') : t('charges.correction.submit')}
      form={form}
      submitting={submitting}
      width={560}
      initialValues={{ direction: 'credit' }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Descriptions
        size="small"
        column={2}
        bordered
        style={{ marginBottom: 16 }}
        data-testid="correction-line"
        items={[
          {
            key: 'charge',
            label: t('billing.lines.charge'),
            span: 2,
            children: (
              <span>
                <ChargeTypeTag type={line.chargeType} />{' '}
                {[line.name, line.unitCode].filter(Boolean).join(' · ')}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {periodText(line.periodStart, line.periodEnd)}
                </Typography.Text>
              </span>
            ),
          },
          { key: 'total', label: t('charges.correction.lineTotal'), children: yuanText(line.totalFen) },
          { key: 'outstanding', label: t('billing.outstanding'), children: yuanText(line.outstandingFen) },
        ]}
      />
      <Form.Item name="direction" label={t('charges.correction.direction')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={(['credit', 'charge'] as const).map((d) => ({
            value: d,
            label: t(`charges.correction.directions.${d}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('charges.correction.amount')}
        dependencies={['direction']}
        extra={
          threshold !== undefined && (
            <span data-testid="correction-threshold">
              {t('charges.correction.thresholdHint', { amount: yuanText(threshold) })}
            </span>
          )
        }
        rules={[
          required,
          {
            validator: async (_, value: string | undefined) => {
              if (!value?.trim()) return;
              const fen = chargeFen(value);
              if (fen === null) throw new Error(t('charges.amountFormat'));
              if (form.getFieldValue('direction') === 'credit' && fen > line.totalFen)
                throw new Error(t('charges.correction.tooMuch', { amount: yuanText(line.totalFen) }));
            },
          },
        ]}
      >
        <Input inputMode="decimal" prefix="¥" suffix={t('charges.taxIncluded')} style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('charges.reason')}
        rules={[
          { ...required, whitespace: true },
          { max: 500, message: t('validation.tooLong', { max: 500 }) },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          placeholder={t('charges.correction.reasonPlaceholder')}
          onPressEnter={submitOnEnter(form)}
        />
      </Form.Item>
      {amountFen !== null && threshold !== undefined && (
        <Alert
          type={waits ? 'warning' : 'info'}
          showIcon
          data-testid="correction-outcome"
          title={
            waits
              ? t('charges.correction.willWait')
              : t('charges.correction.willPost', {
                  amount: yuanText(correctionFen(direction, amountFen)),
                })
          }
        />
      )}
    </FormModal>
  );
}

/** A bill line's action (an icon with its name in a tooltip, to keep the lines table narrow). */
function CorrectLineButton({ line }: { line: BillLine }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const label = t('charges.correction.action');
  return (
    <>
      <Tooltip title={label}>
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          aria-label={label}
          onClick={() => setOpen(true)}
          data-testid="correct-line"
        />
      </Tooltip>
      {open && <CorrectionModal line={line} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The bill lines table's action column, for account managers, finance and administrators when the bill
 * has a line that can be corrected; undefined (no column) otherwise.
 */
export function useLineCorrection(lines: readonly BillLine[]) {
  const roles = useChargeRoles();
  if (!roles.correct || !lines.some(isCorrectable)) return undefined;
  return (line: BillLine) => (isCorrectable(line) ? <CorrectLineButton line={line} /> : null);
}
