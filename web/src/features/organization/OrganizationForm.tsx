import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkUscc } from '../../../../common/validators/uscc.ts';
import { ApiError } from '../../app/api.ts';
import { checkRule } from '../../app/checkRule.ts';
import { showError } from '../../app/formErrors.ts';
import { currentLocale } from '../../app/i18n.ts';
import { SESSION_KEY } from '../../app/session.tsx';
import { fen, isYuan, yuanInput } from '../contracts/contractForm.ts';
import { ORGANIZATION_KEY, type OrganizationView, updateOrganization } from './organizationApi.ts';
import { isPercent, percentToRate, rateToPercent } from './rates.ts';
import { timeZoneChoices, timeZoneLabel } from './timeZones.ts';

const RATE_NAMES = ['rent', 'propertyFee', 'water', 'electricity'] as const;
type RateName = (typeof RATE_NAMES)[number];
/** The most a correction threshold may be (as the organization schema allows): ten million yuan. */
const MAX_THRESHOLD_FEN = 1_000_000_000;
/** Admission deadlines in days, with the most each may be (as the organization schema allows). */
const DAY_SETTINGS = [
  ['reviewDays', 30],
  ['noticeSignDays', 90],
] as const;

interface Values {
  name: string;
  uscc: string;
  address?: string;
  timeZone: string;
  /** Percentages as typed, e.g. "9" for 9 %. */
  vat: Record<RateName, string>;
  documentFooter?: string;
  admission: {
    reviewDays: number;
    noticeSignDays: number;
    segregationOfDuties: boolean;
    /** Percent a day as typed, e.g. "0.05" for 0.05 % (万分之五). */
    maxPenaltyPercent: string;
  };
  billing: {
    /** Yuan as typed, e.g. "1000.00"; saved in fen as `correctionApprovalFen`. */
    correctionApproval: string;
  };
}

function toValues(org: OrganizationView): Values {
  const rates = org.settings.vatRates;
  return {
    name: org.name,
    uscc: org.uscc,
    address: org.address ?? '',
    timeZone: org.timeZone,
    vat: {
      rent: rateToPercent(rates.rent),
      propertyFee: rateToPercent(rates.propertyFee),
      water: rateToPercent(rates.water),
      electricity: rateToPercent(rates.electricity),
    },
    documentFooter: org.settings.documentFooter ?? '',
    admission: {
      reviewDays: org.settings.admission.reviewDays,
      noticeSignDays: org.settings.admission.noticeSignDays,
      segregationOfDuties: org.settings.admission.segregationOfDuties,
      maxPenaltyPercent: rateToPercent(org.settings.admission.maxPenaltyRatePerDay),
    },
    billing: { correctionApproval: yuanInput(org.settings.billing.correctionApprovalFen) },
  };
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function OrganizationForm({ organization }: { organization: OrganizationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const initialValues = useMemo(() => toValues(organization), [organization]);
  const locale = currentLocale();
  const zoneOptions = useMemo(
    () =>
      timeZoneChoices(organization.timeZone).map((zone) => ({
        value: zone,
        label: timeZoneLabel(zone, locale),
      })),
    [organization.timeZone, locale],
  );

  const onFinish = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await updateOrganization({
        name: values.name.trim(),
        uscc: values.uscc.trim().toUpperCase(),
        address: blankToNull(values.address),
        timeZone: values.timeZone,
        settings: {
          vatRates: {
            rent: percentToRate(values.vat.rent),
            propertyFee: percentToRate(values.vat.propertyFee),
            water: percentToRate(values.vat.water),
            electricity: percentToRate(values.vat.electricity),
          },
          documentFooter: blankToNull(values.documentFooter),
          admission: {
            reviewDays: values.admission.reviewDays,
            noticeSignDays: values.admission.noticeSignDays,
            segregationOfDuties: values.admission.segregationOfDuties,
            maxPenaltyRatePerDay: percentToRate(values.admission.maxPenaltyPercent),
          },
          billing: { correctionApprovalFen: fen(values.billing.correctionApproval) },
        },
      });
      queryClient.setQueryData(ORGANIZATION_KEY, saved);
      form.setFieldsValue(toValues(saved));
      // The header shows the organization's name and dates use its time zone.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void message.success(t('organization.saved'));
    } catch (e) {
      // A taken USCC may come without a field; it still belongs under the USCC input.
      if (e instanceof ApiError && e.code.startsWith('ORG_USCC') && !e.field) {
        form.setFields([{ name: 'uscc', errors: [e.message] }]);
      } else {
        showError(e, message, form);
      }
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  const percentRule = {
    validator: async (_: unknown, value: string | number | null | undefined) => {
      if (value === null || value === undefined || value === '') throw new Error(t('validation.required'));
      if (!isPercent(value)) throw new Error(t('organization.rateInvalid'));
    },
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      disabled={saving}
      scrollToFirstError
    >
      <Card title={t('organization.basics')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="name"
              label={t('organization.name')}
              rules={[required, { max: 200, message: t('validation.tooLong', { max: 200 }) }]}
            >
              <Input autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="uscc"
              label={t('organization.uscc')}
              extra={t('organization.usccHint')}
              normalize={(value: string) => value.toUpperCase()}
              rules={[required, checkRule('uscc', checkUscc)]}
            >
              <Input maxLength={18} showCount style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="address"
              label={t('organization.address')}
              rules={[{ max: 500, message: t('validation.tooLong', { max: 500 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="timeZone"
              label={t('organization.timeZone')}
              extra={t('organization.timeZoneHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select options={zoneOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('organization.vatRates')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {RATE_NAMES.map((rate) => (
            <Col key={rate} xs={12} lg={6}>
              <Form.Item name={['vat', rate]} label={t(`organization.rates.${rate}`)} rules={[percentRule]}>
                <InputNumber<string>
                  stringMode
                  min="0"
                  max="100"
                  step="1"
                  suffix="%"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary">{t('organization.vatRatesHint')}</Typography.Text>
      </Card>
      <Card title={t('organization.admission')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {DAY_SETTINGS.map(([name, max]) => (
            <Col key={name} xs={12} lg={6}>
              <Form.Item
                name={['admission', name]}
                label={t(`organization.${name}`)}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <InputNumber
                  min={1}
                  max={max}
                  precision={0}
                  suffix={t('organization.days')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} lg={6}>
            <Form.Item
              name={['admission', 'maxPenaltyPercent']}
              label={t('organization.maxPenaltyRate')}
              rules={[percentRule]}
            >
              <InputNumber<string>
                stringMode
                min="0"
                max="1"
                step="0.01"
                suffix="%"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item
              name={['admission', 'segregationOfDuties']}
              label={t('organization.segregationOfDuties')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('organization.admissionHint')}</Typography.Text>
      </Card>
      <Card title={t('organization.billing')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={12} lg={6}>
            <Form.Item
              name={['billing', 'correctionApproval']}
              label={t('organization.correctionApproval')}
              rules={[
                {
                  validator: async (_: unknown, value: string | undefined) => {
                    if (!value?.trim()) throw new Error(t('validation.required'));
                    if (!isYuan(value) || fen(value) > MAX_THRESHOLD_FEN)
                      throw new Error(t('organization.correctionApprovalInvalid'));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" prefix="¥" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('organization.correctionApprovalHint')}</Typography.Text>
      </Card>
      <Card title={t('organization.documents')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="documentFooter"
          label={t('organization.documentFooter')}
          extra={t('organization.documentFooterHint')}
          rules={[{ max: 500, message: t('validation.tooLong', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Card>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
        <Button onClick={() => form.resetFields()}>{t('common.reset')}</Button>
      </Flex>
    </Form>
  );
}
