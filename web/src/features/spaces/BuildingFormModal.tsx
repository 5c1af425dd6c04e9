import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildingBody } from '../../../../common/schemas/spaces.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type BuildingView, createBuilding, type SiteView, SPACES, updateBuilding } from './spacesApi.ts';

interface Values {
  name: string;
  floorsAbove: number;
  floorsBelow: number;
}

interface Props {
  site: Pick<SiteView, 'id' | 'name'>;
  /** The building being edited; absent when adding one to the site. */
  building: BuildingView | null;
  onClose: () => void;
}

export function BuildingFormModal({ site, building, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const required = { required: true, message: t('validation.required') };

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    try {
      const saved = building
        ? await updateBuilding(building.id, values)
        : await createBuilding({ ...values, siteId: site.id });
      void message.success(
        t(building ? 'spaces.buildings.saved' : 'spaces.buildings.created', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey: [SPACES] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      title={
        building
          ? t('spaces.buildings.editTitle', { name: building.name })
          : t('spaces.buildings.createTitle', { site: site.name })
      }
      form={form}
      submitting={submitting}
      width={480}
      initialValues={building ?? { floorsAbove: 1, floorsBelow: 0 }}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item
        name="name"
        label={t('spaces.buildings.name')}
        rules={[required, zodRule(buildingBody.shape.name, t('validation.tooLong', { max: 100 }))]}
      >
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="floorsAbove"
            label={t('spaces.buildings.floorsAbove')}
            rules={[required]}
            extra={t('spaces.buildings.floorsAboveHint')}
          >
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="floorsBelow" label={t('spaces.buildings.floorsBelow')} rules={[required]}>
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
