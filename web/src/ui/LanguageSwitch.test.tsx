import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../i18n/i18n';
import { renderApp } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoader } from './PageLoader';

afterEach(async () => {
  await act(() => changeLanguage('fr'));
});

describe('LanguageSwitch', () => {
  it('switches the interface to English, remembers it and updates <html lang>', async () => {
    renderApp(
      <>
        <LanguageSwitch />
        <PageLoader />
      </>,
    );
    expect(screen.getByLabelText('Chargement…')).toBeDefined();
    const button = screen.getByRole('button', { name: 'English' });
    expect(button.getAttribute('lang')).toBe('en');
    fireEvent.click(button);
    expect(await screen.findByRole('button', { name: 'Français' })).toBeDefined();
    expect(screen.getByLabelText('Loading…')).toBeDefined();
    expect(localStorage.getItem('dircab.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
