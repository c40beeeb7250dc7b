//! A small HTTP server answering every error of the Retrac and Reten APIs, built on the
//! generated types: `GET /{catalog}/{code}` answers that error as a real handler would,
//! with the catalog's example parameter values; `GET /` answers 200 with the list of URLs.
//!
//! Run: `cargo run --example serve -- --port 8080` (listens on 127.0.0.1:8080).

use std::net::{Ipv4Addr, SocketAddr};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let port = match port_from_args(std::env::args().skip(1)) {
        Ok(port) => port,
        Err(message) => {
            eprintln!("{message}\nusage: serve [--port N]");
            std::process::exit(2);
        }
    };
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = tokio::net::TcpListener::bind(address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, errcat_seeds::serve::router()).await
}

/// The port of `--port N` or `--port=N`; 8080 when not given.
fn port_from_args(mut args: impl Iterator<Item = String>) -> Result<u16, String> {
    let mut port = 8080;
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--port") {
            Some("") => args.next().ok_or("--port needs a value")?,
            Some(rest) if rest.starts_with('=') => rest[1..].to_owned(),
            _ => return Err(format!("unknown argument `{arg}`")),
        };
        port = value
            .parse()
            .map_err(|_| format!("`{value}` is not a port number"))?;
    }
    Ok(port)
}
