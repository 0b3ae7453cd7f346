import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** RFC 6266/5987 attachment header; Hangul file names survive in every current browser. */
export const contentDisposition = (filename: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * Sends a file download (exports, reports, documents). Downloads may hold personal data, so they are
 * never stored by shared caches.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { body: Buffer | Readable; filename: string; mime: string },
) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
