import { render } from 'preact';
import { App } from './App.tsx';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import { warmUpForRoute } from './state/warm-up.ts';
import './styles.css';

warmUpForRoute(location.hash);

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(
  <ErrorBoundary>
    <App />
  </ErrorBoundary>,
  root,
);
