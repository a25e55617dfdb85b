/**
 * A process that claims vouchers on the test's SQLite file (forked with DATABASE_PATH set, like
 * worker-process.ts): on `{ id, voucherId, userIds, startAt }` it waits for `startAt` (the same instant
 * for every process) and claims once per user id in the list, answering with the outcomes.
 */
import { claimVoucher } from "#app/models/vouchers/vouchers.server.ts";

process.on("message", (m: { id: number; voucherId: number; userIds: number[]; startAt: number }) => {
  void (async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, m.startAt - Date.now())));
    const outcomes = m.userIds.map((userId) => {
      const result = claimVoucher(userId, { voucherId: m.voucherId });
      return result.ok ? "ok" : result.error;
    });
    process.send!({ id: m.id, result: outcomes });
  })();
});
process.send!({ ready: process.pid });
