/** A one-line progress bar on stderr for long terminal runs; silent when stderr is not a terminal. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!tty) return;
      const nowMs = Date.now();
      if (nowMs - last < 100 && done < total) return;
      last = nowMs;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
