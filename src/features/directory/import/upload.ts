import type { FastifyRequest } from 'fastify';

/** The file part of an import form, read whole into memory (it is at most 2 MB). */
export interface Upload {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export interface UploadState {
  file: Upload | null;
  /** Why the request's parts could not all be read, if they could not. */
  problem: 'too-large' | 'too-many-files' | 'unreadable' | null;
}

const fieldNames = new Set(['_csrf', 'recordType', 'publish']);
const uploads = new WeakMap<FastifyRequest, UploadState>();

/** What `readUpload` found in this request's multipart body. */
export function uploadOf(request: FastifyRequest): UploadState {
  return uploads.get(request) ?? { file: null, problem: null };
}

/**
 * A preValidation hook: reads a multipart form into `request.body` (its few text fields, so the
 * CSRF check, which runs later, finds `_csrf`) and keeps the file aside. A body that is too large
 * or malformed never throws: the handler reports it, after the CSRF check has run.
 */
export async function readUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  const state: UploadState = { file: null, problem: null };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every file part must be read to the end, or the parser waits for ever.
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && state.file === null) {
          state.file = { fileName: part.filename, mimeType: part.mimetype, content };
        }
      } else if (
        fieldNames.has(part.fieldname) &&
        typeof part.value === 'string' &&
        !(part.fieldname in fields)
      ) {
        fields[part.fieldname] = part.value;
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
