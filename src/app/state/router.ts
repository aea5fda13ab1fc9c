/** The current route as a signal, following `location.hash`. */
import { signal } from '@preact/signals';
import { parseRoute, type Route } from './route.ts';

export const route = signal<Route>(parseRoute(location.hash));

window.addEventListener('hashchange', () => {
  route.value = parseRoute(location.hash);
});
