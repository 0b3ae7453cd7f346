import type { FastifyRequest } from 'fastify';

export interface Upload {
  buffer: Buffer;
  filename: string;
}

/**
 * Reads a multipart request: the first `file` part into memory (within the upload limit; other file parts
 * are drained) and the text fields by name (a repeated field keeps its last value).
 */
export async function readMultipart(
  request: FastifyRequest,
): Promise<{ upload?: Upload; fields: Record<string, string> }> {
  let upload: Upload | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === 'file' && !upload)
        upload = { buffer: await part.toBuffer(), filename: part.filename };
      else part.file.resume();
    } else fields[part.fieldname] = String(part.value);
  }
  return { upload, fields };
}
