import type { CapturedOutput } from '../tests/model';

/**
 * Keeps the first `headBytes` and the last `tailBytes` of a stream and counts what it drops, so a
 * test that prints gigabytes costs a fixed amount of memory while the start (the command's own
 * banner, collection errors) and the end (the summary, the last failure) survive.
 */
export class CappedOutput {
  private readonly head: Buffer[] = [];
  private headLength = 0;
  private tail: Buffer[] = [];
  private tailLength = 0;
  private dropped = 0;

  constructor(
    private readonly headBytes = 512 * 1024,
    private readonly tailBytes = 512 * 1024,
  ) {}

  push(chunk: Buffer): void {
    let rest = chunk;
    if (this.headLength < this.headBytes) {
      const take = rest.subarray(0, this.headBytes - this.headLength);
      this.head.push(take);
      this.headLength += take.length;
      rest = rest.subarray(take.length);
    }
    if (rest.length === 0) return;
    this.tail.push(rest);
    this.tailLength += rest.length;
    while (this.tailLength > this.tailBytes && this.tail.length > 0) {
      const first = this.tail[0] as Buffer;
      const excess = this.tailLength - this.tailBytes;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailLength -= first.length;
        this.dropped += first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailLength -= excess;
        this.dropped += excess;
      }
    }
  }

  get bytesDropped(): number {
    return this.dropped;
  }

  result(): CapturedOutput {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    const marker = this.dropped > 0 ? `\n… [${this.dropped} bytes of output dropped] …\n` : '';
    return { text: head + marker + tail, droppedBytes: this.dropped };
  }
}
