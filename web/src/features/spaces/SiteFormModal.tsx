import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteBody } from '../../../../common/schemas/spaces.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { createSite, type SiteBody, type SiteView, SPACES, updateSite } from './spacesApi.ts';

export function SiteFormModal({ site, onClose }: { site: SiteView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SiteBody>();
  const [submitting, setSubmitting] = useState(false);
  const required = { required: true, message: t('validation.required') };
  const max = (n: number) => t('validation.tooLong', { max: n });

  const onFinish = async (values: SiteBody) => {
    setSubmitting(true);
    try {
      const saved = site ? await updateSite(site.id, values) : await createSite(values);
      void message.success(t(site ? 'spaces.sites.saved' : 'spaces.sites.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: [SPACES] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<SiteBody>
      open
      title={site ? t('spaces.sites.editTitle', { name: site.name }) : t('spaces.sites.createTitle')}
      form={form}
      submitting={submitting}
      width={520}
      initialValues={site ?? {}}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item
        name="name"
        label={t('spaces.sites.name')}
        rules={[required, zodRule(siteBody.shape.name, max(100))]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="city"
        label={t('spaces.sites.city')}
        rules={[required, zodRule(siteBody.shape.city, max(50))]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('spaces.sites.address')}
        rules={[required, zodRule(siteBody.shape.address, max(300))]}
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}
