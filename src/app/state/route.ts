/**
 * The app's URL scheme, in the hash so any static host serves it and reload keeps the place:
 *   `#/`                      home (the tracks)
 *   `#/apis`                  one track
 *   `#/apis/first-route`      one lesson (the id is the path)
 */
export type Route = { view: 'home' } | { view: 'track'; trackId: string } | { view: 'lesson'; lessonId: string };

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  if (parts.length === 0) return { view: 'home' };
  if (parts.length === 1) return { view: 'track', trackId: parts[0]! };
  return { view: 'lesson', lessonId: `${parts[0]}/${parts[1]}` };
}

export function lessonHref(lessonId: string): string {
  return `#/${lessonId}`;
}

export function trackHref(trackId: string): string {
  return `#/${trackId}`;
}
