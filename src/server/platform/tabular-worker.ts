/**
 * Worker-thread entry (platform/tabular-pool.ts): parses uploaded tables, builds XLSX workbooks and runs
 * whole exports (platform/tabular-export.ts) off the main thread. Bundled as dist/server/tabular-worker.js; from src it is loaded through tabular-worker.boot.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from './errors';
import type { OutCell } from './tabular';
import { buildXlsx, parseTable } from './tabular';
import { exportFromDatabase, writeExport } from './tabular-export';
import type { TabularTask } from './tabular-pool';

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

type RowsTask = Extract<TabularTask, { rows: unknown[] }>;
/** tasks whose rows arrive in slices (`start`, then `rows` messages, then the task runs) */
const assembling = new Map<number, RowsTask>();

type Message =
  | { id: number; task: TabularTask }
  | { id: number; start: RowsTask }
  | { id: number; rows: OutCell[][] | Record<string, unknown>[] }
  | { id: number; run: true };

/** The bytes' memory, moved rather than copied — unless it is Node's shared pool for small buffers. */
const transferable = (u: Uint8Array): ArrayBuffer[] =>
  u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? [u.buffer as ArrayBuffer] : [];

parentPort?.on('message', async (m: Message) => {
  const { id } = m;
  if ('start' in m) {
    assembling.set(id, m.start);
    return;
  }
  if ('rows' in m) {
    const t = assembling.get(id);
    if (t) for (const r of m.rows) (t.rows as unknown[]).push(r);
    return;
  }
  const task = 'task' in m ? m.task : assembling.get(id);
  assembling.delete(id);
  if (!task) return;
  try {
    if (task.op === 'read') {
      const table = await parseTable(asBuffer(task.buf), task.filename);
      parentPort!.postMessage({ id, ok: true, result: table });
    } else if (task.op === 'export') {
      const { body, count } = task.databaseUrl
        ? await exportFromDatabase(task.databaseUrl, task.spec)
        : { body: await writeExport(task.spec, task.rows ?? []), count: task.rows?.length ?? 0 };
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      parentPort!.postMessage({ id, ok: true, result: { body: bytes, count } }, transferable(bytes));
    } else {
      const out = await buildXlsx(task.sheetName, task.headers, task.rows);
      const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      parentPort!.postMessage({ id, ok: true, result: bytes }, transferable(bytes));
    }
  } catch (e) {
    const err =
      e instanceof AppError
        ? { message: e.message, status: e.status, code: e.code, params: e.params }
        : {
            message: e instanceof Error ? e.message : String(e),
          };
    parentPort!.postMessage({ id, ok: false, error: err });
  }
});
