// What a client of the `operations` body case writes against the types openapi-typescript
// generates from its document: each operation's error response of a status admits only
// the codes that operation returns with it. .ci/steps/45-typescript.sh type-checks this
// file with --strict; a line under `@ts-expect-error` must fail to type-check.

import type { components, paths } from "./.types/bodies/operations";

type CreateInvite = paths["/invites"]["post"]["responses"];
type CreateInvite400 = CreateInvite[400]["content"]["application/json"];
type AcceptInvite404 =
  paths["/invites/{id}/accept"]["post"]["responses"][404]["content"]["application/json"];

// create_invite returns email_invalid with 400, and no other 400 code of the catalog.
export const invalidEmail: CreateInvite400 = {
  code: "email_invalid",
  message: "The email address cannot receive mail.",
};
// @ts-expect-error legacy_token is a 400 of the catalog, but create_invite does not return it.
export const legacy: CreateInvite400 = { code: "legacy_token", message: "x" };

// accept_invite returns not_found; create_invite has no 404 response at all.
export const missing: AcceptInvite404 = { code: "not_found", message: "No invite has this id." };
// @ts-expect-error create_invite declares no 404 response.
export type NoSuchResponse = CreateInvite[404];

// The errors every operation returns are in each one's responses.
export const unauthorized: CreateInvite[401]["content"]["application/json"] = {
  code: "unauthorized",
  message: "The API key is missing or invalid.",
};

// An operation without a route still has its named responses.
type ResendAll429 =
  components["responses"]["OperationsResendAllError429"]["content"]["application/json"];
export const limited: ResendAll429 = { code: "rate_limited", message: "Too many requests." };
