/**
 * Light and dark: the system preference by default, or the user's choice saved in localStorage and set as
 * `data-theme` on <html> (which the CSS and the YAML editor both follow).
 */
import { useCallback } from 'react';
import { useColorScheme, type ColorScheme } from '../ui/color-scheme';

export type Theme = ColorScheme;
const KEY = 'wingsmith-theme';

function saved(): Theme | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Applies the saved choice; call before the first render so the page never flashes the other scheme. */
export function applySavedTheme(): void {
  const theme = saved();
  if (theme) document.documentElement.setAttribute('data-theme', theme);
}

export function useTheme(): [Theme, () => void] {
  const theme = useColorScheme();
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    document.documentElement.setAttribute('data-theme', next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, [theme]);
  return [theme, toggle];
}
