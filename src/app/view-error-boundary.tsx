/** Keeps a view that fails (a chunk that did not load, a rendering error) from blanking the whole page. */
import { Component } from 'react';
import type { ReactNode } from 'react';

interface Props {
  view: string;
  children?: ReactNode;
}

export class ViewErrorBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (previous.view !== this.props.view && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner banner-conflict" role="alert">
        <p>
          The {this.props.view} view failed: {this.state.error.message}. Your draft is safe; reload the page to try again.
        </p>
        <div className="banner-actions">
          <button type="button" onClick={() => location.reload()}>Reload page</button>
        </div>
      </div>
    );
  }
}
