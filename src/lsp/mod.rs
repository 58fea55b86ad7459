//! The language server: a thin translation between LSP and [`crate::analysis`].
//!
//! Nothing below `crate::analysis` knows this module exists. Spans become
//! LSP positions in [`convert`], in the encoding negotiated at `initialize`.

mod convert;
mod server;
mod state;

pub use server::Backend;

use tower_lsp_server::{LspService, Server};

/// Serves LSP over stdin/stdout until the client exits. Returns the process
/// exit code: 0 after a clean `shutdown`, 1 otherwise (as the protocol asks).
pub fn serve() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("copydesk: cannot start the async runtime: {e}");
            return 1;
        }
    };
    let clean = runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        let stdin = tokio::io::stdin();
        let stdout = tokio::io::stdout();
        let backend = service.inner().clone();
        Server::new(stdin, stdout, socket).serve(service).await;
        server::was_shut_down(&backend)
    });
    // Background work (indexing, debounced analyses) is abandoned on exit.
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    if clean { 0 } else { 1 }
}
