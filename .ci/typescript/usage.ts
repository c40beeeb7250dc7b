// What an integrator writes against the types openapi-typescript generates from the
// Retrac and Reten documents; .ci/steps/45-typescript.sh type-checks it with --strict.
// A line under `@ts-expect-error` must fail to type-check, so each one proves that the
// generated types refuse something the wire never carries.
//
// Each status admits exactly its own codes: a 429 body cannot carry a 404 code, and a
// 403 body narrows to its two codes.

import type { components as Retrac } from "./.types/retrac";
import type { components as Reten } from "./.types/reten";

type RetracTooMany = Retrac["responses"]["RetracError429"];
type RetracTooManyBody = RetracTooMany["content"]["application/json"];

// Narrowing a 429 body on its code: only catalog codes are comparable.
export function limitMessage(response: RetracTooMany): string | undefined {
  const body: RetracTooManyBody = response.content["application/json"];
  switch (body.code) {
    case "rate_limit_exceeded":
      return body.message;
    // @ts-expect-error "too_many_requests" is not a Retrac code.
    case "too_many_requests":
      return "";
    default:
      return undefined;
  }
}

// Retrac's page states no Retry-After, so its document declares no such header: a
// client cannot read one as a number of seconds.
export function noStatedDelay(response: RetracTooMany): number {
  // @ts-expect-error the 429 response declares no Retry-After header.
  const delay: number = response.headers["Retry-After"];
  return delay;
}

// The code enum is closed and the message is required.
export const limited: RetracTooManyBody = {
  code: "rate_limit_exceeded",
  message: "slow down",
};
// @ts-expect-error a code outside the catalog.
export const unknownCode: RetracTooManyBody = { code: "rate_limited", message: "x" };
// @ts-expect-error the message is required.
export const noMessage: RetracTooManyBody = { code: "rate_limit_exceeded" };
// @ts-expect-error a code of another status (404) in a 429 body.
export const foreign: RetracTooManyBody = { code: "not_found", message: "x" };

type RetracForbiddenBody = Retrac["responses"]["RetracError403"]["content"]["application/json"];

// A 403 is one of its two codes; each narrows to its own type.
export function isPlanLimit(body: RetracForbiddenBody): boolean {
  switch (body.code) {
    case "exceeded_limit":
      return true;
    case "forbidden":
      return false;
    // @ts-expect-error `not_found` is a 404 code, never a 403's.
    case "not_found":
      return false;
  }
}

// @ts-expect-error the envelope refuses members it does not name.
export const extra: RetracTooManyBody = { code: "rate_limit_exceeded", message: "x", hint: "y" };

type RetenNotFound = Reten["responses"]["RetenError404"]["content"]["application/json"];

// Reten bodies carry the status and the title instead of a code: both are closed.
export function isMissing(body: RetenNotFound): boolean {
  switch (body.statusCode) {
    case 404:
      return body.error === "Not Found";
    // @ts-expect-error 418 is no status of the catalog.
    case 418:
      return false;
    default:
      return false;
  }
}

// @ts-expect-error a title outside the catalog.
export const teapot: RetenNotFound = { statusCode: 404, error: "Teapot", message: "x" };
