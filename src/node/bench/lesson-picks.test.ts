import { describe, expect, it } from 'vitest';
import { textSnippet } from './lesson-picks.ts';

describe('textSnippet', () => {
  it('gives the first paragraph’s first words as the page shows them: no tags, entities decoded, spaces collapsed', () => {
    const html = '<h2 id="goal">Goal</h2>\n<p>Every <code>GET /health</code> answers\n  <strong>200</strong> &amp; &quot;ok&quot; so a load balancer knows your server is alive.</p><p>Second.</p>';
    expect(textSnippet(html)).toBe('Every GET /health answers 200 & "ok" so');
  });

  it('has no snippet when there is no paragraph worth waiting for', () => {
    expect(textSnippet('<h2>Only a heading</h2>')).toBeUndefined();
    expect(textSnippet('<p>Hi</p>')).toBeUndefined();
  });
});
