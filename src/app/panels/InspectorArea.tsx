/**
 * The output and the inspectors (HTTP client, database, request log) as tabs beside the checks.
 * The inspectors load lazily (the database browser brings sql.js): until they arrive, the
 * output panel stands alone. This is where the workspace store meets the inspectors' props.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { InspectorTabsProps } from '../inspectors/InspectorTabs.tsx';
import { workspace } from '../state/workspace-store.ts';
import { OutputPanel } from './OutputPanel.tsx';

export function InspectorArea() {
  const [Tabs, setTabs] = useState<FunctionComponent<InspectorTabsProps> | undefined>(undefined);
  useEffect(() => {
    import('../inspectors/InspectorTabs.tsx')
      // Wrapped in a function: useState would call a component passed directly.
      .then(({ InspectorTabs }) => setTabs(() => InspectorTabs))
      // Without the inspectors the output panel still works; the console says why.
      .catch((error: unknown) => console.warn('The inspectors could not load:', error));
  }, []);

  const lesson = workspace.lesson.value;
  if (!Tabs || !lesson) return <OutputPanel />;
  return (
    <Tabs
      lesson={lesson}
      files={workspace.files.value}
      output={<OutputPanel />}
      outputSource={workspace.output}
      send={(request) => workspace.sendRequest(request)}
      readDatabase={(path) => workspace.readDatabase(path)}
      requestLog={workspace.requestLog.value}
      onClearRequestLog={() => workspace.clearRequestLog()}
      refreshToken={workspace.inspectorRefresh.value}
      runToken={workspace.runToken.value}
      openFileAt={(path, line, column) => workspace.openFileAt(path, line, column)}
    />
  );
}
