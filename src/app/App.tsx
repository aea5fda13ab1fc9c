/** The application shell: header, track/lesson navigation, main area. */
export function App() {
  return (
    <div class="shell">
      <header class="shell-header">
        <a class="brand" href="#/">Backend Playground</a>
      </header>
      <nav class="shell-nav" aria-label="Lessons">
        <p>No lessons yet.</p>
      </nav>
      <main class="shell-main" id="main">
        <h1>Learn back-end development by building real servers</h1>
        <p>Pick a lesson to start.</p>
      </main>
    </div>
  );
}
