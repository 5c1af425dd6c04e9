import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unavailableBody } from '../../../../common/schemas/spaces.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { markUnavailable, SPACES, type UnitView } from './spacesApi.ts';

interface Values {
  from: Dayjs;
  to: Dayjs;
  reason: string;
}

/** Takes a unit off the market for a period (renovation, repairs), with the reason people will see. */
export function UnavailableModal({
  unit,
  from,
  onClose,
}: {
  unit: UnitView;
  from: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const required = { required: true, message: t('validation.required') };

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    try {
      await markUnavailable(unit.id, {
        from: values.from.format('YYYY-MM-DD'),
        to: values.to.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
      });
      void message.success(t('spaces.unavailable.done', { code: unit.code }));
      await queryClient.invalidateQueries({ queryKey: [SPACES] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const notBeforeFrom = ({ getFieldValue }: { getFieldValue: (name: string) => Dayjs | undefined }) => ({
    validator: async (_: unknown, to: Dayjs | undefined) => {
      const start = getFieldValue('from');
      if (start && to?.isBefore(start, 'day')) throw new Error(t('spaces.unavailable.toBeforeFrom'));
    },
  });

  return (
    <FormModal<Values>
      open
      title={t('spaces.unavailable.title', { code: unit.code })}
      form={form}
      submitting={submitting}
      width={480}
      initialValues={{ from: dayjs(from) }}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="from" label={t('spaces.unavailable.from')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="to"
            label={t('spaces.unavailable.to')}
            dependencies={['from']}
            rules={[required, notBeforeFrom]}
            extra={t('spaces.unavailable.inclusive')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="reason"
        label={t('spaces.unavailable.reason')}
        rules={[required, zodRule(unavailableBody.shape.reason, t('spaces.unavailable.reasonLength'))]}
      >
        <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('spaces.unavailable.reasonHint')} />
      </Form.Item>
    </FormModal>
  );
}
