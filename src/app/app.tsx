export function App() {
  return (
    <div className="shell">
      <header className="topbar">
        <h1 className="brand">Wingsmith</h1>
        <p className="tagline">winget manifests, written in your browser</p>
      </header>
      <main className="placeholder">
        <p>The editor is on its way. The manifest core and the command line are ready:</p>
        <pre>npm run cli -- validate path/to/manifest</pre>
      </main>
    </div>
  );
}
