/**
 * The output and the inspectors (HTTP client, database, request log) as tabs beside the checks.
 * The inspectors load lazily (the database browser brings sql.js), once the server has started
 * (state/after-server-start.ts): until they arrive, the output panel stands alone. This is where the workspace store meets the inspectors' props.
 */
import { useEffect } from 'preact/hooks';
import { workspace } from '../state/workspace-store.ts';
import { OutputPanel } from './OutputPanel.tsx';
import { useLazyModule } from './use-lazy-module.ts';

export function InspectorArea() {
  const inspectors = useLazyModule(async () => {
    await workspace.panelLoading.next().ready;
    return import('../inspectors/InspectorTabs.tsx');
  });
  // Without the inspectors the output panel still works; the console says why.
  const failure = inspectors.status === 'failed' ? inspectors.error : undefined;
  useEffect(() => {
    if (failure !== undefined) console.warn('The inspectors could not load:', failure);
  }, [failure]);

  const lesson = workspace.lesson.value;
  if (inspectors.status !== 'ready' || !lesson) return <OutputPanel />;
  const { InspectorTabs: Tabs } = inspectors.module;
  const { files, runner } = workspace;
  return (
    <Tabs
      lesson={lesson}
      files={files.contents.value}
      output={<OutputPanel />}
      outputSource={runner.output}
      send={(request) => runner.sendRequest(request)}
      readDatabase={(path) => runner.readDatabase(path)}
      requestLog={runner.requestLog.value}
      onClearRequestLog={() => runner.clearRequestLog()}
      refreshToken={runner.inspectorRefresh.value}
      runToken={workspace.runToken.value}
      {...(runner.server.value.port !== undefined ? { serverPort: runner.server.value.port } : {})}
      openFileAt={(path, line, column) => files.openAt(path, line, column)}
    />
  );
}
