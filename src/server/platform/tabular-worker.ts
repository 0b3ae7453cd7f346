/**
 * Worker-thread entry (platform/tabular-pool.ts): parses uploaded tables and builds XLSX workbooks off the
 * main thread. Bundled as dist/server/tabular-worker.js; from src it is loaded through tabular-worker.boot.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from './errors';
import type { OutCell } from './tabular';
import { buildXlsx, parseTable } from './tabular';
import type { TabularTask } from './tabular-pool';

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** writeXlsx tasks whose rows arrive in slices (`start`, then `rows` messages, then the task runs) */
const assembling = new Map<number, TabularTask & { op: 'writeXlsx' }>();

type Message =
  | { id: number; task: TabularTask }
  | { id: number; start: TabularTask & { op: 'writeXlsx' } }
  | { id: number; rows: OutCell[][] }
  | { id: number; run: true };

parentPort?.on('message', async (m: Message) => {
  const { id } = m;
  if ('start' in m) {
    assembling.set(id, m.start);
    return;
  }
  if ('rows' in m) {
    const t = assembling.get(id);
    if (t) for (const r of m.rows) t.rows.push(r);
    return;
  }
  const task = 'task' in m ? m.task : assembling.get(id);
  assembling.delete(id);
  if (!task) return;
  try {
    if (task.op === 'read') {
      const table = await parseTable(asBuffer(task.buf), task.filename);
      parentPort!.postMessage({ id, ok: true, result: table });
    } else {
      const out = await buildXlsx(task.sheetName, task.headers, task.rows);
      const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      parentPort!.postMessage({ id, ok: true, result: bytes }, [bytes.buffer as ArrayBuffer]);
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
