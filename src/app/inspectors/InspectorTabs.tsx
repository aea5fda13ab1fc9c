/**
 * The tabs beside the checks: Output (the panel the workspace already has, kept mounted so its
 * terminal keeps its state), and the inspectors — HTTP client, Database, Request log for
 * `server` lessons; Database (with Run) for `sql` lessons. Everything comes in as props: the
 * workspace decides how requests and database reads reach the runtime.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Lesson } from '../../lessons/types.ts';
import { guessDatabasePath } from './database-path.ts';
import { DbBrowserPanel } from './DbBrowserPanel.tsx';
import { HttpClientPanel } from './HttpClientPanel.tsx';
import type { SendRequest } from './http-client-store.ts';
import { OutputFrames, type OutputSource } from './OutputFrames.tsx';
import type { RequestLogEntry } from '../state/request-log.ts';
import { RequestLogPanel } from './RequestLogPanel.tsx';
import type { OpenFileAt } from './StackTraceText.tsx';
import './inspectors.css';

export interface InspectorTabsProps {
  lesson: Lesson;
  /** The learner's files (path → text). */
  files: Record<string, string>;
  /** The workspace's output panel. */
  output: ComponentChildren;
  /** The same output as text, for the stack-frame links under it. */
  outputSource: OutputSource;
  /** `server` lessons: sends a request to the learner's server (the agent's `request` command). */
  send: SendRequest;
  /** `server` lessons: a learner file's bytes from the runtime (the agent's `db` command); `undefined` when missing. */
  readDatabase: (path: string) => Promise<Uint8Array | undefined>;
  requestLog: readonly RequestLogEntry[];
  onClearRequestLog?: () => void;
  /** Bumped after every request and check: the database browser reloads. */
  refreshToken: number;
  /** `server` lessons: the port the learner's server really listens on (Copy as curl), when known. */
  serverPort?: number;
  /** `sql` lessons: bumped to Run the learner's query (the editor's shortcut). */
  runToken?: number;
  openFileAt: OpenFileAt;
}

type TabId = 'output' | 'http' | 'database' | 'requests';

const TAB_LABELS: Record<TabId, string> = { output: 'Output', http: 'HTTP client', database: 'Database', requests: 'Request log' };

export function InspectorTabs(props: InspectorTabsProps) {
  const { lesson, files, openFileAt } = props;
  const sql = lesson.meta.kind === 'sql';
  const tabs: TabId[] = sql ? ['database', 'output'] : ['output', 'http', 'database', 'requests'];
  const selected = useSignal<TabId>(tabs[0]!);
  const visited = useRef(new Set<TabId>());
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  // A new lesson may have other tabs; start from its first.
  useEffect(() => {
    selected.value = tabs[0]!;
    visited.current.clear();
  }, [lesson.id]);
  // A Run from the editor shows its result.
  const firstRunToken = useRef(props.runToken);
  useEffect(() => {
    if (props.runToken !== firstRunToken.current) selected.value = 'database';
  }, [props.runToken]);

  const current = tabs.includes(selected.value) ? selected.value : tabs[0]!;
  // Panels mount when first shown (the database browser reads the database on mount) and then
  // stay mounted while hidden, so a draft request or a query result survives a tab switch.
  visited.current.add(current);
  const fileList = Object.keys(files);
  const select = (tab: TabId, focus = false) => {
    selected.value = tab;
    if (focus) tabRefs.current[tab]?.focus();
  };
  const dbPath = sql ? undefined : guessDatabasePath(files);

  return (
    <div class="inspector-tabs">
      <div
        class="inspector-tablist"
        role="tablist"
        aria-label="Output and inspectors"
        onKeyDown={(event) => {
          const index = tabs.indexOf(current);
          const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : undefined;
          if (next === undefined) return;
          event.preventDefault();
          select(tabs[(next + tabs.length) % tabs.length]!, true);
        }}
      >
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabRefs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`inspector-tab-${tab}`}
            aria-selected={tab === current}
            aria-controls={`inspector-panel-${tab}`}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => select(tab)}
          >
            {TAB_LABELS[tab]}
            {tab === 'requests' && props.requestLog.length > 0 ? ` (${props.requestLog.length})` : ''}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab} class="inspector-tabpanel" role="tabpanel" id={`inspector-panel-${tab}`} aria-labelledby={`inspector-tab-${tab}`} hidden={tab !== current}>
          {tab === 'output' && (
            <>
              {props.output}
              <OutputFrames output={props.outputSource} files={fileList} openFileAt={openFileAt} />
            </>
          )}
          {tab === 'http' && visited.current.has('http') && (
            <HttpClientPanel lessonId={lesson.id} examples={lesson.meta.requests} origin={`http://localhost:${props.serverPort ?? lesson.meta.port}`} send={props.send} />
          )}
          {tab === 'database' &&
            (sql ? (
              <DbBrowserPanel
                handle={`dataset:${lesson.id}`}
                loadDatabase={() => fetchDataset(lesson)}
                missingMessage="This lesson has no dataset."
                learnerQuery={{ file: lesson.meta.focus, text: files[lesson.meta.focus] ?? '' }}
                {...(props.runToken !== undefined ? { runToken: props.runToken } : {})}
                openFileAt={openFileAt}
              />
            ) : (
              visited.current.has('database') && (
                <DbBrowserPanel
                  handle={`learner:${lesson.id}`}
                  loadDatabase={() => props.readDatabase(dbPath!)}
                  missingMessage={`There is no ${dbPath} yet: your server creates it when it first saves data. Send a request that stores something, then Refresh.`}
                  refreshToken={props.refreshToken}
                  openFileAt={openFileAt}
                />
              )
            ))}
          {tab === 'requests' && <RequestLogPanel entries={props.requestLog} {...(props.onClearRequestLog ? { onClear: props.onClearRequestLog } : {})} />}
        </div>
      ))}
    </div>
  );
}

/** `sql` lessons: the visible dataset the learner's queries run against. */
async function fetchDataset(lesson: Lesson): Promise<Uint8Array | undefined> {
  if (!lesson.datasetUrls) return undefined;
  const response = await fetch(lesson.datasetUrls.visible);
  if (!response.ok) throw new Error(`The dataset ${lesson.datasetUrls.visible} could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
