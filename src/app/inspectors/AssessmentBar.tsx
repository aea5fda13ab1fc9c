/**
 * The bar above an assessment's workspace: attempts and time so far, Submit (which runs the
 * checks one last time), and after submission the score and the report (JSON download and a
 * printable page).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { buildAssessmentReport, renderReportHtml, reportFileName } from '../../progress/assessment-report.ts';
import { formatDuration, scoreAssessment, type AssessmentRecord } from '../../progress/assessment.ts';
import { downloadText, openHtmlPage } from '../download.ts';
import './inspectors.css';

export interface AssessmentBarProps {
  lesson: { id: string; title: string };
  /** How many checks the lesson has. */
  checkCount: number;
  record: AssessmentRecord | undefined;
  /** True while checks run (Submit waits for them). */
  checking: boolean;
  /** The learner's files, for the report. */
  files: Record<string, string>;
  /** Runs the checks once more and submits; the workspace counts that Check as an attempt. */
  onSubmit: () => void;
}

const CLOCK_TICK_MS = 15_000;

export function AssessmentBar({ lesson, checkCount, record, checking, files, onSubmit }: AssessmentBarProps) {
  const now = useSignal(new Date());
  const confirming = useSignal(false);
  const submitted = record?.submittedAt !== undefined;
  useEffect(() => {
    if (submitted) return;
    const timer = setInterval(() => (now.value = new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [submitted]);

  if (!record) return <div class="assessment-bar" role="region" aria-label="Assessment">Starting the assessment…</div>;
  const score = scoreAssessment(record, checkCount, now.value);
  const report = () => buildAssessmentReport({ record, lessonTitle: lesson.title, checkCount, files, now: new Date() });

  return (
    <div class={`assessment-bar ${submitted ? 'assessment-submitted' : ''}`} role="region" aria-label="Assessment">
      <strong>Self-assessment</strong>
      {submitted ? (
        <>
          <span class="assessment-score">
            Score: {score.passed} of {score.total} ({score.percent}%)
          </span>
          {score.first && (
            <span>
              First attempt: {score.first.passed} of {score.first.total} ({score.first.percent}%)
            </span>
          )}
          <span>
            {score.attempts} {score.attempts === 1 ? 'attempt' : 'attempts'} · {formatDuration(score.timeTakenMs)}
          </span>
          <span class="toolbar-gap" />
          <button type="button" class="small" onClick={() => downloadText(reportFileName(report(), 'json'), JSON.stringify(report(), null, 2), 'application/json')}>
            Download report (JSON)
          </button>
          <button type="button" class="small" onClick={() => openHtmlPage(reportFileName(report(), 'html'), renderReportHtml(report()))}>
            Printable report
          </button>
        </>
      ) : (
        <>
          <span>
            {score.attempts} {score.attempts === 1 ? 'attempt' : 'attempts'} · {formatDuration(score.timeTakenMs)} so far
            {score.attempts > 0 ? ` · last Check: ${score.passed} of ${score.total}` : ''}
          </span>
          <span class="muted">Hints and the solution unlock after you submit.</span>
          <span class="toolbar-gap" />
          {confirming.value ? (
            <>
              <span>Submit now? The checks run one last time and the score becomes final.</span>
              <button
                type="button"
                class="primary"
                disabled={checking}
                onClick={() => {
                  confirming.value = false;
                  onSubmit();
                }}
              >
                Submit for grading
              </button>
              <button type="button" class="small" onClick={() => (confirming.value = false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" class="primary" disabled={checking} onClick={() => (confirming.value = true)}>
              Submit
            </button>
          )}
        </>
      )}
    </div>
  );
}
