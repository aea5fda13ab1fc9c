/** The score of a submitted assessment, for the table of contents. Nothing before submission. */
import { useEffect } from 'preact/hooks';
import { scoreAssessment } from '../../progress/assessment.ts';
import { assessmentStore } from '../state/assessment-store.ts';
import './inspectors.css';

export function AssessmentScoreBadge({ lessonId }: { lessonId: string }) {
  useEffect(() => void assessmentStore.load(), []);
  const record = assessmentStore.records.value[lessonId];
  if (!record?.submittedAt) return null;
  const score = scoreAssessment(record, 0, new Date());
  return (
    <span class="assessment-badge" title={`Assessment score: ${score.passed} of ${score.total}`}>
      <span aria-hidden="true">{score.percent}%</span>
      <span class="visually-hidden">
        {' '}
        (score {score.passed} of {score.total})
      </span>
    </span>
  );
}
