/**
 * Graceful shutdown: components that hold connections or run loops register how to stop, and the
 * process (server on SIGTERM, the worker, a test file's teardown) stops them in reverse order.
 */
type ShutdownTask = () => Promise<void>;

declare global {
  var __dillerShutdownTasks: ShutdownTask[] | undefined;
}

const tasks = (globalThis.__dillerShutdownTasks ??= []);

export function onShutdown(task: ShutdownTask) {
  tasks.push(task);
}

export async function shutdown() {
  for (const task of tasks.splice(0).reverse()) {
    try {
      await task();
    } catch (error) {
      console.error("shutdown task failed", error);
    }
  }
}
