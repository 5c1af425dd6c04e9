import { App, DatePicker, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type JobRun, runJob } from './jobsApi.ts';

interface Values {
  asOf?: Dayjs | null;
}

export function RunJobModal({
  job,
  onClose,
  onStarted,
}: {
  job: string;
  onClose: () => void;
  onStarted: (run: JobRun) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    try {
      const run = await runJob(job, values.asOf?.format('YYYY-MM-DD'));
      void message.success(t('jobs.started', { job: t(`jobs.names.${job}`, { defaultValue: job }) }));
      onStarted(run);
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      title={t('jobs.runTitle', { job: t(`jobs.names.${job}`, { defaultValue: job }) })}
      okText={t('jobs.runNow')}
      form={form}
      submitting={submitting}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item name="asOf" label={t('jobs.businessDate')} extra={t('jobs.businessDateHint')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Text type="secondary">{job}</Typography.Text>
    </FormModal>
  );
}
