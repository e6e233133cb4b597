import path from 'node:path';

/** The port the e2e run serves on, and its own build folder, so parallel runs (several developers, a bench) never share one. */
export const E2E_PORT = Number(process.env.WINGSMITH_E2E_PORT ?? 4317);
export const E2E_DIST = path.join('.e2e-dist', String(E2E_PORT));
