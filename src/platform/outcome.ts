// What a service answers when a change may be refused: the value, or the HTTP status that fits
// and every problem named by field, so pages and APIs can say exactly what is wrong.

export interface Problem {
  name: string;
  reason: string;
}

export type RefusalStatus = 403 | 404 | 409 | 422;

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; status: RefusalStatus; problems: Problem[] };

export const refuse = <T>(status: RefusalStatus, problems: Problem[]): Outcome<T> => ({
  ok: false,
  status,
  problems,
});
