//! `trame`: starts the server. Everything else is in the library.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = server::Config::parse();
    server::init_logging(config.log_format);
    match &config.command {
        Some(server::config::Task::Backup { to }) => finish(
            server::backup::backup(&config, to)
                .await
                .map(|()| format!("backup written to {}", to.display())),
        ),
        Some(server::config::Task::Restore { from }) => {
            finish(server::backup::restore(&config, from).await)
        }
        None => serve(config).await,
    }
}

/// The end of a backup or a restore: what was done, or why nothing was.
fn finish(result: Result<String, server::backup::BackupError>) -> std::process::ExitCode {
    match result {
        Ok(report) => {
            println!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(config: server::Config) -> std::process::ExitCode {
    match server::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "Trame stopped");
            eprintln!("Trame could not start or stopped: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
