import type { UploadFile } from 'antd';
import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../common/dates.ts';
import { useUser } from '../../app/session.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { type ContractView, contractCommands } from './contractsApi.ts';
import { businessDay as day, FilesField, StaffSelect, useContractStep, useUploader } from './modalParts.tsx';
import { useTermRules } from './useTermRules.ts';

interface ModalProps {
  view: ContractView;
  onClose: () => void;
}

export const useToday = () => dayjs(todayIn(useUser().org.timeZone));

interface ExplanationValues {
  explainedTo: string;
  explainedOn: Dayjs;
  highlightedClauses: string[];
  customerAcknowledged: boolean;
  note?: string;
}

/** Art. 496: the business user explained the standard clauses that limit the customer's rights. */
export function ExplanationModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<ExplanationValues>();
  const step = useContractStep(form, onClose);
  const finish = (v: ExplanationValues) =>
    void step.run(
      () =>
        contractCommands.explain(view.id, {
          explainedTo: v.explainedTo.trim(),
          explainedOn: day(v.explainedOn),
          highlightedClauses: v.highlightedClauses.map((c) => c.trim()).filter(Boolean),
          customerAcknowledged: true,
          note: v.note?.trim() || null,
        }),
      'contracts.explain.done',
    );
  return (
    <FormModal<ExplanationValues>
      open
      title={t('contracts.explain.title', { number: view.number })}
      okText={t('common.save')}
      form={form}
      submitting={step.submitting}
      width={640}
      initialValues={{ explainedOn: today, highlightedClauses: [], customerAcknowledged: false }}
      onCancel={onClose}
      onFinish={finish}
    >
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="explainedTo" label={t('contracts.explain.explainedTo')} rules={[rules.text]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="explainedOn" label={t('contracts.explain.explainedOn')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="highlightedClauses"
        label={t('contracts.explain.highlightedClauses')}
        extra={t('contracts.explain.highlightedHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('contracts.explain.clausesRequired') }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '；', ';']} />
      </Form.Item>
      <Form.Item name="note" label={t('contracts.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="customerAcknowledged"
        valuePropName="checked"
        rules={[
          {
            validator: async (_, v: boolean) => {
              if (!v) throw new Error(t('contracts.explain.ackRequired'));
            },
          },
        ]}
      >
        <Checkbox>{t('contracts.explain.acknowledged')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

interface SignValues {
  signedCopyFileId: UploadFile[];
  signedOn: Dayjs;
  lessorSignatory: string;
  customerSignatory: string;
  custodianId: string;
  archiveLocation: string;
}

/** Both parties signed: the scanned signed copy goes up first, then the signing is recorded with it. */
export function SignModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<SignValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  const finish = (v: SignValues) =>
    void step.run(async () => {
      const [signedCopyFileId] = await upload('signed_copy', v.signedCopyFileId);
      return contractCommands.sign(view.id, {
        signedOn: day(v.signedOn),
        lessorSignatory: v.lessorSignatory.trim(),
        customerSignatory: v.customerSignatory.trim(),
        signedCopyFileId: signedCopyFileId ?? '',
        custodianId: v.custodianId,
        archiveLocation: v.archiveLocation.trim(),
      });
    }, 'contracts.sign.done');
  return (
    <FormModal<SignValues>
      open
      title={t('contracts.sign.title', { number: view.number })}
      okText={t('contracts.actions.sign')}
      form={form}
      submitting={step.submitting}
      width={640}
      initialValues={{ signedOn: today, signedCopyFileId: [] }}
      onCancel={onClose}
      onFinish={finish}
    >
      <FilesField name="signedCopyFileId" label={t('contracts.sign.signedCopy')} max={1} required />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="signedOn" label={t('contracts.signedOn')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lessorSignatory" label={t('contracts.sign.lessorSignatory')} rules={[rules.text]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="customerSignatory"
            label={t('contracts.sign.customerSignatory')}
            rules={[rules.text]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <ArchiveFields />
    </FormModal>
  );
}

/** R3.1.4: who keeps the signed original and where. */
function ArchiveFields({ custodian }: { custodian?: ContractView['custodian'] }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name="custodianId" label={t('contracts.custodian')} rules={[rules.required]}>
          <StaffSelect current={custodian} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name="archiveLocation" label={t('contracts.archiveLocation')} rules={[rules.text]}>
          <Input maxLength={200} placeholder={t('contracts.sign.archivePlaceholder')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The original moved to another keeper or place. */
export function ArchiveModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ custodianId: string; archiveLocation: string }>();
  const step = useContractStep(form, onClose);
  return (
    <FormModal<{ custodianId: string; archiveLocation: string }>
      open
      title={t('contracts.archive.title', { number: view.number })}
      okText={t('common.save')}
      form={form}
      submitting={step.submitting}
      width={560}
      initialValues={{ custodianId: view.custodian?.id, archiveLocation: view.archiveLocation ?? '' }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(
          () =>
            contractCommands.archive(view.id, {
              custodianId: v.custodianId,
              archiveLocation: v.archiveLocation.trim(),
            }),
          'contracts.archive.done',
        )
      }
    >
      <ArchiveFields custodian={view.custodian} />
    </FormModal>
  );
}

/** A draft or a contract waiting for signatures is dropped, with the reason on record. */
export function CancelModal({ view, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const [form] = Form.useForm<{ reason: string }>();
  const step = useContractStep(form, onClose);
  return (
    <FormModal<{ reason: string }>
      open
      title={t('contracts.cancel.title', { number: view.number })}
      okText={t('contracts.actions.cancel')}
      form={form}
      submitting={step.submitting}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(
          () => contractCommands.cancel(view.id, { reason: v.reason.trim() }),
          'contracts.cancel.done',
        )
      }
    >
      <Form.Item name="reason" label={t('contracts.cancel.reason')} rules={[rules.text]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
