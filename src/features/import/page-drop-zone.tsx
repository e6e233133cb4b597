import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ImportDialogs } from './import-dialogs';
import { importStore } from './import-store';
import { scanDrop } from './read-drop';
import { useImporter } from './use-import';
import './import.css';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Only names tell a manifest from an installer, and browsers hide names until the drop; MIME types are the hint
 * available while dragging (folders and unknown kinds have none, YAML and zip are recognisable).
 */
function mayBeManifests(event: DragEvent): boolean {
  const items = event.dataTransfer?.items;
  if (!items || items.length === 0) return true;
  return Array.from(items).some((item) => item.kind === 'file' && (item.type === '' || /yaml|yml|zip/i.test(item.type)));
}

/**
 * Makes the whole page a drop target for manifests (.yaml, .yml, .zip, folders). Other files, such as installers,
 * pass through untouched for the installer files handler.
 */
export function PageDropZone({ children }: { children: ReactNode }) {
  const { run } = useImporter();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  }, [run]);

  useEffect(() => {
    importStore.update({ dropZones: importStore.getState().dropZones + 1 });
    return () => importStore.update({ dropZones: importStore.getState().dropZones - 1 });
  }, []);

  useEffect(() => {
    const reset = () => {
      depth.current = 0;
      setDragging(false);
    };
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current++;
      if (mayBeManifests(event)) setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      // Allowing the drop is not handling it: whoever owns the dropped files still gets the drop event.
      if (carriesFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      reset();
      if (!event.dataTransfer) return;
      const scan = scanDrop(event.dataTransfer);
      if (!scan.relevant) return;
      event.preventDefault();
      void scan
        .collect()
        .then((sources) => runRef.current(sources, 'drop'))
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          importStore.update({ busy: false, report: { title: 'Could not read the dropped files', problems: [{ file: '', line: 0, severity: 'error', message }], failed: true } });
        });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', reset);
    };
  }, []);

  return (
    <div className="page-drop-zone">
      {children}
      {dragging && (
        <div className="page-drop-overlay" aria-hidden="true">
          <div className="page-drop-card">
            <strong>Drop to import a manifest</strong>
            <span>.yaml, .yml or .zip files, or a whole folder</span>
          </div>
        </div>
      )}
      <ImportDialogs />
    </div>
  );
}
