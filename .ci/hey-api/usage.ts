// What an integrator writes against the types @hey-api/openapi-ts generates from the
// Retrac and Reten documents (3.1 and 3.0); .ci/steps/46-hey-api.sh type-checks it with
// --strict. `Retrac429Error` is the error type of an operation answering 429 with the
// component `RetracError429` (see openapi-ts.config.mjs). A line under
// `@ts-expect-error` must fail to type-check: each one proves that a status's type admits
// only its own codes, or refuses something else the wire never carries.

import type * as Retrac from "./.types/retrac";
import type * as Retrac30 from "./.types/retrac-3.0";
import type * as Reten from "./.types/reten";
import type * as Reten30 from "./.types/reten-3.0";
import type * as Alt from "./.types/retrac-per-status-enum";
import { RetracErrorCode } from "./.types/retrac";

// A 429 admits only rate_limit_exceeded, with its message.
export const limited: Retrac.Retrac429Error = { code: "rate_limit_exceeded", message: "slow down" };
// @ts-expect-error a 404 code in a 429 body.
export const foreign: Retrac.Retrac429Error = { code: "not_found", message: "x" };
// @ts-expect-error the same in the 3.0 document's types.
export const foreign30: Retrac30.Retrac429Error = { code: "not_found", message: "x" };
// @ts-expect-error a code outside the catalog.
export const unknownCode: Retrac.Retrac429Error = { code: "rate_limited", message: "x" };
// @ts-expect-error the message is required.
export const noMessage: Retrac.Retrac429Error = { code: "rate_limit_exceeded" };
// @ts-expect-error the body refuses members it does not name.
export const extra: Retrac.Retrac429Error = { code: "rate_limit_exceeded", message: "x", hint: "y" };

// The error of a 429 operation is the code's own schema, by name.
export const sameType: Retrac.RetracRateLimitExceededError = limited;

// A 403 is one of its two codes; each narrows to its own per-code type.
export function isPlanLimit(body: Retrac.Retrac403Error): boolean {
  switch (body.code) {
    case "exceeded_limit": {
      const own: Retrac.RetracExceededLimitError = body;
      return own.code === "exceeded_limit";
    }
    case "forbidden": {
      const own: Retrac.RetracForbiddenError = body;
      return own.code !== "forbidden";
    }
    // @ts-expect-error `not_found` is a 404 code, never a 403's.
    case "not_found":
      return false;
  }
}
// @ts-expect-error a 409 code in a 403 body.
export const conflict403: Retrac30.Retrac403Error = { code: "conflict", message: "x" };

// A 409 is invite_pending or conflict, and nothing else.
export const pending: Retrac.Retrac409Error = { code: "invite_pending", message: "x" };
// @ts-expect-error a 403 code in a 409 body.
export const forbidden409: Retrac.Retrac409Error = { code: "forbidden", message: "x" };

// The code enum carries its members, the Rust names upper-cased by hey-api.
export const code: RetracErrorCode = RetracErrorCode.RATE_LIMIT_EXCEEDED;
export const codeOfBody: Retrac.RetracError["code"] = "rate_limit_exceeded";

// Reten bodies carry the status and the title instead of a code: both are pinned.
export function isMissing(body: Reten.Reten404Error): boolean {
  switch (body.statusCode) {
    case 404:
      return body.error === "Not Found";
    // @ts-expect-error 403 is another status's.
    case 403:
      return false;
  }
}
// @ts-expect-error a title of another status (403) in a 404 body.
export const teapot: Reten.Reten404Error = { statusCode: 404, error: "Forbidden", message: "x" };
// @ts-expect-error a 404 body in a 409 response (3.0).
export const notFound409: Reten30.Reten409Error = { statusCode: 404, error: "Not Found", message: "x" };
export const conflict: Reten30.Reten409Error = { statusCode: 409, error: "Conflict", message: "x" };

// The alternative the documents do not take, one schema per status whose code is an enum
// of the status's codes (the job `retrac-per-status-enum`): a status still refuses the
// codes of others, but its body is one type, so narrowing on the code reaches no per-code
// type (and no per-code title or description).
// @ts-expect-error a 404 code in a 429 body, refused by that form too.
export const altForeign: Alt.Alt429Error = { code: "not_found", message: "x" };
export function altPlanLimit(body: Alt.Alt403Error): boolean {
  if (body.code === "exceeded_limit") {
    // @ts-expect-error the narrowed body is still the status's type, not the code's.
    const own: Alt.RetracExceededLimitError = body;
    return own.code === "exceeded_limit";
  }
  return false;
}
