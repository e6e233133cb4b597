/** Stands in for the editor while Monaco loads; it fills the same box, so nothing moves when the editor appears. */
export function EditorPlaceholder() {
  return (
    <div className="yaml-view-placeholder" role="status">
      Loading the YAML editor…
    </div>
  );
}
