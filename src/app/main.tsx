import { render } from 'preact';
import { App } from './App.tsx';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(
  <ErrorBoundary>
    <App />
  </ErrorBoundary>,
  root,
);
