import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  INTENDED_USES,
  MAX_TERM_MONTHS,
  USES_BY_UNIT_TYPE,
} from '../../../../common/schemas/applications.ts';
import { areaString, UNIT_TYPES } from '../../../../common/schemas/spaces.ts';
import { api, type Page } from '../../app/api.ts';
import { zodRule } from '../../app/zodRule.ts';
import { SPACES, type UnitView, useBuildings, useSites } from '../spaces/spacesApi.ts';
import { exceeds, floorLabel } from '../spaces/spacesFormat.ts';
import type { Values } from './applicationForm.ts';
import type { ApplicationView } from './applicationsApi.ts';

type Unit = Pick<UnitView, 'id' | 'code' | 'siteName' | 'buildingName' | 'floor' | 'grossArea'>;

/** Vacant units of the wanted type and place on the wanted start date; the server checks the whole term. */
function useVacantUnits(values: Partial<Values>) {
  const filters = {
    status: 'vacant',
    type: values.spaceType,
    siteId: values.siteId ?? undefined,
    buildingId: values.buildingId ?? undefined,
    asOf: values.startDate?.format('YYYY-MM-DD'),
    limit: 200,
  };
  return useQuery({
    queryKey: [SPACES, 'units', 'vacant', filters],
    queryFn: () => api.get<Page<UnitView>>('/v1/units', filters),
    select: (page) => page.items,
  });
}

const unitLabel = (u: Unit) =>
  `${u.code} · ${u.siteName} ${u.buildingName} ${floorLabel(u.floor)} · ${u.grossArea} m²`;

/** What space is wanted, where, from when and for how long, by how many people and for what use. */
export function SpaceFields({ current }: { current: ApplicationView | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const values = Form.useWatch([], form) ?? {};
  const sites = useSites();
  const buildings = useBuildings(values.siteId ?? undefined);
  const units = useVacantUnits(values);
  const required = { required: true, message: t('validation.required') };
  const area = zodRule(areaString, t('applications.form.areaFormat'));
  // Units the application already holds are reserved by it, so no longer "vacant": keep them choosable.
  const held: Unit[] = current?.units ?? [];
  const options = [...held, ...(units.data ?? []).filter((u) => !held.some((h) => h.id === u.id))];

  return (
    <Row gutter={12}>
      <Col xs={12} md={6}>
        <Form.Item name="spaceType" label={t('applications.spaceType')} rules={[required]}>
          <Select
            options={UNIT_TYPES.map((type) => ({ value: type, label: t(`spaces.types.${type}`) }))}
            onChange={() => form.setFieldValue('unitIds', [])}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="areaMin" label={t('applications.areaMin')} rules={[required, area]}>
          <Input inputMode="decimal" suffix="m²" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="areaMax"
          label={t('applications.areaMax')}
          dependencies={['areaMin']}
          rules={[
            required,
            area,
            {
              validator: async (_, max: string | undefined) => {
                if (exceeds(form.getFieldValue('areaMin'), max))
                  throw new Error(t('applications.form.areaOrder'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" suffix="m²" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="occupants" label={t('applications.occupants')} rules={[required]}>
          <InputNumber
            min={0}
            max={100_000}
            precision={0}
            style={{ width: '100%' }}
            suffix={t('applications.people')}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="siteId" label={t('applications.site')}>
          <Select<string>
            allowClear
            placeholder={t('applications.form.anySite')}
            options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldsValue({ buildingId: null, unitIds: [] })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="buildingId" label={t('applications.building')}>
          <Select<string>
            allowClear
            disabled={!values.siteId}
            placeholder={t('applications.form.anyBuilding')}
            options={values.siteId ? buildings.data?.map((b) => ({ value: b.id, label: b.name })) : []}
            onChange={() => form.setFieldValue('unitIds', [])}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="unitIds" label={t('applications.units')} extra={t('applications.form.unitsHint')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            maxCount={20}
            loading={units.isFetching}
            placeholder={t('applications.form.unitsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('applications.form.noVacantUnits')}
            options={options.map((u) => ({ value: u.id, label: unitLabel(u) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="startDate" label={t('applications.startDate')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="termMonths"
          label={t('applications.termMonths')}
          rules={[
            required,
            {
              warningOnly: true,
              validator: async (_, months: number | null) => {
                if (months && months > MAX_TERM_MONTHS) throw new Error(t('applications.form.termTooLong'));
              },
            },
          ]}
        >
          <InputNumber
            min={1}
            max={360}
            precision={0}
            style={{ width: '100%' }}
            suffix={t('applications.monthUnit')}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="intendedUse"
          label={t('applications.intendedUse')}
          dependencies={['spaceType']}
          rules={[
            required,
            {
              warningOnly: true,
              validator: async (_, use: Values['intendedUse'] | undefined) => {
                const type = form.getFieldValue('spaceType') as Values['spaceType'] | undefined;
                if (use && type && !USES_BY_UNIT_TYPE[type].includes(use))
                  throw new Error(t('applications.form.useMismatch'));
              },
            },
          ]}
        >
          <Select options={INTENDED_USES.map((u) => ({ value: u, label: t(`applications.uses.${u}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="useDescription" label={t('applications.useDescription')}>
          <Input maxLength={500} placeholder={t('applications.form.useDescriptionHint')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
