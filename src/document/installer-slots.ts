/**
 * Places where one feature shows another's controls without importing it: the form draws the installer groups,
 * the installers feature knows how to fetch them. The app fills the slots (src/app/app.tsx); a form rendered
 * alone (tests) leaves them empty.
 */
import { createContext, useContext, type ComponentType } from 'react';

export interface InstallerSlots {
  /** Inside `Installer N`, below its tools: e.g. `Fetch` and the download's progress. */
  Group?: ComponentType<{ index: number }>;
  /** In the Installers section's actions: e.g. `Fetch installers`. */
  Section?: ComponentType;
  /** Downloads and hashes every installer that has an InstallerUrl and no InstallerSha256; returns how many. */
  fetchAll?: () => number;
}

export const InstallerSlotsContext = createContext<InstallerSlots>({});

export function useInstallerSlots(): InstallerSlots {
  return useContext(InstallerSlotsContext);
}
