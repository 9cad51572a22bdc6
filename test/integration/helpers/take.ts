import type { Consumer, ConsumerRecord } from '../../../client';

/** The next `count` records of a consumer, failing after `timeoutMs` with how many arrived. */
export async function take(consumer: Consumer, count: number, timeoutMs = 20_000): Promise<ConsumerRecord[]> {
  const out: ConsumerRecord[] = [];
  if (count === 0) return out;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${out.length} of ${count} records within ${timeoutMs} ms`)), timeoutMs);
  });
  const read = (async () => {
    for await (const record of consumer) {
      out.push(record);
      if (out.length >= count) break;
    }
    return out;
  })();
  try {
    return await Promise.race([read, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
