// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderFormView } from '../../../test/render-form-view';

afterEach(cleanup);

const setup = renderFormView;

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

describe('locales', () => {
  it('adds a locale after checking its tag, copying the default locale, and removes it', () => {
    const store = setup();
    type(within(screen.getByRole('group', { name: 'Default locale' })).getByLabelText('Publisher'), 'Contoso');
    fireEvent.click(screen.getByRole('button', { name: 'Add locale' }));
    const tag = screen.getByLabelText('Locale tag');
    type(tag, 'fr_FR');
    fireEvent.click(screen.getByRole('button', { name: 'Create locale' }));
    expect(screen.getByRole('alert').textContent).toMatch(/not a well-formed BCP-47/);
    type(tag, 'EN-us');
    fireEvent.keyDown(tag, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/already has the locale/);
    type(tag, 'fr-FR');
    fireEvent.keyDown(tag, { key: 'Enter' });

    const french = screen.getByRole('group', { name: 'Locale fr-FR' });
    expect((within(french).getByLabelText('Publisher') as HTMLInputElement).value).toBe('Contoso');
    type(within(french).getByLabelText('ShortDescription'), 'Un outil');
    expect(store.getState().set.locales[0]!.ShortDescription).toBe('Un outil');

    fireEvent.click(within(french).getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('group', { name: 'Locale fr-FR' })).toBeNull();
    expect(store.getState().set.locales).toEqual([]);
  });

  it('keeps DefaultLocale and the default locale’s PackageLocale showing the same tag', () => {
    setup();
    type(screen.getByLabelText('DefaultLocale'), 'de-DE');
    const locale = within(screen.getByRole('group', { name: 'Default locale' }));
    expect((locale.getByLabelText('PackageLocale') as HTMLInputElement).value).toBe('de-DE');
    type(locale.getByLabelText('PackageLocale'), 'de-AT');
    expect((screen.getByLabelText('DefaultLocale') as HTMLInputElement).value).toBe('de-AT');
  });
});

describe('the form and the rest of the document', () => {
  it('shows a YAML edit after it parses', () => {
    const store = setup();
    type(screen.getByLabelText('PackageIdentifier'), 'Contoso.Widget');
    const version = store.getState().files.find((f) => f.key === 'version')!;
    act(() => store.setFileText('version', version.text.replace('Contoso.Widget', 'Contoso.Gadget')));
    expect((screen.getByLabelText('PackageIdentifier') as HTMLInputElement).value).toBe('Contoso.Gadget');
  });

  it('goes to a field behind "More fields" when a finding asks for it', async () => {
    const store = setup();
    const installerFile = store.getState().files.find((f) => f.key === 'installer')!.name;
    act(() =>
      store.focusFinding({
        severity: 'error',
        rule: 'schema',
        message: 'bad',
        file: installerFile,
        field: 'Installers[0].MinimumOSVersion',
        line: 1,
        column: 1,
      }),
    );
    const installer = within(screen.getByRole('group', { name: 'Installer 1' }));
    await waitFor(() => expect(document.activeElement).toBe(installer.getByLabelText('MinimumOSVersion')));
  });
});
