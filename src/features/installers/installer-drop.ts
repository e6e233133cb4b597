import { useEffect, useRef } from 'react';
import { warmInstallerWorkers } from './installer-jobs';

const MANIFEST_NAME = /\.ya?ml$/i;

/**
 * Installer files dropped anywhere on the page. Manifests (.yaml/.yml) and folders belong to the manifest import;
 * zips are offered to both, and the installer side lets go of a zip once analysis shows it holds manifests.
 */
export function useInstallerDrop(add: (files: File[], dropped: boolean) => void): void {
  const addRef = useRef(add);
  useEffect(() => {
    addRef.current = add;
  }, [add]);

  useEffect(() => {
    const onDrop = (event: DragEvent) => {
      const transfer = event.dataTransfer;
      if (!transfer) return;
      const files: File[] = [];
      const items = transfer.items && transfer.items.length > 0 ? Array.from(transfer.items) : [];
      if (items.length > 0) {
        for (const item of items) {
          if (item.kind !== 'file') continue;
          const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
          if (entry?.isDirectory) continue;
          const file = item.getAsFile();
          if (file) files.push(file);
        }
      } else {
        files.push(...Array.from(transfer.files));
      }
      const ours = files.filter((file) => !MANIFEST_NAME.test(file.name));
      if (ours.length === 0) return;
      // Otherwise the browser would open the dropped file in place of the app.
      event.preventDefault();
      addRef.current(ours, true);
    };
    const onEnter = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) warmInstallerWorkers();
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
