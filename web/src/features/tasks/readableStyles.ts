/** antd's placeholder grey fails WCAG contrast on white: a select's "Tất cả" must stay readable. */
export const SELECT_STYLES = { placeholder: { color: 'rgba(0, 0, 0, 0.6)' } };

/** antd's danger, success and warning text colours fail WCAG AA on white; these darker shades pass. */
export const READABLE = { danger: '#cf1322', success: '#237804', warning: '#874d00' } as const;
