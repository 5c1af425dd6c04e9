import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { priceString } from '../../../../common/schemas/spaces.ts';
import { zodRule } from '../../app/zodRule.ts';
import { percentToFraction } from '../applications/applicationsFormat.ts';
import { isYuan } from './contractForm.ts';

/** The form rules the contract screens share, with the messages in the user's language. */
export function useTermRules() {
  const { t } = useTranslation();
  const required: Rule = { required: true, message: t('validation.required') };
  const text: Rule = { required: true, whitespace: true, message: t('validation.required') };
  const percent: Rule = {
    validator: async (_, value: string | undefined) => {
      if (value?.trim() && percentToFraction(value) === null)
        throw new Error(t('applications.form.percentFormat'));
    },
  };
  const price = zodRule(priceString, t('applications.form.priceFormat'));
  const yuan: Rule = {
    validator: async (_, value: string | undefined) => {
      if (value?.trim() && !isYuan(value)) throw new Error(t('contracts.form.yuanFormat'));
    },
  };
  return { required, text, percent, price, yuan };
}
