import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { RENT_BASES } from '../../../../common/schemas/applications.ts';
import { useTermRules } from './useTermRules.ts';

type Name = (string | number)[];

/**
 * Basis, price, tax inclusion and VAT rate of a rent: the contract's own, or one unit's. `name` is where the
 * fields sit (relative inside a Form.List), `path` the same place from the form's root, to watch the basis.
 */
export function RentFields({ name, path }: { name: Name; path: Name }) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const basis = Form.useWatch([...path, 'basis']);
  const span = { xs: 12, md: 6 };
  return (
    <Row gutter={12}>
      <Col {...span}>
        <Form.Item
          name={[...name, 'basis']}
          label={t('applications.terms.rentBasis')}
          rules={[rules.required]}
        >
          <Select options={RENT_BASES.map((b) => ({ value: b, label: t(`applications.rentBases.${b}`) }))} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item
          name={[...name, 'price']}
          label={t('applications.terms.price')}
          rules={[rules.required, rules.price]}
        >
          <Input inputMode="decimal" suffix={basis && t(`applications.priceUnits.${basis}`)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item
          name={[...name, 'vatRate']}
          label={t('contracts.terms.vatRate')}
          rules={[rules.required, rules.percent]}
        >
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item
          name={[...name, 'taxInclusive']}
          label={t('contracts.terms.taxInclusive')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}
