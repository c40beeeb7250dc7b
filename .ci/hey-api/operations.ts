// What a client of the `operations` body case writes against the types
// @hey-api/openapi-ts generates from its document's own paths (3.1 and 3.0; see
// openapi-ts.config.mjs): `CreateInviteError` is every error `POST /invites` can return,
// and no other. .ci/steps/46-hey-api.sh type-checks this file with --strict; a line under
// `@ts-expect-error` must fail to type-check.

import type * as Routes from "./.types/operations-routes";
import type * as Routes30 from "./.types/operations-routes-3.0";

// create_invite's 400 is email_invalid alone: legacy_token, a 400 of the catalog that
// no operation returns, is refused.
export const invalid: Routes.CreateInviteErrors[400] = {
  code: "email_invalid",
  message: "The email address cannot receive mail.",
};
// @ts-expect-error legacy_token is a 400 create_invite does not return.
export const legacy: Routes.CreateInviteErrors[400] = { code: "legacy_token", message: "x" };
// @ts-expect-error the same in the 3.0 document's types.
export const legacy30: Routes30.CreateInviteErrors[400] = { code: "legacy_token", message: "x" };

// The union of an operation's errors holds its own codes and those every operation
// returns, and nothing else.
export function describe(error: Routes.AcceptInviteError): string {
  switch (error.code) {
    case "not_found":
    case "invite_expired":
    case "unauthorized":
    case "rate_limited":
      return error.message;
    // @ts-expect-error accept_invite never returns email_invalid.
    case "email_invalid":
      return "";
  }
}

// @ts-expect-error create_invite has no 404 response.
export type NoSuchStatus = Routes.CreateInviteErrors[404];
