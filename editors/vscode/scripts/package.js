// Packages the extension as a .vsix with @vscode/vsce.
//
//   node scripts/package.js                  → copydesk-<version>.vsix (uses copydesk.server.path or PATH)
//   node scripts/package.js --bundle [PATH]  → copydesk-<target>-<version>.vsix with the server in bin/
//
// --bundle takes the binary from PATH, --server, $COPYDESK_SERVER or the
// workspace's cargo build, and marks the package for this platform only.
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { serverPath } = require("./server-path");

const root = path.join(__dirname, "..");
const argv = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const vsce = path.join(root, "node_modules", "@vscode", "vsce", "vsce");

function run(args) {
  try {
    execFileSync(process.execPath, [vsce, ...args], { cwd: root, stdio: "inherit" });
  } catch (e) {
    console.error(`package: vsce ${args.join(" ")} failed (exit status ${e.status})`);
    return false;
  }
  return true;
}

const bundle = argv.indexOf("--bundle");
if (bundle < 0) {
  const out = `copydesk-${pkg.version}.vsix`;
  fs.rmSync(path.join(root, "bin"), { recursive: true, force: true });
  if (!run(["package", "--allow-missing-repository", "--out", out])) process.exit(1);
  console.log(`package: ${out}`);
} else {
  const given = argv[bundle + 1] && !argv[bundle + 1].startsWith("--") ? path.resolve(argv[bundle + 1]) : serverPath(argv);
  if (given === undefined || !fs.existsSync(given)) {
    console.error(`package: no server binary to bundle (${given ?? "none found"})`);
    process.exit(2);
  }
  const target = `${process.platform === "win32" ? "win32" : process.platform}-${process.arch}`;
  const exe = process.platform === "win32" ? "copydesk.exe" : "copydesk";
  const bin = path.join(root, "bin");
  fs.rmSync(bin, { recursive: true, force: true });
  fs.mkdirSync(bin);
  fs.copyFileSync(given, path.join(bin, exe));
  fs.chmodSync(path.join(bin, exe), 0o755);
  const out = `copydesk-${target}-${pkg.version}.vsix`;
  const ok = run(["package", "--allow-missing-repository", "--target", target, "--out", out]);
  fs.rmSync(bin, { recursive: true, force: true });
  if (!ok) process.exit(1);
  console.log(`package: ${out} (bundles ${given})`);
}
