/**
 * Part of the learner server's preload: the server exits when the agent that started it is
 * gone. The agent kills its server's process group when it shuts down, but an agent that is
 * itself killed outright (SIGKILL, a crashed test run, a closed terminal) cannot — and a
 * server started `detached` then lives on, holding its port, with nobody to stop it.
 * An orphan is re-parented, so a changed `process.ppid` means the agent has died.
 */
const POLL_MS = 1000;
const agentPid = process.ppid;

// Only where parent ids are real (not 0 or 1, i.e. not already an orphan or a runtime without them).
if (agentPid > 1) {
  setInterval(() => {
    if (process.ppid !== agentPid) process.exit(0);
  }, POLL_MS).unref();
}
