import { Segmented } from 'antd';
import { useLocale, useT, type Locale } from '../i18n/index.tsx';

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT('layout');
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('language')}
      value={locale}
      onChange={setLocale}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}
