import { Alert, Col, DatePicker, Flex, Form, Input, Radio, Row, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { type TermsValues, termsValues, toTerms } from './contractForm.ts';
import { type ContractView, contractCommands, type VersionView } from './contractsApi.ts';
import { FilesField, useContractStep, useUploader } from './modalParts.tsx';
import { useToday } from './SigningModals.tsx';
import { TermsEditor } from './TermsEditor.tsx';
import { knownUnits } from './UnitsField.tsx';
import { useTermRules } from './useTermRules.ts';

interface AmendmentValues {
  effectiveFrom: Dayjs;
  reason: string;
  agreementFileId: UploadFile[];
  terms: TermsValues;
}

/**
 * A written change to a binding contract (art. 543): the whole terms as they stand from a day, with the
 * signed agreement; management approves it before it takes effect.
 */
export function AmendmentModal({ view, onClose }: { view: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const today = useToday();
  const [form] = Form.useForm<AmendmentValues>();
  const step = useContractStep(form, onClose);
  const upload = useUploader(view.id);
  return (
    <FormModal<AmendmentValues>
      open
      title={t('contracts.amend.title', { number: view.number })}
      okText={t('contracts.amend.submit')}
      form={form}
      submitting={step.submitting}
      width={1100}
      initialValues={{ effectiveFrom: today, agreementFileId: [], terms: termsValues(view.terms) }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(async () => {
          const [agreementFileId] = await upload('amendment', v.agreementFileId);
          return contractCommands.amend(view.id, {
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            reason: v.reason.trim(),
            // The start date is shown but locked; a disabled field is not in the values.
            terms: toTerms({ ...v.terms, startDate: form.getFieldValue(['terms', 'startDate']) }),
            agreementFileId: agreementFileId ?? '',
          });
        }, 'contracts.amend.done')
      }
    >
      <Alert type="info" showIcon title={t('contracts.amend.hint')} style={{ marginBottom: 16 }} />
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="effectiveFrom" label={t('contracts.amend.effectiveFrom')} rules={[rules.required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="reason" label={t('contracts.amend.reason')} rules={[rules.text]}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <FilesField name="agreementFileId" label={t('contracts.amend.agreement')} max={1} required />
      <Flex vertical>
        <TermsEditor known={knownUnits(view.units)} lockStart inModal />
      </Flex>
    </FormModal>
  );
}

interface DecisionValues {
  decision: 'approve' | 'reject';
  comment?: string;
}

/** Management approves or rejects a pending amendment. */
export function DecisionModal({
  view,
  version,
  onClose,
}: {
  view: ContractView;
  version: VersionView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const step = useContractStep(form, onClose);
  const decision = Form.useWatch('decision', form);
  return (
    <FormModal<DecisionValues>
      open
      title={t('contracts.versions.decideTitle', { version: version.version, number: view.number })}
      okText={t('common.ok')}
      form={form}
      submitting={step.submitting}
      initialValues={{ decision: 'approve' }}
      onCancel={onClose}
      onFinish={(v) =>
        void step.run(
          () =>
            contractCommands.decide(view.id, version.version, {
              decision: v.decision,
              comment: v.comment?.trim() || null,
            }),
          'contracts.versions.decided',
        )
      }
    >
      <Form.Item name="decision">
        <Radio.Group
          options={[
            { value: 'approve', label: t('contracts.versions.approve') },
            { value: 'reject', label: t('contracts.versions.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={t('contracts.versions.comment')}
        rules={[{ required: decision === 'reject', whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
