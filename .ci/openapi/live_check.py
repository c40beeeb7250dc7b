"""Live check: every error the example server answers validates against the generated
OpenAPI documents (status, headers, body) with openapi-core.

The generated documents have no paths (they are components for a service to merge), so
this script gives each document one path per code, `GET /{catalog}/{code}`, answering
with the response the document itself lists the code under (`x-errors`). It also checks
that the server and the document know the same codes, that each live body equals the
document's named example for its code (the server sends the example values), and that a
response of one status carrying the live body of a code of another status (a 429 with a
404 code) is refused: each status's schema admits exactly its own codes.

Usage: live_check.py BASE_URL DOCUMENT...
"""

import copy
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse


def fetch(url):
    """Status, headers and body of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as reply:
        return reply.code, dict(reply.headers), reply.read()


def load(path):
    text = Path(path).read_text(encoding="utf-8")
    return json.loads(text) if path.endswith(".json") else yaml.safe_load(text)


def codes_by_response(document):
    """(response name, code) for every code the document lists, in document order."""
    for name, response in document["components"]["responses"].items():
        for code in response["x-errors"]:
            yield name, code


def with_paths(document, catalog, base_url):
    """The document with a server and one GET path per code."""
    out = copy.deepcopy(document)
    out["servers"] = [{"url": base_url}]
    paths = {}
    for name, code in codes_by_response(document):
        status = name[-3:]  # response names end with their status: RetracError404
        paths[f"/{catalog}/{code}"] = {"get": {
            "operationId": f"{catalog}_{code}",
            "responses": {status: {"$ref": f"#/components/responses/{name}"}},
        }}
    out["paths"] = paths
    return out


def check_document(path, base_url, served):
    """Validates every code of one document against the live server; returns problems."""
    catalog = Path(path).name.split(".")[0]
    document = load(path)
    config = Config(extra_media_type_deserializers={
        "application/problem+json": lambda data: json.loads(data),
    })
    spec = OpenAPI.from_dict(with_paths(document, catalog, base_url), config=config)
    problems = []
    known = {f"/{catalog}/{code}" for _, code in codes_by_response(document)}
    live = {url for url in served if url.startswith(f"/{catalog}/")}
    if known != live:
        problems.append(f"{path}: codes differ from the server's: "
                        f"only in document {sorted(known - live)}, only served {sorted(live - known)}")
    live_bodies = {}
    for name, code in codes_by_response(document):
        url = f"/{catalog}/{code}"
        status, headers, body = fetch(base_url + url)
        live_bodies[code] = (status, headers, body)
        content_type = headers.get("content-type", headers.get("Content-Type", ""))
        request = MockRequest(base_url, "get", url)
        response = MockResponse(body, status_code=status, headers=headers,
                                content_type=content_type)
        try:
            spec.validate_response(request, response)
        except Exception as error:  # openapi-core raises one type per kind of mismatch
            details = getattr(error, "__cause__", None) or error
            problems.append(f"{path} {url}: {error}: {details}")
            continue
        media = document["components"]["responses"][name]["content"]
        example = next(iter(media.values()))["examples"][code]["value"]
        if json.loads(body) != example:
            problems.append(f"{path} {url}: live body differs from the example:\n"
                            f"  live    {body.decode()}\n  example {json.dumps(example)}")
        print(f"ok {path} GET {url} -> {status} {content_type}"
              + (f" Retry-After: {headers.get('retry-after', headers.get('Retry-After'))}"
                 if "retry-after" in {h.lower() for h in headers} else ""))
    problems += check_foreign_codes(spec, document, catalog, base_url, live_bodies, path)
    return problems


def check_foreign_codes(spec, document, catalog, base_url, live_bodies, path):
    """Each code's response refuses the live body of a code of another status."""
    problems = []
    refused = 0
    for name, code in codes_by_response(document):
        status = int(name[-3:])
        for other, (other_status, headers, body) in live_bodies.items():
            if other_status == status:
                continue
            request = MockRequest(base_url, "get", f"/{catalog}/{code}")
            content_type = headers.get("content-type", headers.get("Content-Type", ""))
            # The other code's body under this code's status (and its headers, so
            # that only the body can be what fails).
            own_headers = live_bodies[code][1]
            response = MockResponse(body, status_code=status, headers=own_headers,
                                    content_type=content_type)
            try:
                spec.validate_response(request, response)
            except Exception:
                refused += 1
                continue
            problems.append(f"{path}: a {status} response accepts the body of {other} ({other_status})")
            break
    print(f"ok {path}: {refused} bodies of codes of other statuses refused")
    return problems


def main(base_url, documents):
    status, _, index = fetch(base_url + "/")
    if status != 200:
        sys.exit(f"GET / answered {status}")
    served = [line for line in index.decode().splitlines() if line]
    problems = []
    for path in documents:
        problems += check_document(path, base_url, served)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} live responses do not match their documents")
    print(f"every live response matches: {len(documents)} documents, {len(served)} codes served")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1].rstrip("/"), sys.argv[2:])
