//! `trame`: starts the server. Everything else is in the library.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = server::Config::parse();
    server::init_logging(config.log_format);
    match server::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "Trame stopped");
            eprintln!("Trame could not start or stopped: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
