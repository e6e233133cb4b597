// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHITECTURES, fieldTree } from '../../core/schema';
import { FILE_KEYS } from './field-layout';
import { renderFormView } from '../../../test/render-form-view';

afterEach(cleanup);

const setup = renderFormView;

const group = (name: string) => screen.getByRole('group', { name });
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const openMore = (scope: HTMLElement) => fireEvent.click(within(scope).getAllByRole('button', { name: /^More fields/ }).at(-1)!);

describe('the generic field renderer', () => {
  it('renders every field of the default locale file from the field tree, named by its key', () => {
    setup();
    const locale = group('Default locale');
    openMore(locale);
    for (const entry of fieldTree('defaultLocale', '1.12.0').fields) {
      if (FILE_KEYS.has(entry.name)) continue;
      const rows = entry.node.kind === 'array' && entry.node.item.kind === 'object';
      if (rows) expect(within(locale).getByRole('group', { name: entry.name })).toBeTruthy();
      else expect(within(locale).getByLabelText(entry.name)).toBeTruthy();
    }
    expect(within(locale).getByLabelText('Description').tagName).toBe('TEXTAREA');
    const help = within(locale).getByLabelText('Publisher').getAttribute('aria-describedby')!;
    expect(help.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ')).toContain('The publisher name');
  });

  it('offers exactly the schema values (and an empty choice) for an enum', () => {
    setup();
    const select = within(group('Installer 1')).getByLabelText('Architecture') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', ...ARCHITECTURES]);
    expect(select.value).toBe('x64');
  });

  it('writes typed values to the model and the YAML', () => {
    const store = setup();
    type(screen.getByLabelText('PackageIdentifier'), 'Contoso.Widget');
    const state = store.getState();
    expect(state.set.version.PackageIdentifier).toBe('Contoso.Widget');
    expect(state.set.installer.PackageIdentifier).toBe('Contoso.Widget');
    expect(state.files.find((f) => f.key === 'version')!.text).toContain('PackageIdentifier: Contoso.Widget');
  });

  it('edits lists: Enter adds, the chip button deletes', () => {
    const store = setup();
    const locale = group('Default locale');
    openMore(locale);
    const tags = within(locale).getByLabelText('Tags');
    type(tags, 'cli');
    fireEvent.keyDown(tags, { key: 'Enter' });
    type(tags, 'tools');
    fireEvent.keyDown(tags, { key: 'Enter' });
    expect(store.getState().set.defaultLocale.Tags).toEqual(['cli', 'tools']);
    fireEvent.click(within(locale).getByRole('button', { name: 'Delete cli' }));
    expect(store.getState().set.defaultLocale.Tags).toEqual(['tools']);
  });

  it('ticks enum lists as checkboxes', () => {
    const store = setup();
    const root = group('All installers');
    openMore(root);
    fireEvent.click(within(root).getByRole('checkbox', { name: 'InstallModes silent' }));
    expect(store.getState().set.installer.InstallModes).toEqual(['silent']);
  });

  it('adds and removes rows of nested lists', () => {
    const store = setup();
    const root = group('All installers');
    openMore(root);
    fireEvent.click(within(root).getByRole('button', { name: 'Add ExpectedReturnCodes row' }));
    const row = within(root).getByRole('group', { name: 'ExpectedReturnCodes 1' });
    type(within(row).getByLabelText('InstallerReturnCode'), '1603');
    fireEvent.change(within(row).getByLabelText('ReturnResponse'), { target: { value: 'packageInUse' } });
    expect(store.getState().set.installer.ExpectedReturnCodes).toEqual([{ InstallerReturnCode: 1603, ReturnResponse: 'packageInUse' }]);
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    expect(store.getState().set.installer).not.toHaveProperty('ExpectedReturnCodes');
  });

  it('shows the findings of validation at the field', async () => {
    const store = setup();
    const input = screen.getByLabelText('PackageIdentifier');
    type(input, 'Contoso');
    await act(() => store.flushValidation());
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = input.getAttribute('aria-describedby')!.split(' ');
    const messages = document.getElementById(ids.at(-1)!)!;
    expect(messages.textContent).toMatch(/PackageIdentifier/);
  });

  it('hides fields the ManifestVersion lacks and lists any that hold a value', () => {
    const store = setup();
    const root = () => group('All installers');
    openMore(root());
    expect(within(root()).queryByRole('group', { name: 'DesiredStateConfiguration' })).toBeNull();
    act(() => store.setManifestVersion('1.28.0'));
    openMore(root());
    expect(within(root()).getByRole('group', { name: 'DesiredStateConfiguration' })).toBeTruthy();
    act(() =>
      store.updateSet((set) => ({
        ...set,
        installer: { ...set.installer, DesiredStateConfiguration: { DSCv3: { Resources: [{ Type: 'A.B/C' }] } } },
      })),
    );
    expect(screen.queryByRole('note')).toBeNull();
    // A document at 1.12.0 that still holds the 1.28.0-only field (as YAML typed by hand would).
    act(() => store.load({ ...store.snapshot(), manifestVersion: '1.12.0' }));
    expect(within(root()).queryByRole('group', { name: 'DesiredStateConfiguration' })).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('installer: DesiredStateConfiguration');
  });
});
