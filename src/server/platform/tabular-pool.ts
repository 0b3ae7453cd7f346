import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from './errors';
import type { OutCell } from './tabular';
import type { ExportRow, ExportSpec } from './tabular-export';

/**
 * A small pool of worker threads (1–2, see TABULAR_WORKERS) with a queue, for the CPU-heavy halves of tabular files:
 * parsing uploads, building XLSX workbooks and whole exports (platform/tabular-export.ts: read, cells, file). The event loop stays free meanwhile (health checks, other
 * requests). Each worker has a heap limit: a file that needs more fails alone (413) and the worker is
 * replaced; the server process is not affected. Idle workers do not keep the process alive.
 */
export type TabularTask =
  | { op: 'read'; buf: Uint8Array; filename: string }
  | { op: 'writeXlsx'; sheetName: string; headers: string[]; rows: OutCell[][] }
  /** an export read by the worker over its own connection (`databaseUrl`), or from `rows` read by the caller */
  | { op: 'export'; spec: ExportSpec; databaseUrl: string; rows?: undefined }
  | { op: 'export'; spec: ExportSpec; rows: ExportRow[]; databaseUrl?: undefined };

/** tasks whose rows may arrive in slices */
type RowsTask = Extract<TabularTask, { rows: unknown[] }>;

/** 2 workers, but 1 on a 2-core machine: a core stays free for the event loop (health, other requests) */
export const TABULAR_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** heap of one worker (MB); a table needing more is refused with 413 table_too_large */
export const TABULAR_WORKER_HEAP_MB = 1024;

interface Job {
  task: TabularTask;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const queue: Job[] = [];
const idle: Worker[] = [];
let live = 0;
let seq = 0;

/** The bundled worker (dist/server/tabular-worker.js, next to main.js) or, from src, its tsx boot file. */
function workerUrl(): URL {
  const bundled = new URL('./tabular-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return bundled;
  return new URL('./tabular-worker.boot.mjs', import.meta.url);
}

function spawn(): Worker {
  live++;
  return new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: TABULAR_WORKER_HEAP_MB } });
}

function run(worker: Worker, job: Job) {
  const id = ++seq;
  worker.ref();
  const done = () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
  };
  const onMessage = (m: { id: number; ok: boolean; result?: unknown; error?: Record<string, unknown> }) => {
    if (m.id !== id) return;
    done();
    worker.unref();
    idle.push(worker);
    if (m.ok) {
      const r = m.result as { body?: unknown } | undefined;
      job.resolve(
        m.result instanceof Uint8Array
          ? asBuffer(m.result)
          : r?.body instanceof Uint8Array
            ? { ...r, body: asBuffer(r.body) }
            : m.result,
      );
    } else {
      const e = m.error as {
        message: string;
        status?: number;
        code?: string;
        params?: Record<string, string | number>;
      };
      job.reject(e.status && e.code ? new AppError(e.status, e.code, e.params) : new Error(e.message));
    }
    dispatch();
  };
  const lost = (err: unknown) => {
    done();
    live--;
    void worker.terminate();
    const oom = (err as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    job.reject(oom ? new AppError(413, 'table_too_large') : err);
    dispatch();
  };
  const onError = (err: Error) => lost(err);
  const onExit = (code: number) => lost(new Error(`tabular worker exited (${code})`));
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  const task = job.task;
  if (task.op === 'read') worker.postMessage({ id, task }, [task.buf.buffer as ArrayBuffer]);
  else if (!task.rows || task.rows.length <= ROWS_PER_MESSAGE) worker.postMessage({ id, task });
  else void sendInSlices(worker, id, task as RowsTask);
}

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** rows per message to a worker: copying 26k rows at once held the event loop for ~200 ms */
const ROWS_PER_MESSAGE = 2_000;

async function sendInSlices(worker: Worker, id: number, task: RowsTask) {
  worker.postMessage({ id, start: { ...task, rows: [] } });
  for (let i = 0; i < task.rows.length; i += ROWS_PER_MESSAGE) {
    worker.postMessage({ id, rows: task.rows.slice(i, i + ROWS_PER_MESSAGE) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  worker.postMessage({ id, run: true });
}

function dispatch() {
  while (queue.length > 0) {
    let worker = idle.pop();
    if (!worker) {
      if (live >= TABULAR_WORKERS) return;
      worker = spawn();
    }
    run(worker, queue.shift()!);
  }
}

/** Runs a task in the pool (queued while both workers are busy). A read's buffer is copied, not moved. */
export function runTabularTask(task: TabularTask): Promise<unknown> {
  const t: TabularTask = task.op === 'read' ? { ...task, buf: new Uint8Array(task.buf) } : task;
  return new Promise((resolve, reject) => {
    queue.push({ task: t, resolve, reject });
    dispatch();
  });
}
