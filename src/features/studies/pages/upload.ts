import type { FastifyRequest } from 'fastify';

/** The largest recruitment file accepted: 2 MB holds far more than the 10,000 rows allowed. */
export const maxUploadBytes = 2 * 1024 * 1024;

export interface UploadState {
  file: { fileName: string; mimeType: string; content: Buffer } | null;
  /** Why the request's parts could not all be read, if they could not. */
  problem: 'too-large' | 'too-many-files' | 'unreadable' | null;
}

const uploads = new WeakMap<FastifyRequest, UploadState>();

/** What `readUpload` found in this request's multipart body. */
export function uploadOf(request: FastifyRequest): UploadState {
  return uploads.get(request) ?? { file: null, problem: null };
}

/**
 * A preValidation hook: reads a multipart form, putting its `_csrf` field in `request.body` so
 * that the CSRF check (a preHandler, later) finds it, and keeping the file aside. A body too large
 * or malformed never throws: the handler reports it, after the CSRF check has run.
 */
export async function readUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  const state: UploadState = { file: null, problem: null };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every file part must be read to its end, or the parser waits for ever.
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && state.file === null) {
          state.file = { fileName: part.filename, mimeType: part.mimetype, content };
        }
      } else if (
        part.fieldname === '_csrf' &&
        typeof part.value === 'string' &&
        !('_csrf' in fields)
      ) {
        fields._csrf = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    state.problem =
      code === 'FST_REQ_FILE_TOO_LARGE'
        ? 'too-large'
        : code === 'FST_FILES_LIMIT'
          ? 'too-many-files'
          : 'unreadable';
    request.log.info({ err: { message: (error as Error).message, code } }, 'upload not read');
  }
  request.body = fields;
  uploads.set(request, state);
}

/** The file's text, if it is UTF-8 (a byte-order mark is dropped later by the CSV reader). */
export function textOfUpload(content: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
}
