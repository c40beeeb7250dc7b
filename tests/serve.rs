//! The example server's router started on a free port and asked over real HTTP/1.1
//! connections: every Retrac code answers its seed status, 429 carries `Retry-After`,
//! Reten bodies are JSON-equal to the seed page's examples.
#![cfg(feature = "axum")]

mod common;

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};

/// Starts `errcat_seeds::serve::router()` on 127.0.0.1 at a free port, on its own thread.
fn start_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = listener.local_addr().expect("bound address");
    listener
        .set_nonblocking(true)
        .expect("non-blocking listener");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
            axum::serve(listener, errcat_seeds::serve::router())
                .await
                .expect("server runs");
        });
    });
    address
}

/// A response: status, headers (names in lower case) and body.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// `GET path` over a fresh HTTP/1.1 connection that the server closes after answering.
fn get(address: SocketAddr, path: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("connects");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("request sent");
    let mut raw = String::new();
    stream.read_to_string(&mut raw).expect("response read");
    let (head, body) = raw.split_once("\r\n\r\n").expect("head and body");
    let mut lines = head.lines();
    let status_line = lines.next().expect("status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

#[test]
fn the_server_answers_every_error_like_the_docs() {
    let address = start_server();
    let index = get(address, "/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("/retrac/rate_limit_exceeded"));

    // The Retrac page's codes and statuses.
    let seed = [
        ("bad_request", 400),
        ("unauthorized", 401),
        ("forbidden", 403),
        ("exceeded_limit", 403),
        ("invite_pending", 409),
        ("not_found", 404),
        ("conflict", 409),
        ("invite_expired", 410),
        ("unprocessable_entity", 422),
        ("rate_limit_exceeded", 429),
        ("internal_server_error", 500),
    ];
    let retrac = common::catalog("catalog", "retrac");
    assert_eq!(seed.len(), retrac.errors.len());
    for (code, status) in seed {
        let response = get(address, &format!("/retrac/{code}"));
        assert_eq!(response.status, status, "{code}");
        assert_eq!(response.header("content-type"), Some("application/json"));
        let def = retrac
            .errors
            .iter()
            .find(|e| e.code == code)
            .expect("in catalog");
        let expected = errcat_codegen::wire::example_body(&retrac, def);
        assert_eq!(response.json(), expected, "{code}");
        // Retrac's page gives no delay, so the example server sends no Retry-After.
        assert_eq!(response.header("retry-after"), None, "{code}");
    }
}

#[test]
fn reten_answers_the_seed_examples() {
    let address = start_server();
    let seed = [
        (
            "unauthorized",
            401,
            json!({"statusCode": 401, "error": "Unauthorized", "message": "API key missing or invalid"}),
        ),
        (
            "forbidden",
            403,
            json!({"statusCode": 403, "error": "Forbidden", "message": "Insufficient permissions"}),
        ),
        (
            "conflict",
            409,
            json!({"statusCode": 409, "error": "Conflict", "message": "Activity already has a result"}),
        ),
        (
            "bad_request",
            400,
            json!({"statusCode": 400, "error": "Bad Request", "message": "task_result.result must be a valid result type code"}),
        ),
    ];
    for (code, status, body) in seed {
        let response = get(address, &format!("/reten/{code}"));
        assert_eq!(response.status, status, "{code}");
        assert_eq!(response.json(), body, "{code}");
    }
    assert_eq!(get(address, "/reten/no_such_code").status, 404);
    assert_eq!(get(address, "/nowhere/at_all").status, 404);
}
