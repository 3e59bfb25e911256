/**
 * Polls until `isDone` holds or `timeoutMs` has passed, and says whether it held. Bounded by time,
 * not by a count of polls: on a loaded CI machine a few hundred short polls can end before a
 * message that is merely slow arrives, and the test then fails on timing rather than behaviour.
 */
export async function eventually(
  isDone: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isDone()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
