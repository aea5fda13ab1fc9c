/**
 * An assessment's report: JSON (for an instructor's tools) and a printable HTML page (for a
 * person). Every learner- or lesson-provided string in the page is HTML-escaped.
 */
import { formatDuration, scoreAssessment, type AssessmentRecord, type AssessmentScore } from './assessment.ts';

export const REPORT_FORMAT = 'backend-playground/assessment-report';

export interface AssessmentReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  lesson: { id: string; title: string };
  startedAt: string;
  submittedAt?: string;
  score: AssessmentScore;
  /** The checks of the scoring attempt (the last one). */
  checks: AssessmentRecord['attempts'][number]['results'];
  attempts: { at: string; passed: number; total: number }[];
  /** The learner's files when the report was made. */
  files: Record<string, string>;
}

export function buildAssessmentReport(input: { record: AssessmentRecord; lessonTitle: string; checkCount: number; files: Record<string, string>; now: Date }): AssessmentReport {
  const { record, lessonTitle, checkCount, files, now } = input;
  return {
    format: REPORT_FORMAT,
    version: 1,
    lesson: { id: record.lessonId, title: lessonTitle },
    startedAt: record.startedAt,
    ...(record.submittedAt ? { submittedAt: record.submittedAt } : {}),
    score: scoreAssessment(record, checkCount, now),
    checks: record.attempts.at(-1)?.results ?? [],
    attempts: record.attempts.map(({ at, passed, total }) => ({ at, passed, total })),
    files,
  };
}

/** `events-api-assessment-2026-11-22.json` */
export function reportFileName(report: AssessmentReport, extension: 'json' | 'html'): string {
  const slug = report.lesson.id.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
  return `${slug}-report-${(report.submittedAt ?? report.startedAt).slice(0, 10)}.${extension}`;
}

const STATUS_WORD = { pass: 'Passed', fail: 'Failed', error: 'Checker error', timeout: 'Timed out' } as const;

export function renderReportHtml(report: AssessmentReport): string {
  const { score } = report;
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : 'not yet');
  const checks = report.checks
    .map(
      (check) =>
        `<tr><td>${escapeHtml(STATUS_WORD[check.status])}</td><td>${escapeHtml(check.title)}</td><td>${escapeHtml(check.skill ?? '')}</td><td>${escapeHtml(String(check.weight ?? 1))}</td><td>${check.status === 'pass' ? '' : escapeHtml(check.message)}</td></tr>`,
    )
    .join('\n');
  const first = score.first ? ` · first attempt: ${score.first.passed} of ${score.first.total} (${score.first.percent}%)` : '';
  const attempts = report.attempts.map((attempt, index) => `<li>Attempt ${index + 1}, ${escapeHtml(when(attempt.at))}: ${attempt.passed} of ${attempt.total} checks passed</li>`).join('\n');
  const files = Object.entries(report.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => `<h3>${escapeHtml(path)}</h3>\n<pre>${escapeHtml(text)}</pre>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Assessment report: ${escapeHtml(report.lesson.title)}</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #d1d9e0; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  pre { background: #f6f8fa; padding: 0.5rem; white-space: pre-wrap; word-break: break-word; }
  .score { font-size: 1.5rem; font-weight: 700; }
  @media print { button { display: none; } h3 { break-after: avoid; } pre { break-inside: avoid; } }
</style>
</head>
<body>
<button type="button" onclick="window.print()">Print</button>
<h1>Assessment report: ${escapeHtml(report.lesson.title)}</h1>
<p class="score">${score.passed} of ${score.total} checks passed (${score.percent}%)</p>
<p>Final score ${score.percent}%${first}. The percent weighs each check by its weight.</p>
<dl>
<dt>Lesson</dt><dd>${escapeHtml(report.lesson.id)}</dd>
<dt>Started</dt><dd>${escapeHtml(when(report.startedAt))}</dd>
<dt>Submitted</dt><dd>${escapeHtml(when(report.submittedAt))}</dd>
<dt>Time taken</dt><dd>${escapeHtml(formatDuration(score.timeTakenMs))}</dd>
<dt>Attempts</dt><dd>${score.attempts}</dd>
</dl>
<h2>Checks</h2>
<table><thead><tr><th>Result</th><th>Check</th><th>Skill (lesson)</th><th>Weight</th><th>Message</th></tr></thead><tbody>
${checks}
</tbody></table>
<h2>Attempts</h2>
<ol>
${attempts}
</ol>
<h2>Submitted files</h2>
${files}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}
