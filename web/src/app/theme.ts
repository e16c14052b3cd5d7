import type { ThemeConfig } from 'antd';

/** Calm, official blue; one font that has every Vietnamese letter. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    borderRadius: 8,
    fontFamily: "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    fontSize: 14,
    colorBgLayout: '#f4f6f9',
    // antd's default greys fall under WCAG AA contrast on white; these stay readable for every user.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.5)',
    // The default red, green and orange fail AA as text and on danger buttons; these deeper tones pass.
    colorError: '#c41d1f',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 8 },
  },
};
