import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { highlightYaml } from './highlight-yaml';

type CopyState = 'idle' | 'copied' | 'failed';

function download(text: string, fileName: string): void {
  // A string part of a Blob is encoded as UTF-8 without a BOM: the same bytes the zip holds.
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One written file: a bar with its name and actions, then the text itself as a region named by the file. */
export const PreviewFile = memo(function PreviewFile({ name, text }: { name: string; text: string }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const preRef = useRef<HTMLPreElement>(null);
  const nodes = useMemo(() => highlightYaml(text), [text]);

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // Without clipboard permission, select the text so Ctrl+C still works.
      const pre = preRef.current;
      const selection = window.getSelection();
      if (pre && selection) selection.selectAllChildren(pre);
      setCopy('failed');
    }
  };

  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return (
    <article className="preview-file">
      <div className="preview-file-bar">
        <h2 className="preview-file-name">{name}</h2>
        <span className="preview-file-meta">{lines} lines</span>
        <span className="preview-file-actions">
          <button type="button" onClick={onCopy} aria-label={`Copy ${name}`}>
            {copy === 'copied' ? 'Copied' : 'Copy'}
          </button>
          <button type="button" onClick={() => download(text, name)} aria-label={`Download ${name}`}>
            Download
          </button>
        </span>
        <span role="status" className="preview-copy-status">
          {copy === 'copied' ? `Copied ${name}` : copy === 'failed' ? 'Copy blocked: text selected, press Ctrl+C' : ''}
        </span>
      </div>
      <pre ref={preRef} role="region" aria-label={name} tabIndex={0} className="preview-file-text">
        {nodes}
      </pre>
    </article>
  );
});
