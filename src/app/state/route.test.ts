import { describe, expect, it } from 'vitest';
import { lessonHref, parseRoute } from './route.ts';

describe('parseRoute', () => {
  it('reads home, a track and a lesson', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#/')).toEqual({ view: 'home' });
    expect(parseRoute('#/apis')).toEqual({ view: 'track', trackId: 'apis' });
    expect(parseRoute('#/apis/first-route')).toEqual({ view: 'lesson', lessonId: 'apis/first-route' });
  });

  it('round-trips a lesson link', () => {
    expect(parseRoute(lessonHref('databases/joins'))).toEqual({ view: 'lesson', lessonId: 'databases/joins' });
  });
});
