import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../common/locale.ts';
import { changeLocale, currentLocale } from '../app/i18n.ts';

export function LanguageSwitch() {
  // useTranslation re-renders this on every language change, so currentLocale() stays current.
  const { t } = useTranslation();
  const value = currentLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('language.label')}
      value={value}
      options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      onChange={changeLocale}
    />
  );
}
