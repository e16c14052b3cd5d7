import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/index.tsx';
import { STATUS_COLORS, STATUS_ORDER, StatusTag, isStatusClass } from './StatusTag.tsx';

describe('StatusTag', () => {
  it('names every status class in Vietnamese with its own colour', () => {
    for (const status of STATUS_ORDER) {
      const { unmount } = render(
        <LocaleProvider>
          <StatusTag status={status} />
        </LocaleProvider>,
      );
      expect(screen.getByText(/.+/).textContent).not.toBe(status);
      unmount();
    }
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(STATUS_ORDER.length);
  });

  it('shows the overdue label and keeps an unknown code readable', () => {
    render(
      <LocaleProvider>
        <StatusTag status="overdue" />
        <StatusTag status="mystery" />
      </LocaleProvider>,
    );
    expect(screen.getByText('Quá hạn')).toBeTruthy();
    expect(screen.getByText('mystery')).toBeTruthy();
    expect(isStatusClass('mystery')).toBe(false);
  });
});
