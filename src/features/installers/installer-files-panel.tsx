import { useEditor } from '../../document/use-editor';
import type { EditorState } from '../../document/types';
import { useHashMismatchFindings } from './hash-mismatch-findings';
import { useInstallerDrop } from './installer-drop';
import { InstallerRow } from './installer-row';
import { useRows } from './rows-store';
import { useInstallerFiles } from './use-installer-files';
import './installers.css';

const selectSet = (s: EditorState) => s.set;

/** The installer files being hashed and what came of them; also takes installer files dropped on the page. */
export function InstallerFilesPanel() {
  const actions = useInstallerFiles();
  useInstallerDrop(actions.add);
  useHashMismatchFindings();
  // A download shows its progress and errors inside its installer's group; here once it has a hash to show.
  const rows = useRows().filter((row) => row.url === undefined || row.sha256 !== undefined);
  const set = useEditor(selectSet);
  if (rows.length === 0) return null;
  return (
    <section className="installer-panel" aria-label="Installer hashing">
      <ul className="installer-rows">
        {rows.map((row) => (
          <InstallerRow key={row.id} row={row} set={set} actions={actions} />
        ))}
      </ul>
    </section>
  );
}
