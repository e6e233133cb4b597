import { useId, type ChangeEvent, type FocusEventHandler, type MouseEventHandler, type ReactNode, type Ref } from 'react';
import './file-button.css';

interface FileButtonProps {
  /** The input's accessible name; the visible label is hidden from assistive technology. */
  inputLabel: string;
  /** What the button shows. */
  text: ReactNode;
  /** Gets the chosen files (never none). The input is cleared first, so choosing the same files again fires again. */
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  accept?: string;
  title?: string;
  onClick?: MouseEventHandler<HTMLInputElement>;
  onFocus?: FocusEventHandler<HTMLInputElement>;
  /** Added to the wrapper and to the visible label, for a feature's own layout. */
  className?: string;
  labelClassName?: string;
  /** Rendered after the button inside the wrapper (a status line, dialogs). */
  children?: ReactNode;
  /** The input itself, for a control elsewhere that opens the same chooser (one input keeps one accessible name). */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A file input that looks like the app's buttons: the input stays focusable and clickable through its label (so
 * keyboard and screen readers reach it) but is visually hidden; the label is what people click.
 */
export function FileButton({ inputLabel, text, onFiles, multiple, accept, title, onClick, onFocus, className, labelClassName, children, inputRef }: FileButtonProps) {
  const inputId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <span className={className ? `file-button ${className}` : 'file-button'}>
      <input
        ref={inputRef}
        id={inputId}
        className="file-button-input"
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={inputLabel}
        onChange={onChange}
        onClick={onClick}
        onFocus={onFocus}
      />
      <label htmlFor={inputId} className={labelClassName ? `file-button-face ${labelClassName}` : 'file-button-face'} aria-hidden="true" title={title}>
        {text}
      </label>
      {children}
    </span>
  );
}
