//! The Invites service: `POST /invites` and `POST /invites/{id}/accept`, each handler
//! returning its operation's error type, whose axum glue sends the catalog's status and
//! body.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use crate::errors::invites::{AcceptInviteError, CreateInviteError};

/// The API key the example accepts.
pub const API_KEY: &str = "example-key";

/// What `POST /invites` takes.
#[derive(Debug, Deserialize)]
pub struct NewInvite {
    /// Whom to invite.
    pub email: String,
}

/// An invite, as both routes answer it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Invite {
    /// The invite's id.
    pub id: u64,
    /// Whom it invites.
    pub email: String,
    /// Whether it was accepted.
    pub accepted: bool,
    /// Whether it can no longer be accepted.
    pub expired: bool,
}

/// The invites, in memory.
#[derive(Debug, Default)]
struct Invites {
    next: u64,
    by_id: HashMap<u64, Invite>,
}

/// The service's state, shared by the handlers.
#[derive(Debug, Clone, Default)]
pub struct Service {
    invites: Arc<Mutex<Invites>>,
}

impl Service {
    /// Adds an invite that has expired already (for the example's client).
    pub async fn add_expired(&self, email: &str) -> u64 {
        let mut invites = self.invites.lock().await;
        invites.next += 1;
        let id = invites.next;
        let invite = Invite {
            id,
            email: email.to_owned(),
            accepted: false,
            expired: true,
        };
        invites.by_id.insert(id, invite);
        id
    }
}

/// The routes.
pub fn router(service: Service) -> Router {
    Router::new()
        .route("/invites", post(create_invite))
        .route("/invites/{id}/accept", post(accept_invite))
        .with_state(service)
}

/// Whether the request carries the API key.
fn authorized(headers: &HeaderMap) -> bool {
    let expected = format!("Bearer {API_KEY}");
    headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(expected.as_str())
}

/// `create_invite`: an email without `@` is invalid, an address invited already and not
/// yet accepted has a pending invite.
async fn create_invite(
    State(service): State<Service>,
    headers: HeaderMap,
    Json(new): Json<NewInvite>,
) -> Result<(StatusCode, Json<Invite>), CreateInviteError> {
    if !authorized(&headers) {
        return Err(CreateInviteError::Unauthorized);
    }
    if !new.email.contains('@') {
        return Err(CreateInviteError::EmailInvalid { email: new.email });
    }
    let mut invites = service.invites.lock().await;
    if invites
        .by_id
        .values()
        .any(|i| i.email == new.email && !i.accepted && !i.expired)
    {
        return Err(CreateInviteError::InvitePending { email: new.email });
    }
    invites.next += 1;
    let id = invites.next;
    let invite = Invite {
        id,
        email: new.email,
        accepted: false,
        expired: false,
    };
    invites.by_id.insert(id, invite.clone());
    Ok((StatusCode::CREATED, Json(invite)))
}

/// `accept_invite`: an unknown id is not found, an expired invite cannot be accepted.
async fn accept_invite(
    State(service): State<Service>,
    headers: HeaderMap,
    Path(id): Path<u64>,
) -> Result<Json<Invite>, AcceptInviteError> {
    if !authorized(&headers) {
        return Err(AcceptInviteError::Unauthorized);
    }
    let mut invites = service.invites.lock().await;
    let invite = invites
        .by_id
        .get_mut(&id)
        .ok_or(AcceptInviteError::NotFound)?;
    if invite.expired {
        return Err(AcceptInviteError::InviteExpired);
    }
    invite.accepted = true;
    Ok(Json(invite.clone()))
}
