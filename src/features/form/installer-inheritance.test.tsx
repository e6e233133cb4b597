// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../document/store';
import { renderFormView } from '../../../test/render-form-view';

afterEach(cleanup);

const setup = renderFormView;

const group = (name: string) => screen.getByRole('group', { name });
const choose = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const installers = (store: DocumentStore) => store.getState().set.installer.Installers as Record<string, unknown>[];

function fieldOf(control: HTMLElement): HTMLElement {
  return control.closest('.wf-field') as HTMLElement;
}

describe('installer inheritance', () => {
  it('shows the root value as inherited until the installer overrides it, and resets back', () => {
    const store = setup();
    choose(within(group('All installers')).getByLabelText('InstallerType'), 'nullsoft');
    const select = within(group('Installer 1')).getByLabelText('InstallerType') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.options[0]!.textContent).toBe('inherited: nullsoft');
    expect(within(fieldOf(select)).getByText('inherited')).toBeTruthy();

    choose(select, 'exe');
    expect(installers(store)[0]!.InstallerType).toBe('exe');
    expect(store.getState().set.installer.InstallerType).toBe('nullsoft');
    expect(within(fieldOf(select)).queryByText('inherited')).toBeNull();

    fireEvent.click(within(fieldOf(select)).getByRole('button', { name: 'Reset to inherited' }));
    expect(select.value).toBe('');
    expect(installers(store)[0]).not.toHaveProperty('InstallerType');
    expect(within(fieldOf(select)).getByText('inherited')).toBeTruthy();
  });

  it('inherits installer switches one by one', () => {
    setup();
    const root = group('All installers');
    fireEvent.click(within(root).getByRole('button', { name: /^More fields/ }));
    choose(within(within(root).getByRole('group', { name: 'InstallerSwitches' })).getByLabelText('Silent'), '/S');
    const installer = group('Installer 1');
    fireEvent.click(within(installer).getByRole('button', { name: /^More fields/ }));
    const switches = within(installer).getByRole('group', { name: 'InstallerSwitches' });
    expect(within(switches).getByLabelText('Silent').getAttribute('placeholder')).toBe('inherited: /S');
    expect(within(switches).getByLabelText('Interactive').getAttribute('placeholder')).toBeNull();
  });

  it('shows archive fields only for a zip installer', () => {
    setup();
    const installer = group('Installer 1');
    expect(within(installer).queryByLabelText('NestedInstallerType')).toBeNull();
    choose(within(installer).getByLabelText('InstallerType'), 'zip');
    expect(within(installer).getByLabelText('NestedInstallerType')).toBeTruthy();
    expect(within(installer).getByRole('group', { name: 'NestedInstallerFiles' })).toBeTruthy();
  });

  it('adds, duplicates, moves and removes installers in the model', () => {
    const store = setup();
    choose(within(group('Installer 1')).getByLabelText('InstallerUrl'), 'https://example.com/a.exe');
    fireEvent.click(screen.getByRole('button', { name: 'Add installer' }));
    expect(installers(store)).toHaveLength(2);
    choose(within(group('Installer 2')).getByLabelText('Architecture'), 'arm64');
    fireEvent.click(within(group('Installer 1')).getByRole('button', { name: 'Duplicate' }));
    expect(installers(store).map((i) => i.Architecture)).toEqual(['x64', 'x64', 'arm64']);
    fireEvent.click(within(group('Installer 3')).getByRole('button', { name: 'Move up' }));
    expect(installers(store).map((i) => i.Architecture)).toEqual(['x64', 'arm64', 'x64']);
    expect((within(group('Installer 2')).getByLabelText('Architecture') as HTMLSelectElement).value).toBe('arm64');
    fireEvent.click(within(group('Installer 1')).getByRole('button', { name: 'Remove' }));
    expect(installers(store).map((i) => i.Architecture)).toEqual(['arm64', 'x64']);
    expect(installers(store)[1]!.InstallerUrl).toBe('https://example.com/a.exe');
  });

  it('picks up values another feature writes into the model', () => {
    const store = setup();
    const hash = 'A'.repeat(64);
    act(() =>
      store.updateSet((set) => {
        (set.installer.Installers[0] as Record<string, unknown>).InstallerSha256 = hash;
        return set;
      }),
    );
    expect((within(group('Installer 1')).getByLabelText('InstallerSha256') as HTMLInputElement).value).toBe(hash);
  });
});
