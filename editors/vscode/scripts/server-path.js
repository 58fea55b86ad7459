// Where the scripts find the copydesk binary: --server PATH, $COPYDESK_SERVER,
// or the workspace's own cargo build (debug, then release).
const fs = require("node:fs");
const path = require("node:path");

function serverPath(argv) {
  const i = argv.indexOf("--server");
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]);
  if (process.env.COPYDESK_SERVER) return path.resolve(process.env.COPYDESK_SERVER);
  const exe = process.platform === "win32" ? "copydesk.exe" : "copydesk";
  const root = path.resolve(__dirname, "..", "..", "..");
  for (const profile of ["debug", "release"]) {
    const p = path.join(root, "target", profile, exe);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

module.exports = { serverPath };
