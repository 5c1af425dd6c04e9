import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { METER_TYPES } from '../../../../common/schemas/utilities.ts';
import { api, type Page } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { UnitView } from '../spaces/spacesApi.ts';
import { BuildingSelect } from './BuildingSelect.tsx';
import { createMeter, type Meter, type MeterBody, UTILITIES, updateMeter } from './utilitiesApi.ts';

interface Values {
  code: string;
  type: MeterBody['type'];
  buildingId: string;
  shared: boolean;
  unitId?: string;
  splitRule?: 'area' | 'percent';
  multiplier: string;
  notes?: string;
  shares: { unitId: string; percent?: string }[];
}

const toValues = (m: Meter | null): Partial<Values> =>
  m
    ? {
        code: m.code,
        type: m.type,
        buildingId: m.buildingId,
        shared: m.shared,
        unitId: m.unitId ?? undefined,
        splitRule: m.splitRule ?? undefined,
        multiplier: m.multiplier,
        notes: m.notes ?? undefined,
        shares: m.shares.map((s) => ({ unitId: s.unitId, percent: s.percent ?? undefined })),
      }
    : { type: 'electricity', shared: false, multiplier: '1', shares: [], splitRule: 'area' };

function useBuildingUnits(buildingId: string | undefined) {
  return useQuery({
    queryKey: [UTILITIES, 'units', buildingId],
    queryFn: () => api.get<Page<UnitView>>('/v1/units', { buildingId, limit: 200 }),
    enabled: !!buildingId,
    select: (p) => p.items.map((u) => ({ value: u.id, label: `${u.code}（${u.grossArea} m²）` })),
  });
}

/** Creates or edits a meter: a unit's own, or a shared one split by area or by fixed percentages. */
export function MeterFormModal({
  meter,
  open,
  onClose,
}: {
  meter: Meter | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const buildingId = Form.useWatch('buildingId', form);
  const shared = Form.useWatch('shared', form);
  const rule = Form.useWatch('splitRule', form);
  const units = useBuildingUnits(buildingId);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: MeterBody = {
        code: v.code,
        type: v.type,
        buildingId: v.buildingId,
        shared: v.shared,
        unitId: v.shared ? null : (v.unitId ?? null),
        splitRule: v.shared ? (v.splitRule ?? null) : null,
        multiplier: String(v.multiplier),
        notes: v.notes || null,
        shares: v.shared
          ? (v.shares ?? []).map((s) => ({
              unitId: s.unitId,
              percent: v.splitRule === 'percent' && s.percent != null ? String(s.percent) : null,
            }))
          : [],
      };
      return meter ? updateMeter(meter.id, body) : createMeter(body);
    },
    onSuccess: () => {
      void message.success(t('utilities.meterSaved'));
      void qc.invalidateQueries({ queryKey: [UTILITIES] });
      onClose();
    },
    onError: (e) => showError(e, message, form),
  });
  return (
    <FormModal<Values>
      open={open}
      title={meter ? t('utilities.editMeter') : t('utilities.newMeter')}
      form={form}
      width={640}
      submitting={save.isPending}
      initialValues={toValues(meter)}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
    >
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item name="code" label={t('utilities.code')} rules={[{ required: true, max: 40 }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="type" label={t('utilities.type')} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            options={METER_TYPES.map((x) => ({ value: x, label: t(`utilities.types.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="multiplier" label={t('utilities.multiplier')} rules={[{ required: true }]}>
          <InputNumber<string> stringMode min="0.01" step="1" precision={2} style={{ width: 110 }} />
        </Form.Item>
      </Space>
      <Form.Item name="buildingId" label={t('utilities.building')} rules={[{ required: true }]}>
        <BuildingSelect width={360} />
      </Form.Item>
      <Form.Item name="shared" label={t('utilities.shared')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {!shared && (
        <Form.Item name="unitId" label={t('utilities.unit')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.data ?? []}
            style={{ width: 360 }}
          />
        </Form.Item>
      )}
      {shared && (
        <>
          <Form.Item name="splitRule" label={t('utilities.splitRule')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'area', label: t('utilities.splitRules.area') },
                { value: 'percent', label: t('utilities.splitRules.percent') },
              ]}
            />
          </Form.Item>
          <div style={{ marginBottom: 8 }}>{t('utilities.shares')}</div>
          <Form.List name="shares">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('utilities.unit')}
                        options={units.data ?? []}
                        style={{ width: 260 }}
                      />
                    </Form.Item>
                    {rule === 'percent' && (
                      <Form.Item name={[f.name, 'percent']} rules={[{ required: true }]}>
                        <InputNumber<string>
                          stringMode
                          min="0.0001"
                          max="100"
                          suffix="%"
                          style={{ width: 120 }}
                        />
                      </Form.Item>
                    )}
                    <MinusCircleOutlined
                      onClick={() => remove(f.name)}
                      aria-label={t('utilities.removeShare')}
                    />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                    {t('utilities.addShare')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              </>
            )}
          </Form.List>
        </>
      )}
      <Form.Item name="notes" label={t('utilities.notes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
