//! Zed extension for copydesk: runs `copydesk serve` for Markdown and plain
//! text. Zed needs an extension to start a language server; this one only
//! finds the binary and passes the user's `lsp.copydesk` settings on.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result, Worktree};

struct Copydesk;

impl zed::Extension for Copydesk {
    fn new() -> Self {
        Copydesk
    }

    fn language_server_command(
        &mut self,
        id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<zed::Command> {
        let configured = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.binary)
            .and_then(|b| b.path);
        let command = match configured {
            Some(path) => path,
            None => worktree.which("copydesk").ok_or_else(|| {
                "copydesk was not found on PATH. Install it (cargo install --path . in the copydesk repository) \
                 or set lsp.copydesk.binary.path in Zed's settings."
                    .to_string()
            })?,
        };
        Ok(zed::Command {
            command,
            args: vec!["serve".into()],
            env: worktree.shell_env(),
        })
    }

    /// The answer to the server's `workspace/configuration`: `lsp.copydesk.settings`.
    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.settings))
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.initialization_options))
    }
}

zed::register_extension!(Copydesk);
