// What an integrator writes against the types openapi-typescript generates from the
// Retrac and Reten documents; .ci/steps/45-typescript.sh type-checks it with --strict.
// A line under `@ts-expect-error` must fail to type-check, so each one proves that the
// generated types refuse something the wire never carries.
//
// Not asserted yet: that one status admits only its own codes. Every per-status response
// of these documents points at the shared envelope, so a 429 body still types with
// `code: "not_found"` (issue 13, item 1). Once responses are exact per status, add
// `@ts-expect-error` lines for a code of another status.

import type { components as Retrac } from "./.types/retrac";
import type { components as Reten } from "./.types/reten";

type RetracTooMany = Retrac["responses"]["RetracError429"];
type RetracTooManyBody = RetracTooMany["content"]["application/json"];

// Narrowing a 429 body on its code: only catalog codes are comparable.
export function retryDelay(response: RetracTooMany): number | undefined {
  const body: RetracTooManyBody = response.content["application/json"];
  switch (body.code) {
    case "rate_limit_exceeded":
      // The header is required and numeric for this status.
      return response.headers["Retry-After"];
    // @ts-expect-error "too_many_requests" is not a Retrac code.
    case "too_many_requests":
      return 1;
    default:
      return undefined;
  }
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
