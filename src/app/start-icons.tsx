/** Line icons of the Start jobs: drawn inline (24×24, stroked in currentColor), so no icon font or request. */
const PATHS = {
  new: 'M12 5v14M5 12h14',
  update: 'M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5',
  release: 'M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14',
  open: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
} as const;

export type StartIconName = keyof typeof PATHS;

export function StartIcon({ name }: { name: StartIconName }) {
  return (
    <svg className="start-job-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"
      fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
