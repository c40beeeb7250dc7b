//! A client of the Invites service over real HTTP: each error response carries the
//! status and body the catalog gives, and reads back with the operation's error type;
//! a body of another operation's code is refused by it, and read by `Received`.

use errcat_example_invites::errors::invites::{
    AcceptInviteError, CreateInviteError, ForOperation, Received,
};
use errcat_example_invites::service::{self, API_KEY, Service};
use serde_json::Value as Json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Serves the routes on a free local port; its address.
async fn serve(service: Service) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        axum::serve(listener, service::router(service))
            .await
            .expect("serves");
    });
    address
}

/// One HTTP/1.1 POST with a JSON body; the status and body of the response.
async fn post(
    address: std::net::SocketAddr,
    path: &str,
    key: Option<&str>,
    body: &str,
) -> (u16, Json) {
    let mut stream = TcpStream::connect(address).await.expect("connects");
    let authorization = key
        .map(|k| format!("authorization: Bearer {k}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "POST {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\ncontent-type: application/json\r\n{authorization}content-length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("sends");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("reads");
    let status = response[9..12].parse().expect("a status line");
    let (head, payload) = response.split_once("\r\n\r\n").expect("a head and a body");
    assert!(
        status < 400
            || head
                .to_ascii_lowercase()
                .contains("content-type: application/json"),
        "{head}"
    );
    (status, serde_json::from_str(payload).unwrap_or(Json::Null))
}

#[tokio::test]
async fn each_error_reads_back_as_its_operations_error() {
    let service = Service::default();
    let expired = service.add_expired("late@example.com").await;
    let address = serve(service).await;

    let (status, body) = post(address, "/invites", Some(API_KEY), r#"{"email": "nobody"}"#).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        serde_json::json!({"code": "email_invalid", "message": "nobody is not an email address", "email": "nobody"})
    );
    let error = CreateInviteError::from_json(&body).expect("a create_invite error");
    assert_eq!(
        error,
        CreateInviteError::EmailInvalid {
            email: "nobody".to_owned()
        }
    );
    assert_eq!(error.status(), status);

    let invite = r#"{"email": "someone@example.com"}"#;
    let (created, _) = post(address, "/invites", Some(API_KEY), invite).await;
    assert_eq!(created, 201);
    let (status, body) = post(address, "/invites", Some(API_KEY), invite).await;
    assert_eq!(status, 409);
    let pending = CreateInviteError::from_json(&body).expect("a create_invite error");
    assert_eq!(
        pending.to_string(),
        "someone@example.com has a pending invite already"
    );

    let (status, body) = post(address, "/invites", None, invite).await;
    assert_eq!(
        (status, CreateInviteError::from_json(&body)),
        (401, Ok(CreateInviteError::Unauthorized))
    );

    let (status, body) = post(
        address,
        &format!("/invites/{expired}/accept"),
        Some(API_KEY),
        "",
    )
    .await;
    assert_eq!(status, 410);
    assert_eq!(
        AcceptInviteError::from_json(&body),
        Ok(AcceptInviteError::InviteExpired)
    );

    let (status, body) = post(address, "/invites/999/accept", Some(API_KEY), "").await;
    assert_eq!(status, 404);
    assert_eq!(
        AcceptInviteError::from_json(&body),
        Ok(AcceptInviteError::NotFound)
    );
    // create_invite never returns not_found: its type refuses the body, and its
    // fallback keeps it as received.
    assert!(CreateInviteError::from_json(&body).is_err());
    match CreateInviteError::received(&body).expect("any body reads") {
        ForOperation::Other(Received::Known(reply)) => assert_eq!(reply.error.code(), "not_found"),
        other => panic!("not_found is another operation's error: {other:?}"),
    }
}

#[test]
fn a_code_added_after_this_build_is_kept_whole() {
    let body =
        serde_json::json!({"code": "invite_limit_reached", "message": "Too many invites today."});
    assert!(CreateInviteError::from_json(&body).is_err());
    match CreateInviteError::received(&body).expect("any body reads") {
        ForOperation::Other(Received::Unknown {
            code, body: kept, ..
        }) => {
            assert_eq!(code.as_deref(), Some("invite_limit_reached"));
            assert_eq!(kept, body);
        }
        other => panic!("an unknown code: {other:?}"),
    }
    let own =
        serde_json::json!({"code": "unauthorized", "message": "The request has no valid API key."});
    assert_eq!(
        CreateInviteError::received(&own),
        Ok(ForOperation::Returned(CreateInviteError::Unauthorized))
    );
}
