import { describe, expect, it } from 'vitest';
import { CappedOutput } from './cappedOutput';

const MB = 1024 * 1024;

describe('CappedOutput', () => {
  it('keeps everything, and drops nothing, below the cap', () => {
    const out = new CappedOutput(16, 16);
    out.push(Buffer.from('first\n'));
    out.push(Buffer.from('second\n'));
    expect(out.result()).toEqual({ text: 'first\nsecond\n', droppedBytes: 0 });
  });

  it('keeps at most head + tail bytes of a 50 MB stream, with its first and last lines', () => {
    const head = 1000;
    const tail = 1500;
    const out = new CappedOutput(head, tail);
    const first = 'FIRST LINE: the command banner\n';
    const last = 'LAST LINE: 3 failed, 4 passed\n';
    const filler = Buffer.from(`${'x'.repeat(1023)}\n`.repeat(1024)); // 1 MiB of 1 KiB lines
    out.push(Buffer.from(first));
    for (let i = 0; i < 50; i++) out.push(filler);
    out.push(Buffer.from(last));
    const total = first.length + 50 * filler.length + last.length;
    expect(total).toBeGreaterThan(50 * MB);

    const { text, droppedBytes } = out.result();
    expect(droppedBytes).toBe(total - head - tail);
    expect(out.bytesDropped).toBe(droppedBytes);
    expect(text.startsWith(first)).toBe(true);
    expect(text.endsWith(last)).toBe(true);
    expect(text).toContain(`[${droppedBytes} bytes of output dropped]`);
    const kept = text.replace(/\n… \[\d+ bytes of output dropped\] …\n/, '');
    expect(Buffer.byteLength(kept)).toBe(head + tail);
  });

  it('splits a single chunk across head, dropped middle and tail', () => {
    const out = new CappedOutput(4, 3);
    out.push(Buffer.from('abcdefghij'));
    expect(out.result()).toEqual({ text: 'abcd\n… [3 bytes of output dropped] …\nhij', droppedBytes: 3 });
  });
});
