/**
 * Worker-thread entry (platform/tabular-pool.ts): parses uploaded tables and builds XLSX workbooks off the
 * main thread. Bundled as dist/server/tabular-worker.js; from src it is loaded through tabular-worker.boot.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from './errors';
import { buildXlsx, parseTable } from './tabular';
import type { TabularTask } from './tabular-pool';

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

parentPort?.on('message', async ({ id, task }: { id: number; task: TabularTask }) => {
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
