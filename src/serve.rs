//! An axum router that answers every error of both catalogs the way a real handler
//! would: `GET /{catalog}/{code}` returns that error, with the catalog's example
//! parameter values, through the generated `IntoResponse`. `GET /` lists the URLs.
//! `examples/serve.rs` serves it; tests start it on a free port.

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::{reten, retrac};

/// The router: `GET /`, `GET /retrac/{code}` and `GET /reten/{code}`.
pub fn router() -> Router {
    Router::new()
        .route("/", get(index))
        .route("/retrac/{code}", get(retrac_error))
        .route("/reten/{code}", get(reten_error))
}

/// Every URL this server answers, one a line.
async fn index() -> String {
    let retrac = retrac::Code::ALL.iter().map(|c| format!("/retrac/{c}\n"));
    let reten = reten::Code::ALL.iter().map(|c| format!("/reten/{c}\n"));
    retrac.chain(reten).collect()
}

/// A handler of the Retrac API that fails with the error named in the path.
async fn retrac_error(Path(code): Path<String>) -> Response {
    match code.parse() {
        Ok(code) => fail::<retrac::Error>(retrac::Error::example(code)).into_response(),
        Err(_) => unknown(&code),
    }
}

/// A handler of the Reten API that fails with the error named in the path.
async fn reten_error(Path(code): Path<String>) -> Response {
    match code.parse() {
        Ok(code) => fail::<reten::Error>(reten::Error::example(code)).into_response(),
        Err(_) => unknown(&code),
    }
}

/// What a real handler does: return its error; the generated glue makes the response.
fn fail<E>(error: E) -> Result<(), E> {
    Err(error)
}

fn unknown(code: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        format!("no error has code `{code}`\n"),
    )
        .into_response()
}
