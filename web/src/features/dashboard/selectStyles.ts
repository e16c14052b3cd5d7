/**
 * Styles for the filter selects: antd's placeholder grey falls under WCAG AA contrast (axe flags it), and long
 * Vietnamese directive titles need a wide popup that still fits a phone.
 */
export const READABLE_SELECT_STYLES = {
  placeholder: { color: 'rgba(0, 0, 0, 0.6)' },
  popup: { root: { maxWidth: 'min(560px, 92vw)' } },
} as const;
