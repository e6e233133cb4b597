/**
 * The views' chunks. Each view is loaded on its own so the first paint needs only the shell; the shell waits for
 * the chunk of the view it opens on before showing the workspace, so nothing below it jumps when the view arrives.
 */
import { lazy } from 'react';
import type { ComponentType } from 'react';
import type { ViewName } from '../document/types';

const importers: Record<ViewName, () => Promise<ComponentType>> = {
  form: () => import('../features/form').then((m) => m.FormView),
  yaml: () => import('../features/yaml').then((m) => m.YamlView),
  preview: () => import('../features/preview').then((m) => m.PreviewView),
};

const loaded: Partial<Record<ViewName, ComponentType>> = {};
const loading: Partial<Record<ViewName, Promise<ComponentType>>> = {};

export function loadView(view: ViewName): Promise<ComponentType> {
  loading[view] ??= importers[view]().then((component) => (loaded[view] = component));
  return loading[view];
}

/** The view's component once its chunk is in; undefined before. */
export function loadedView(view: ViewName): ComponentType | undefined {
  return loaded[view];
}

/** For a view not loaded yet: suspends until it is. */
export const lazyViews: Record<ViewName, ComponentType> = {
  form: lazy(() => loadView('form').then((c) => ({ default: c }))),
  yaml: lazy(() => loadView('yaml').then((c) => ({ default: c }))),
  preview: lazy(() => loadView('preview').then((c) => ({ default: c }))),
};
