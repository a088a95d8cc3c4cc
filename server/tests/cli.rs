//! The binary's backup and restore commands: a refusal is a clear message on stderr and a
//! non-zero exit, with nothing written.

use std::process::Command;

fn server(args: &[&str], folder: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("TRAME_DATA_DIR", folder.join("data"))
        .env("TRAME_ADDR", "127.0.0.1:1")
        .env_remove("TRAME_DATABASE_URL")
        .output()
        .expect("the binary runs")
}

#[test]
fn refused_backups_and_restores_exit_with_a_message() {
    let folder = std::env::temp_dir().join(format!("trame_cli_{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();

    let unwritable = folder.join("missing").join("copy.db");
    let output = server(
        &["backup", "--to", &unwritable.display().to_string()],
        &folder,
    );
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("error: cannot write a file in"),
        "{message}"
    );

    let text = folder.join("notes.txt");
    std::fs::write(&text, "not a backup").unwrap();
    let output = server(&["restore", "--from", &text.display().to_string()], &folder);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("is not a Trame backup"), "{message}");
    assert!(!folder.join("data").exists(), "nothing was written");

    std::fs::remove_dir_all(&folder).unwrap();
}
