/** The assessment bar bound to the workspace store; renders nothing for ordinary lessons. */
import { workspace } from '../state/workspace-store.ts';
import { AssessmentBar } from './AssessmentBar.tsx';
import { assessmentStore } from '../state/assessment-store.ts';

export function WorkspaceAssessmentBar() {
  const lesson = workspace.lesson.value;
  if (!lesson || lesson.meta.mode !== 'assessment') return null;
  return (
    <AssessmentBar
      lesson={{ id: lesson.id, title: lesson.title }}
      checkCount={lesson.checkList.length}
      record={assessmentStore.records.value[lesson.id]}
      checking={workspace.checks.running.value}
      files={workspace.files.contents.value}
      onSubmit={() => void workspace.submitAssessment()}
    />
  );
}
