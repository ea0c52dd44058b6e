import type { JobName, JobPayload } from "./definitions";
import type { JobQueue } from "./queue";

interface Waiting {
  payload: JobPayload<JobName>;
  resolve: (queued: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * The queue with group commit for `send`: immediate sends made in the same turn of the event loop
 * (a burst of webhook deliveries dispatching their jobs) are written with one `sendMany` per queue
 * instead of one insert each. Each caller still resolves only once its job is durable, with whether
 * it was queued. Delayed sends, and queues without `sendMany`, go through `send` unchanged.
 */
export function withBatchedSends(queue: JobQueue): JobQueue {
  const sendMany = queue.sendMany?.bind(queue);
  if (!sendMany) return queue;
  const writeMany = sendMany;
  const pending = new Map<JobName, Waiting[]>();
  let scheduled = false;

  function flush() {
    scheduled = false;
    const batches = [...pending];
    pending.clear();
    for (const [name, waiting] of batches) {
      writeMany(
        name,
        waiting.map((item) => item.payload),
      ).then(
        (queued) => waiting.forEach((item, index) => item.resolve(queued[index] ?? false)),
        (error: unknown) => waiting.forEach((item) => item.reject(error)),
      );
    }
  }

  return {
    ...queue,
    send(name, payload, options) {
      if (options?.delaySeconds) return queue.send(name, payload, options);
      return new Promise<boolean>((resolve, reject) => {
        const waiting = pending.get(name) ?? [];
        waiting.push({ payload, resolve, reject });
        pending.set(name, waiting);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
