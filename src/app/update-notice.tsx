/** The service worker's side of the page: registration, and "update available" when a new deploy is waiting. */
import { useSyncExternalStore } from 'react';

let waiting: ((reload?: boolean) => Promise<void>) | undefined;
const listeners = new Set<() => void>();

/** After the page has loaded (the registration code, workbox-window, stays out of the first load). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = async () => {
    const { registerSW } = await import('virtual:pwa-register');
    const update = registerSW({
      onNeedRefresh() {
        waiting = update;
        for (const listener of [...listeners]) listener();
      },
    });
  };
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function UpdateNotice() {
  const update = useSyncExternalStore(subscribe, () => waiting, () => undefined);
  if (!update) return null;
  return (
    <div className="banner banner-update" role="status">
      <p>A new version of Wingsmith is available. Your drafts are kept when you reload.</p>
      <div className="banner-actions">
        <button type="button" onClick={() => void update(true)}>Reload to update</button>
      </div>
    </div>
  );
}
