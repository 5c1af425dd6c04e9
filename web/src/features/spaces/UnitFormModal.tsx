import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRICE_BASES, priceString, UNIT_TYPES, unitBody } from '../../../../common/schemas/spaces.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import {
  createUnit,
  SPACES,
  type UnitBody,
  type UnitView,
  updateUnit,
  useBuildings,
  useSites,
} from './spacesApi.ts';
import { exceeds, floorInBuilding, floorLabel, hundredths } from './spacesFormat.ts';

type Values = Omit<UnitBody, 'facilities'> & { siteId: string; facilities?: string[] };
const AREAS = ['grossArea', 'insideArea', 'usableArea'] as const;

/** Creates a unit, or edits one (`unit` given); checks what the server checks before sending. */
export function UnitFormModal({ unit, onClose }: { unit: UnitView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const siteId = Form.useWatch('siteId', form) ?? unit?.siteId;
  const sites = useSites();
  const buildings = useBuildings(siteId);
  const required = { required: true, message: t('validation.required') };

  const onFinish = async ({ siteId: _site, buildingId, ...values }: Values) => {
    setSubmitting(true);
    const body = {
      ...values,
      facilities: values.facilities ?? [],
      certificateNo: values.certificateNo?.trim() || null,
      notes: values.notes?.trim() || null,
    };
    try {
      const saved = unit ? await updateUnit(unit.id, body) : await createUnit({ ...body, buildingId });
      void message.success(t(unit ? 'spaces.unit.saved' : 'spaces.unit.created', { code: saved.code }));
      await queryClient.invalidateQueries({ queryKey: [SPACES] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const areaRules = (name: (typeof AREAS)[number]): Rule[] => {
    const limit = name === 'insideArea' ? 'grossArea' : name === 'usableArea' ? 'insideArea' : null;
    return [
      required,
      zodRule(unitBody.shape.grossArea, t('spaces.unit.areaFormat')),
      ({ getFieldValue }) => ({
        validator: async (_, value: string | undefined) => {
          if (hundredths(value) === 0) throw new Error(t('spaces.unit.areaPositive'));
          if (limit && exceeds(value, getFieldValue(limit)))
            throw new Error(t(`spaces.unit.${name}TooLarge`));
        },
      }),
    ];
  };

  const floorRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, floor: number | null | undefined) => {
      const building = buildings.data?.find(
        (b) => b.id === (unit?.buildingId ?? getFieldValue('buildingId')),
      );
      if (floor === null || floor === undefined || !building || floorInBuilding(floor, building)) return;
      throw new Error(
        t('spaces.unit.floorOutOfRange', {
          lowest: floorLabel(building.floorsBelow ? -building.floorsBelow : 1),
          highest: floorLabel(building.floorsAbove),
        }),
      );
    },
  });

  return (
    <FormModal<Values>
      open
      title={unit ? t('spaces.unit.editTitle', { code: unit.code }) : t('spaces.unit.createTitle')}
      form={form}
      submitting={submitting}
      width={720}
      initialValues={
        unit
          ? { ...unit, certificateNo: unit.certificateNo ?? '', notes: unit.notes ?? '' }
          : { type: 'office', priceBasis: 'per_sqm_day', facilities: [] }
      }
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="siteId" label={t('spaces.site')} rules={unit ? [] : [required]}>
            <Select
              disabled={!!unit}
              options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
              onChange={() => form.setFieldValue('buildingId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="buildingId" label={t('spaces.building')} rules={unit ? [] : [required]}>
            <Select
              disabled={!!unit || !siteId}
              options={buildings.data?.map((b) => ({ value: b.id, label: b.name }))}
              onChange={() =>
                form.getFieldValue('floor') !== undefined && void form.validateFields(['floor'])
              }
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('spaces.unit.code')}
            rules={[required, zodRule(unitBody.shape.code, t('validation.tooLong', { max: 30 }))]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('spaces.unit.type')} rules={[required]}>
            <Select options={UNIT_TYPES.map((type) => ({ value: type, label: t(`spaces.types.${type}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="floor"
            label={t('spaces.unit.floor')}
            extra={t('spaces.unit.floorHint')}
            rules={[required, floorRule]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8} />
        {AREAS.map((name) => (
          <Col span={8} key={name}>
            <Form.Item
              name={name}
              label={t(`spaces.unit.${name}`)}
              dependencies={name === 'grossArea' ? [] : [name === 'insideArea' ? 'grossArea' : 'insideArea']}
              rules={areaRules(name)}
            >
              <Input suffix="m²" inputMode="decimal" />
            </Form.Item>
          </Col>
        ))}
        <Col span={8}>
          <Form.Item
            name="listPrice"
            label={t('spaces.unit.listPrice')}
            rules={[required, zodRule(priceString, t('spaces.unit.priceFormat'))]}
          >
            <Input inputMode="decimal" suffix={t('spaces.yuan')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="priceBasis" label={t('spaces.unit.priceBasis')} rules={[required]}>
            <Select
              options={PRICE_BASES.map((basis) => ({ value: basis, label: t(`spaces.bases.${basis}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="certificateNo" label={t('spaces.unit.certificateNo')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="facilities"
            label={t('spaces.unit.facilities')}
            extra={t('spaces.unit.facilitiesHint')}
          >
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('spaces.unit.notes')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
