import { render } from '@testing-library/react';
import { createDocumentStore, type DocumentStore } from '../src/document/store';
import { DocumentStoreProvider } from '../src/document/use-editor';
import { FormView } from '../src/features/form';

/** The Form view on a fresh store of its own, validating at once, for component tests. */
export function renderFormView(): DocumentStore {
  const store = createDocumentStore({ validateDelayMs: 0 });
  render(
    <DocumentStoreProvider store={store}>
      <FormView />
    </DocumentStoreProvider>,
  );
  return store;
}
