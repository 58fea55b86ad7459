// Writes (--write) or checks (--check) the server settings that
// package.json contributes against `copydesk config-schema`.
//
//   node scripts/settings-schema.js --check [--server PATH]
//
// Needs `npm run build` first (it uses out/src/schema.js).
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { serverPath } = require("./server-path");

function main() {
  const argv = process.argv.slice(2);
  const mode = argv.includes("--write") ? "write" : argv.includes("--check") ? "check" : undefined;
  if (mode === undefined) {
    console.error("usage: settings-schema.js --write|--check [--server PATH]");
    return 2;
  }
  let schemaLib;
  try {
    schemaLib = require("../out/src/schema.js");
  } catch {
    console.error("settings-schema: out/src/schema.js is missing; run `npm run build` first");
    return 2;
  }
  const server = serverPath(argv);
  if (server === undefined || !fs.existsSync(server)) {
    console.error(
      `settings-schema: no copydesk binary (${server ?? "none given"}); build it with \`cargo build\` ` +
        "or pass --server PATH / set COPYDESK_SERVER",
    );
    return 2;
  }
  const schema = JSON.parse(execFileSync(server, ["config-schema"], { encoding: "utf8" }));
  const section = schemaLib.contributedSection(schema);
  const pkgPath = path.join(__dirname, "..", "package.json");
  const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"));
  if (mode === "write") {
    fs.writeFileSync(pkgPath, JSON.stringify(schemaLib.withSection(pkg, section), null, 2) + "\n");
    console.log(`settings-schema: wrote ${Object.keys(section.properties).length} server settings from ${server} into package.json`);
    return 0;
  }
  const diff = schemaLib.sectionDiff(section, schemaLib.findSection(pkg));
  if (diff.length > 0) {
    console.error(`settings-schema: package.json does not match \`${server} config-schema\`:`);
    for (const d of diff) console.error(`  - ${d}`);
    console.error("Fix: cd editors/vscode && npm ci && npm run schema:write (with the new server built), then commit package.json.");
    return 1;
  }
  console.log(`settings-schema: package.json matches the server's ${Object.keys(section.properties).length} settings`);
  return 0;
}

process.exitCode = main();
