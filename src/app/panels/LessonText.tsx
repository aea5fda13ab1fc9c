/**
 * The lesson's text (HTML rendered from Markdown at build time), its hints and previous/next
 * links. A debugging lesson's after-check explanations open once the learner has checked it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Lesson } from '../../lessons/types.ts';
import { neighbours } from '../state/catalog.ts';
import { lessonHref } from '../state/route.ts';
import { workspace } from '../state/workspace-store.ts';
import { helpAllowedFor } from '../state/assessment-store.ts';
import { afterCheckRevealed, openAfterCheckBlocks } from '../text/after-check.ts';
import { InlineCode } from '../text/InlineCode.tsx';

export function LessonText({ lesson }: { lesson: Lesson }) {
  const { previous, next } = neighbours(lesson.id);
  const hints = lesson.meta.hints;
  const shown = workspace.hints.shown.value;
  // Self-assessments hold hints back until the learner has submitted.
  const hintsAllowed = helpAllowedFor(lesson);
  const prose = useRef<HTMLDivElement>(null);
  const revealed = afterCheckRevealed(workspace.progress.value?.attempts ?? 0, workspace.checks.running.value);
  useEffect(() => {
    if (revealed && prose.current) openAfterCheckBlocks(prose.current);
  }, [revealed, lesson.html]);
  return (
    <article class="lesson-text" aria-label={`Lesson: ${lesson.title}`}>
      <p class="muted lesson-meta">
        {lesson.meta.mode === 'assessment' ? 'Self-assessment' : 'Lesson'} · about {lesson.meta.minutes} min
        {workspace.completed.value && <span class="complete-badge"> · ✓ Completed</span>}
      </p>
      {/* Lesson text usually opens with its own `# Title`; only add one when it does not. */}
      {!/<h1[\s>]/.test(lesson.html) && <h1 id="lesson-title">{lesson.title}</h1>}
      {/* Trusted: rendered at build time from the repository's own lesson.md. */}
      <div class="prose" ref={prose} dangerouslySetInnerHTML={{ __html: lesson.html }} />
      {hints.length > 0 && hintsAllowed && (
        <section class="hints" aria-labelledby="hints-title">
          <h2 id="hints-title">Hints</h2>
          <ol>
            {hints.slice(0, shown).map((hint, index) => (
              <li key={index}>
                <InlineCode text={hint} />
              </li>
            ))}
          </ol>
          {shown < hints.length && (
            <button type="button" onClick={() => workspace.hints.reveal(hints.length)}>
              {shown === 0 ? 'Show a hint' : `Show hint ${shown + 1} of ${hints.length}`}
            </button>
          )}
        </section>
      )}
      <nav class="pager" aria-label="Previous and next lesson">
        {previous ? <a href={lessonHref(previous.id)} rel="prev">← {previous.title}</a> : <span />}
        {next ? <a href={lessonHref(next.id)} rel="next">{next.title} →</a> : <span />}
      </nav>
    </article>
  );
}
