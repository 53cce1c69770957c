//! `dev-portal`: the reference host for Batayan's widgets.
//!
//! It stands in for a real office portal. It serves the demo pages in `www/` and the built package
//! under `/batayan/`, and implements the JSON endpoints a portal provides (see `pkg-config/api.md`), validating every write with the same `batayan-core` rules the widgets run, storing into
//! SQLite. The demo (`cargo xtask demo`) and the end-to-end tests (`cargo xtask test`) both run it.
//!
//! ```text
//! dev-portal [--host 127.0.0.1] [--port 8080] [--db var/batayan.sqlite] [--www www] [--pkg target/dist/batayan] [--office KEY]…
//! ```
//! `--port 0` takes a free port; the first line on stdout is always `listening on http://HOST:PORT/`.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use dev_portal::{Config, app};

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(problem) => {
            eprintln!("dev-portal: {problem}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dev-portal: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dev-portal: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    config: Config,
    addr: SocketAddr,
}

fn parse_args(raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut host = "127.0.0.1".to_owned();
    let mut port: u16 = 8080;
    let mut config =
        Config { db: PathBuf::from("var/batayan.sqlite"), www: PathBuf::from("www"), pkg: PathBuf::from("target/dist/batayan"), offices: Vec::new() };
    let mut raw = raw;
    while let Some(flag) = raw.next() {
        let mut value = || raw.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--host" => host = value()?,
            "--port" => port = value()?.parse().map_err(|_| "--port takes a number from 0 to 65535".to_owned())?,
            "--db" => config.db = value()?.into(),
            "--www" => config.www = value()?.into(),
            "--pkg" => config.pkg = value()?.into(),
            "--office" => {
                let office = value()?;
                batayan_core::contract::check_office_key(&office).map_err(|m| m.en)?;
                config.offices.push(office);
            }
            "-h" | "--help" => {
                return Err("usage: dev-portal [--host H] [--port P] [--db FILE] [--www DIR] [--pkg DIR] [--office KEY]…".to_owned());
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let addr = format!("{host}:{port}").parse().map_err(|_| format!("{host}:{port} is not an address"))?;
    Ok(Args { config, addr })
}

async fn serve(args: Args) -> Result<(), String> {
    let router = app(&args.config).map_err(|e| format!("cannot open {}: {e}", args.config.db.display()))?;
    let listener = tokio::net::TcpListener::bind(args.addr).await.map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    // The first stdout line is read by `cargo xtask` to learn the port; flush it at once.
    println!("listening on http://{bound}/");
    let _ = std::io::stdout().flush();
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
