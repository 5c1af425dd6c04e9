import { Checkbox, Col, DatePicker, Form, Input, Row, Select, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_METHODS,
  TERMINATION_REASONS,
  VIOLATION_ACTIONS,
  VIOLATION_KINDS,
} from '../../../../common/schemas/contracts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fen } from './contractForm.ts';
import { type ContractView, contractCommands, type ViolationView } from './contractsApi.ts';
import { businessDay as day, FilesField, useContractStep, useUploader } from './modalParts.tsx';
import { useToday } from './SigningModals.tsx';
import { useTermRules } from './useTermRules.ts';

interface ModalProps {
  view: ContractView;
  onClose: () => void;
}
const options = <K extends string>(keys: readonly K[], label: (k: K) => string) =>
  keys.map((k) => ({ value: k, label: label(k) }));

interface ViolationValues {
  kind: ViolationView['kind'];
  foundOn: Dayjs;
  description: string;
  evidenceFileIds: UploadFile[];
}

/** A change of use or a sublet found on site (art. 711, 716, 718), with the evidence. */
export function ViolationModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<ViolationValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  return (
    <FormModal<ViolationValues>
      open
      title={t('contracts.violations.recordTitle', { number: view.number })}
      okText={t('common.save')}
      form={form}
      submitting={step.submitting}
      width={600}
      initialValues={{ kind: 'sublet', foundOn: today, evidenceFileIds: [] }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(async () => {
          const evidenceFileIds = await upload('evidence', v.evidenceFileIds);
          return contractCommands.recordViolation(view.id, {
            kind: v.kind,
            foundOn: day(v.foundOn),
            description: v.description.trim(),
            evidenceFileIds,
          });
        }, 'contracts.violations.recorded')
      }
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('contracts.violations.kind')} rules={[rules.required]}>
            <Select options={options(VIOLATION_KINDS, (k) => t(`contracts.violationKinds.${k}`))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="foundOn" label={t('contracts.violations.foundOn')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('contracts.violations.description')} rules={[rules.text]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <FilesField name="evidenceFileIds" label={t('contracts.violations.evidence')} max={30} />
    </FormModal>
  );
}

interface ActionValues {
  action: NonNullable<ViolationView['action']>;
  actionOn: Dayjs;
  note: string;
}

/** What the lessor did about a violation: a notice to stop, consent, or termination. */
export function ViolationActionModal({
  view,
  violation,
  onClose,
}: ModalProps & { violation: ViolationView }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<ActionValues>();
  const step = useContractStep(form, onClose);
  return (
    <FormModal<ActionValues>
      open
      title={t('contracts.violations.actionTitle', { kind: t(`contracts.violationKinds.${violation.kind}`) })}
      okText={t('common.save')}
      form={form}
      submitting={step.submitting}
      initialValues={{ action: 'notice', actionOn: today }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(
          () =>
            contractCommands.actOnViolation(view.id, violation.id, {
              action: v.action,
              actionOn: day(v.actionOn),
              note: v.note.trim(),
            }),
          'contracts.violations.acted',
        )
      }
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="action" label={t('contracts.violations.action')} rules={[rules.required]}>
            <Select options={options(VIOLATION_ACTIONS, (k) => t(`contracts.violationActions.${k}`))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="actionOn" label={t('contracts.violations.actionOn')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('contracts.note')} rules={[rules.text]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

interface DemandValues {
  demandedOn: Dayjs;
  deadline: Dayjs;
  method: (typeof DELIVERY_METHODS)[number];
  proofFileId: UploadFile[];
  amount?: string;
  note?: string;
}

/** Art. 722: a formal demand to pay within a reasonable period, with proof it was delivered. */
export function DemandModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<DemandValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  const afterDemand = {
    validator: async (_: unknown, deadline: Dayjs | undefined) => {
      const from = form.getFieldValue('demandedOn') as Dayjs | undefined;
      if (from && deadline && !deadline.isAfter(from, 'day'))
        throw new Error(t('contracts.demands.deadlineOrder'));
    },
  };
  return (
    <FormModal<DemandValues>
      open
      title={t('contracts.demands.recordTitle', { number: view.number })}
      okText={t('common.save')}
      form={form}
      submitting={step.submitting}
      width={600}
      initialValues={{
        demandedOn: today,
        deadline: today.add(15, 'day'),
        method: 'registered_mail',
        proofFileId: [],
      }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(async () => {
          const [proofFileId] = await upload('demand_proof', v.proofFileId);
          return contractCommands.recordDemand(view.id, {
            demandedOn: day(v.demandedOn),
            deadline: day(v.deadline),
            method: v.method,
            proofFileId: proofFileId ?? '',
            amountFen: v.amount?.trim() ? fen(v.amount) : null,
            note: v.note?.trim() || null,
          });
        }, 'contracts.demands.recorded')
      }
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="demandedOn" label={t('contracts.demands.demandedOn')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="deadline"
            label={t('contracts.demands.deadline')}
            dependencies={['demandedOn']}
            rules={[rules.required, afterDemand]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="method" label={t('contracts.demands.method')} rules={[rules.required]}>
            <Select options={options(DELIVERY_METHODS, (k) => t(`contracts.deliveryMethods.${k}`))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="amount" label={t('contracts.demands.amount')} rules={[rules.yuan]}>
        <Input inputMode="decimal" suffix={t('contracts.yuan')} style={{ maxWidth: 240 }} />
      </Form.Item>
      <FilesField name="proofFileId" label={t('contracts.demands.proof')} max={1} required />
      <Form.Item name="note" label={t('contracts.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

interface TerminateValues {
  reason: (typeof TERMINATION_REASONS)[number];
  forNonPayment: boolean;
  effectiveOn: Dayjs;
  liabilities: string;
  fileIds: UploadFile[];
}

/** The lease ends early: why, from when, and who owes what (art. 563, 722). */
export function TerminateModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<TerminateValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  const reason = Form.useWatch('reason', form);
  return (
    <FormModal<TerminateValues>
      open
      title={t('contracts.terminate.title', { number: view.number })}
      okText={t('contracts.actions.terminate')}
      form={form}
      submitting={step.submitting}
      width={640}
      initialValues={{ reason: 'mutual', forNonPayment: false, effectiveOn: today, fileIds: [] }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(async () => {
          const fileIds = await upload('termination', v.fileIds);
          return contractCommands.terminate(view.id, {
            reason: v.reason,
            forNonPayment: v.reason === 'customer_breach' && !!v.forNonPayment,
            effectiveOn: day(v.effectiveOn),
            liabilities: v.liabilities.trim(),
            fileIds,
          });
        }, 'contracts.terminate.done')
      }
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="reason" label={t('contracts.terminate.reason')} rules={[rules.required]}>
            <Select options={options(TERMINATION_REASONS, (k) => t(`contracts.terminationReasons.${k}`))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="effectiveOn" label={t('contracts.terminate.effectiveOn')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {reason === 'customer_breach' && (
        <Form.Item
          name="forNonPayment"
          valuePropName="checked"
          extra={t('contracts.terminate.nonPaymentHint')}
        >
          <Checkbox>{t('contracts.terminate.forNonPayment')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="liabilities" label={t('contracts.terminate.liabilities')} rules={[rules.text]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <FilesField name="fileIds" label={t('contracts.terminate.files')} max={20} />
    </FormModal>
  );
}
