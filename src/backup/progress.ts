/**
 * A progress bar on stderr for the backup and restore commands: redrawn in place on a terminal,
 * one line per tenth of the work otherwise (logs of a scheduled backup).
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(done: number, total: number, what: string): void;
  finish(): void;
} {
  const started = Date.now();
  let last = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total, what) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const seconds = (Date.now() - started) / 1000;
      const eta = fraction > 0 && fraction < 1 ? ` eta ${Math.round((seconds / fraction) * (1 - fraction))} s` : "";
      const text = `${(100 * fraction).toFixed(1).padStart(5)}% ${done}/${total} ${what} ${seconds.toFixed(1)} s${eta}`;
      if (stream.isTTY) {
        if (Date.now() - last < 200 && fraction < 1) return;
        last = Date.now();
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${text.padEnd(60)}`);
        drawn = true;
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${text}\n`);
      }
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
