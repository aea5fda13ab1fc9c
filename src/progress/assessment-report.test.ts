import { describe, expect, it } from 'vitest';
import { recordAttempt, startAssessment, submitAssessment } from './assessment.ts';
import { buildAssessmentReport, renderReportHtml, reportFileName, REPORT_FORMAT } from './assessment-report.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 10, minutes));

function submittedReport() {
  let record = startAssessment('apis/assessment', at(0));
  const blueprint = [{ id: 'list', title: 'GET /events lists <events>', skill: 'apis/<routes>', weight: 2 }];
  record = recordAttempt(record, [{ id: 'list', title: 'GET /events lists <events>', status: 'fail', message: 'Answer with "200" & a list.', durationMs: 1 }], at(3), blueprint);
  record = recordAttempt(record, [{ id: 'list', title: 'GET /events lists <events>', status: 'pass', message: 'Passed.', durationMs: 1 }], at(9), blueprint);
  record = submitAssessment(record, at(10));
  return buildAssessmentReport({ record, lessonTitle: 'Self-assessment: an <events> API', checkCount: 1, files: { 'server.js': 'if (a < b && c) {}' }, now: at(30) });
}

describe('buildAssessmentReport', () => {
  it('holds the score, time, attempts, last checks and files', () => {
    const report = submittedReport();
    expect(report).toMatchObject({
      format: REPORT_FORMAT,
      version: 1,
      lesson: { id: 'apis/assessment', title: 'Self-assessment: an <events> API' },
      submittedAt: at(10).toISOString(),
      score: { passed: 1, total: 1, percent: 100, first: { passed: 0, total: 1, percent: 0 }, attempts: 2, timeTakenMs: 10 * 60_000, submitted: true },
      checks: [{ id: 'list', status: 'pass', skill: 'apis/<routes>', weight: 2 }],
      attempts: [{ passed: 0, total: 1 }, { passed: 1, total: 1 }],
      files: { 'server.js': 'if (a < b && c) {}' },
    });
    expect(reportFileName(report, 'json')).toBe('apis-assessment-report-2026-11-22.json');
  });
});

describe('renderReportHtml', () => {
  it('shows the score and escapes every lesson and learner string', () => {
    const html = renderReportHtml(submittedReport());
    expect(html).toContain('1 of 1 checks passed (100%)');
    expect(html).toContain('Final score 100% · first attempt: 0 of 1 (0%)');
    expect(html).toContain('<td>apis/&lt;routes&gt;</td><td>2</td>');
    expect(html).toContain('<title>Assessment report: Self-assessment: an &lt;events&gt; API</title>');
    expect(html).toContain('<pre>if (a &lt; b &amp;&amp; c) {}</pre>');
    expect(html).toContain('10 min 00 s');
    expect(html).not.toContain('<events>');
  });
});
