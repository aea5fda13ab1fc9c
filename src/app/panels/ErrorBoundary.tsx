/**
 * Never a blank screen: when rendering fails, say what went wrong and that the learner's
 * files are safe (they live in IndexedDB, not in the component tree), with ways forward.
 */
import { Component, type ComponentChildren } from 'preact';
import { exportProgress, flushProgress } from '../state/progress-store.ts';

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = {};

  override componentDidCatch(error: Error): void {
    this.setState({ error });
    void flushProgress();
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div class="crash" role="alert">
        <h1>Something went wrong in the playground</h1>
        <p>Your files are saved in this browser. Reloading usually fixes this; exporting keeps a copy first.</p>
        <pre class="crash-detail">{error.message}</pre>
        <div class="toolbar">
          <button type="button" onClick={() => location.reload()}>Reload</button>
          <button type="button" onClick={() => void exportProgress()}>Export progress</button>
          <button type="button" onClick={() => this.setState({ error: undefined })}>Try again</button>
        </div>
      </div>
    );
  }
}
