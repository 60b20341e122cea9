/** No run to follow: say what the panel is for and how to start one. */
export function EmptyState() {
  return (
    <main className="empty-state">
      <h1>No LoopGain run to show</h1>
      <p>
        This panel follows a LoopGain run live: the failing tests per iteration, the controller's verdict, the best iteration so far and what restoring it would change.
      </p>
      <p>
        To start one, run <strong>LoopGain: Fix Failing Tests</strong> from the Command Palette (Ctrl+Shift+P, or ⇧⌘P on macOS), or from the Testing view. Past runs are in the
        LoopGain Runs view.
      </p>
    </main>
  );
}
