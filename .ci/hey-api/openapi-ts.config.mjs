// @hey-api/openapi-ts configuration for .ci/steps/46-hey-api.sh (run from the repository
// root). hey-api types operations, not components.responses, so each generated document
// is given, in memory, one `GET /<status>` operation per response it lists (a class such
// as `5XX` too; operationId
// `<name><status>`, e.g. `retrac429`), whose only response is that component: the types
// `Retrac429Errors` and `Retrac429Error` are then what a client sees for that status.
// Every 3.1 and 3.0 document of generated/ and of the body cases is one job; the types go
// to .ci/hey-api/.types/<name>[-3.0]/ and, for body cases, .types/bodies/.
//
// One more job, `retrac-per-status-enum`, types the alternative the documents do not
// take (one schema per status, its code an `enum` of the status's codes) so that the
// two forms can be compared (docs/openapi.md).
import { readFileSync, readdirSync, existsSync } from "node:fs";

const TYPES = ".ci/hey-api/.types";

function camel(name) {
  return name.replace(/(^|[_-])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

// The document with one operation per response component.
function withOperations(doc, name) {
  const paths = {};
  for (const response of Object.keys(doc.components?.responses ?? {})) {
    // A status, or a class of them (`5XX`) for errors sent with any of it.
    const status = response.match(/(\d{3}|[1-5]XX)$/)?.[1];
    if (!status) throw new Error(`${name}: response ${response} names no status`);
    paths[`/${status}`] = {
      get: {
        operationId: `${name}${status}`,
        responses: { [status]: { $ref: `#/components/responses/${response}` } },
      },
    };
  }
  return { ...doc, paths };
}

// The alternative form: each response's schema replaced by one object schema per status
// whose `code` is the enum of the status's codes, its other members those of its first code.
function perStatusEnum(doc) {
  const schemas = structuredClone(doc.components.schemas);
  const responses = structuredClone(doc.components.responses);
  const deref = (s) => (s.$ref ? schemas[s.$ref.split("/").pop()] : s);
  for (const [name, response] of Object.entries(responses)) {
    const media = Object.values(response.content)[0];
    const target = deref(media.schema);
    const members = target.oneOf ? target.oneOf.map(deref) : [target];
    const first = structuredClone(members[0]);
    // A title names one code: only a status of a single code keeps it.
    if (members.length > 1) first.title = undefined;
    first.description = target.description ?? response.description;
    first.properties.code = {
      ...first.properties.code,
      enum: members.map((m) => m.properties.code.enum[0]),
    };
    const alt = `${name}Body`;
    schemas[alt] = JSON.parse(JSON.stringify(first));
    media.schema = { $ref: `#/components/schemas/${alt}` };
  }
  return { ...doc, components: { ...doc.components, schemas, responses } };
}

function job(file, name, output, transform = (d) => d) {
  const doc = transform(JSON.parse(readFileSync(file, "utf8")));
  return {
    input: withOperations(doc, name),
    output: { path: output, postProcess: [] },
    // `enums: "typescript"` makes the code enum a TypeScript enum, carrying
    // x-enum-varnames and x-enum-descriptions; the members stay string literal types.
    plugins: [{ name: "@hey-api/typescript", enums: "typescript" }],
    logs: { level: "warn" },
  };
}

const jobs = [];
for (const file of readdirSync("generated").sort()) {
  const m = file.match(/^(.*)\.openapi(-3\.0)?\.json$/);
  if (!m) continue;
  jobs.push(job(`generated/${file}`, camel(m[1]), `${TYPES}/${m[1]}${m[2] ?? ""}`));
}
if (jobs.length === 0) throw new Error("no OpenAPI documents in generated/");
for (const body of readdirSync("codegen/tests/bodies").sort()) {
  const dir = `codegen/tests/bodies/${body}/generated`;
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).sort()) {
    const m = file.match(/^(.*)\.openapi(-3\.0)?\.json$/);
    if (!m) continue;
    jobs.push(job(`${dir}/${file}`, camel(m[1]), `${TYPES}/bodies/${m[1]}${m[2] ?? ""}`));
  }
}
jobs.push(
  job("generated/retrac.openapi.json", "alt", `${TYPES}/retrac-per-status-enum`, perStatusEnum),
);
// The operations body case as its document routes it: its own paths, each operation's
// responses by status, so `CreateInviteErrors` is what hey-api gives a client of
// `POST /invites` (checked by .ci/hey-api/operations.ts).
for (const version of ["", "-3.0"]) {
  const file = `codegen/tests/bodies/operations/generated/operations.openapi${version}.json`;
  jobs.push({
    input: JSON.parse(readFileSync(file, "utf8")),
    output: { path: `${TYPES}/operations-routes${version}`, postProcess: [] },
    plugins: [{ name: "@hey-api/typescript", enums: "typescript" }],
    logs: { level: "warn" },
  });
}

export default jobs;
