import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Form, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getUnit, listUnits, SPACES, type UnitView } from '../spaces/spacesApi.ts';
import { floorLabel } from '../spaces/spacesFormat.ts';
import type { TermsValues } from './contractForm.ts';
import { RentFields } from './RentFields.tsx';
import { useTermRules } from './useTermRules.ts';

export type KnownUnit = Pick<UnitView, 'id' | 'code' | 'siteName' | 'buildingName' | 'floor' | 'grossArea'>;

const SEARCH_DELAY_MS = 250;

/** A contract's units as the picker knows them, so they show without a look-up. */
export const knownUnits = (units: readonly (Omit<KnownUnit, 'id'> & { unitId: string })[]): KnownUnit[] =>
  units.map((u) => ({ ...u, id: u.unitId }));

const unitLabel = (u: KnownUnit) =>
  `${u.code} · ${u.siteName} ${u.buildingName} ${floorLabel(u.floor)} · ${u.grossArea} m²`;

/** Units whose code contains what is typed, plus the chosen one, which may not be among them. */
function UnitSelect({
  id,
  value,
  onChange,
  known,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  known: KnownUnit[];
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useQuery({
    queryKey: [SPACES, 'units', 'search', q],
    queryFn: () => listUnits({ q: q || undefined }, undefined),
    placeholderData: keepPreviousData,
  });
  const found = search.data?.items ?? [];
  const chosen = known.find((u) => u.id === value) ?? found.find((u) => u.id === value) ?? null;
  const one = useQuery({
    queryKey: [SPACES, 'unit', value],
    queryFn: () => getUnit(value!),
    enabled: !!value && !chosen,
  });
  const current = chosen ?? one.data ?? null;
  const options = [...(current ? [current] : []), ...found.filter((u) => u.id !== current?.id)];
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      placeholder={t('contracts.form.unitPlaceholder')}
      notFoundContent={t('contracts.form.noUnits')}
      options={options.map((u) => ({ value: u.id, label: unitLabel(u) }))}
    />
  );
}

/** The leased units, one row each, with a rent of its own where it differs from the contract's. */
export function UnitsField({ known }: { known: KnownUnit[] }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const form = Form.useFormInstance<{ terms: TermsValues }>();
  const units = Form.useWatch(['terms', 'units'], form) ?? [];
  return (
    <Form.List
      name={['terms', 'units']}
      rules={[
        {
          validator: async (_, rows: unknown[] | undefined) => {
            if (!rows?.length) throw new Error(t('contracts.form.unitsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, i) => (
            <Card key={field.key} size="small" type="inner" data-testid="unit-row">
              <Row gutter={12} align="bottom">
                <Col xs={24} md={14}>
                  <Form.Item
                    name={[field.name, 'unitId']}
                    label={t('contracts.form.unit', { n: i + 1 })}
                    rules={[rules.required]}
                  >
                    <UnitSelect known={known} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={7}>
                  <Form.Item
                    name={[field.name, 'ownRent']}
                    label={t('contracts.form.ownRent')}
                    valuePropName="checked"
                  >
                    <Switch
                      onChange={(on) => {
                        if (on && !form.getFieldValue(['terms', 'units', field.name, 'rent']))
                          form.setFieldValue(
                            ['terms', 'units', field.name, 'rent'],
                            form.getFieldValue(['terms', 'rent']),
                          );
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3} style={{ textAlign: 'right' }}>
                  <Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('contracts.form.removeUnit')}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
              {units[i]?.ownRent && (
                <RentFields name={[field.name, 'rent']} path={['terms', 'units', field.name, 'rent']} />
              )}
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <div>
            <Button icon={<PlusOutlined />} onClick={() => add({ ownRent: false })}>
              {t('contracts.form.addUnit')}
            </Button>
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              {t('contracts.form.unitsHint')}
            </Typography.Text>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
