import type { Finding } from '../../core/findings';

interface FileStatusProps {
  fileName: string;
  /** The first parse error of the file, when its text does not parse. */
  parseError: Finding | undefined;
  /** The file's findings (errors and warnings) from the last validation. */
  findings: readonly Finding[];
  onShow: (finding: Finding) => void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The strip above the editor. It is always there and keeps its height, so the editor does not jump each time
 * a keystroke breaks the YAML or mends it; when the text does not parse it turns into the alert that says so.
 */
export function FileStatus({ fileName, parseError, findings, onShow }: FileStatusProps) {
  if (parseError) {
    const where =
      parseError.line > 0 ? `Line ${parseError.line}${parseError.column > 0 ? `, column ${parseError.column}` : ''}` : '';
    return (
      <div className="yaml-view-status yaml-view-status-broken" role="alert">
        <p>
          <strong>YAML does not parse — the form keeps the last valid values.</strong>{' '}
          {where ? (
            <button type="button" className="yaml-view-status-link" onClick={() => onShow(parseError)}>
              {where}
            </button>
          ) : (
            fileName
          )}
          : {parseError.message}
        </p>
      </div>
    );
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
  return (
    <div className="yaml-view-status">
      <span>{counts ? `${counts} in this file, underlined; F8 goes to the next.` : 'No problems in this file.'}</span>
      <span className="yaml-view-status-hint">Ctrl+Space suggests fields and values.</span>
    </div>
  );
}
