/**
 * A bound on the Diller calls a process's background jobs have in flight: JOB_CONCURRENCY slots,
 * taken for the exchange only (request sent to body read), handed on first come, first served.
 *
 * Why calls and not jobs: a job also reads and writes the database before and after its call. When
 * the bound was on jobs, a slot sat idle during that work, and at 16 slots with Diller answering in
 * ~150 ms the worker reached 0.8 of the calls 16 slots allow. The worker now runs a few more jobs
 * than there are slots (jobsForCallSlots), so a job whose database work is done is waiting when a
 * call returns, and Diller sees the same number of calls at once as before: never more than the bound.
 */
export interface CallSlots {
  /** Waits for a free slot; the returned function gives it back (once). */
  take(): Promise<() => void>;
  /** Calls in flight and callers waiting, for diagnostics. */
  usage(): { inUse: number; waiting: number };
}

export function createCallSlots(limit: number): CallSlots {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`call slots must be a positive integer, not ${limit}`);
  let inUse = 0;
  const waiting: (() => void)[] = [];

  function release() {
    const next = waiting.shift();
    // The slot passes straight to the next caller: no turn of the event loop in which it is free.
    if (next) next();
    else inUse--;
  }

  function handle(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  return {
    take() {
      if (inUse < limit) {
        inUse++;
        return Promise.resolve(handle());
      }
      return new Promise((resolve) => waiting.push(() => resolve(handle())));
    },
    usage: () => ({ inUse, waiting: waiting.length }),
  };
}

/**
 * Jobs the worker runs at once for `callSlots` Diller calls: a quarter more (at least one), enough
 * that a job has finished its database work when a slot comes free (a linked member's order spends
 * ~15 % of its time outside its call; docs/decisions/050-diller-call-slots.md).
 */
export function jobsForCallSlots(callSlots: number): number {
  return callSlots + Math.max(1, Math.ceil(callSlots / 4));
}
