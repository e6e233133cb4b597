// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { memoryDraftStorage } from '../document/draft-storage';
import { createDraftSession } from '../document/drafts';
import { createDocumentStore } from '../document/store';
import { DocumentStoreProvider } from '../document/use-editor';
import { validatorReady } from '../document/validator';
import { ProblemsPanel } from './problems-panel';
import { StartPanel } from './start-panel';

beforeAll(async () => {
  await validatorReady;
});
afterEach(cleanup);

const JOBS = ['New package', 'Update existing package', 'Import GitHub release', 'Open manifest files', 'Edit open pull request'];

async function setup() {
  const store = createDocumentStore({ validateDelayMs: 0 });
  const session = createDraftSession({ store, storage: memoryDraftStorage(), saveDelayMs: 5 });
  await session.start();
  const input = createRef<HTMLInputElement>();
  render(
    <DocumentStoreProvider store={store}>
      <input type="file" aria-label="Manifest files" ref={input} />
      <StartPanel session={session} manifestInput={input} />
      <ProblemsPanel />
    </DocumentStoreProvider>,
  );
  await act(() => store.flushValidation());
  return { store, input };
}

const start = () => screen.queryByRole('region', { name: 'Start' });

describe('Start', () => {
  it('offers the five jobs, each named first by what it does', async () => {
    await setup();
    const names = within(start()!).getAllByRole('button').map((b) => b.textContent ?? '');
    JOBS.forEach((job, i) => expect(names[i]).toMatch(new RegExp(`^${job} `)));
    expect(names[4]).toContain('Needs a GitHub token');
  });

  it('New package goes away and asks the form for PackageIdentifier', async () => {
    const { store } = await setup();
    fireEvent.click(within(start()!).getByRole('button', { name: /^New package/ }));
    expect(start()).toBeNull();
    expect(store.getState().focus).toMatchObject({ field: 'PackageIdentifier', file: 'manifest.yaml' });
    // A new draft brings it back.
    act(() => store.newManifest());
    expect(start()).not.toBeNull();
  });

  it('Open manifest files opens the chooser of the one Manifest files input', async () => {
    const { input } = await setup();
    const click = vi.spyOn(input.current!, 'click');
    fireEvent.click(within(start()!).getByRole('button', { name: /^Open manifest files/ }));
    expect(click).toHaveBeenCalledOnce();
  });

  it('goes as soon as a value is typed', async () => {
    const { store } = await setup();
    act(() => store.updateSet((set) => ({ ...set, version: { ...set.version, PackageIdentifier: 'C' } })));
    expect(start()).toBeNull();
  });
});

describe('Problems on a new manifest', () => {
  it('lists no errors but a To do list with its count, one item per field; asking to submit makes them errors', async () => {
    const { store } = await setup();
    const problems = screen.getByRole('region', { name: 'Problems' });
    expect(within(problems).getByRole('heading').textContent).toContain('9 fields left');
    const todo = within(problems).getByRole('list', { name: /^To do/ });
    expect(within(todo).getAllByRole('listitem')).toHaveLength(9);
    expect(within(todo).getAllByRole('listitem').filter((li) => li.textContent?.includes('PackageIdentifier'))).toHaveLength(1);
    expect(within(problems).queryAllByRole('listitem').filter((li) => /^error/.test(li.textContent ?? ''))).toHaveLength(0);

    act(() => store.revealTodo());
    expect(within(problems).queryByRole('list', { name: /^To do/ })).toBeNull();
    expect(within(problems).getAllByRole('listitem').filter((li) => /^error/.test(li.textContent ?? ''))).toHaveLength(9);
    expect(within(problems).getByRole('heading').textContent).toContain('9 errors');
  });
});
