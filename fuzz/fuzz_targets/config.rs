//! The settings file and the entities file parsers on arbitrary text:
//! errors, never panics; error spans lie inside the text.
#![no_main]

use copydesk::config;
use copydesk::entities::kb;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = config::from_toml_str(text, "copydesk.toml");
    if loaded.errors.is_empty() {
        // Whatever loads also survives a round trip through the editor path.
        let v = serde_json::to_value(&loaded.settings).expect("settings serialise");
        let again = config::from_value(v, "editor");
        assert!(again.errors.is_empty(), "{:?}", again.errors);
    }
    let (base, errors) = kb::parse(text, false);
    for e in &errors {
        assert!(e.span.start <= text.len() && e.span.end <= text.len(), "{e:?}");
    }
    let _ = copydesk::analysis::Context::with_knowledge(kb::KnowledgeBase::with_workspace(base));
});
