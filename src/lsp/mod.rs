//! The language server: a thin translation between LSP and [`crate::analysis`].
//!
//! Nothing below `crate::analysis` knows this module exists. Spans become
//! LSP positions in [`convert`], in the encoding negotiated at `initialize`.

mod backend;
mod convert;
mod features;
mod index;
mod server;
mod state;
mod transport;
mod vocabulary;
mod words;

pub use backend::Backend;

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
        let (service, socket) = LspService::build(Backend::new)
            .custom_method("copydesk/entities", Backend::custom_entities)
            .finish();
        let backend = service.inner().clone();
        let (to_server, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, from_server) = tokio::io::duplex(1 << 16);
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let filter = tokio::spawn(transport::filter_input(
            tokio::io::stdin(),
            to_server,
            tx.clone(),
        ));
        let pump = tokio::spawn(transport::pump_output(from_server, tx));
        let writer = tokio::spawn(transport::write_output(tokio::io::stdout(), rx));
        Server::new(server_in, server_out, socket)
            .serve(service)
            .await;
        // Flush what the server wrote last (the shutdown reply) before exit.
        let grace = std::time::Duration::from_millis(500);
        let _ = tokio::time::timeout(grace, pump).await;
        filter.abort();
        let _ = tokio::time::timeout(grace, writer).await;
        backend::was_shut_down(&backend)
    });
    // Background work (indexing, debounced analyses) is abandoned on exit.
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    if clean { 0 } else { 1 }
}
