// `npm start` skips the build only when dist/ was built from exactly the sources there are now
// (scripts/build-stamp.mjs). Each test works on a small project in a temporary folder, with a
// "build" that writes dist/ from the sources the way tsc would.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

import {
	buildDecision,
	buildIfNeeded,
	sourceDigest,
	stampPath,
	writeBuildStamp,
} from '../../scripts/build-stamp.mjs';

let repo;
let builds;

function write(rel, text) {
	mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
	writeFileSync(path.join(repo, rel), text);
}

/** The fake build: dist/<file>.js for every nodes/ and credentials/ .ts file. */
function build() {
	builds++;
	rmSync(path.join(repo, 'dist'), { recursive: true, force: true });
	for (const rel of [
		'nodes/A/A.node.ts',
		'nodes/shared/http.ts',
		'credentials/Api.credentials.ts',
	]) {
		let text;
		try {
			text = readFileSync(path.join(repo, rel), 'utf8');
		} catch {
			continue;
		}
		write(`dist/${rel.replace(/\.ts$/, '.js')}`, `// built\n${text}`);
	}
}

beforeEach(() => {
	repo = mkdtempSync(path.join(os.tmpdir(), 'build-stamp-'));
	builds = 0;
	write('package.json', '{ "name": "x" }\n');
	write('tsconfig.json', '{}\n');
	write('nodes/A/A.node.ts', 'export const a = 1;\n');
	write('nodes/shared/http.ts', 'export const h = 1;\n');
	write('nodes/A/a.svg', '<svg/>');
	write('credentials/Api.credentials.ts', 'export const c = 1;\n');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('the build decision of npm start', () => {
	it('builds when dist/ is missing, and when dist/ exists but no start built it', () => {
		assert.deepEqual(buildDecision(repo), { build: true, reason: 'dist/ is missing' });
		build();
		assert.deepEqual(buildDecision(repo), { build: true, reason: 'no build stamp yet' });
	});

	it('skips the second start when nothing changed, and builds once per change', () => {
		assert.equal(buildIfNeeded(repo, build).build, true);
		assert.equal(builds, 1);
		assert.deepEqual(buildIfNeeded(repo, build), {
			build: false,
			reason: 'dist/ is up to date with the sources',
		});
		assert.equal(builds, 1);
		write('nodes/shared/http.ts', 'export const h = 2;\n');
		assert.deepEqual(buildIfNeeded(repo, build), {
			build: true,
			reason: 'the sources changed since the last build',
		});
		assert.equal(builds, 2);
		assert.equal(buildIfNeeded(repo, build).build, false);
	});

	it('decides by content: a source touched without a change does not build, an edit with an old time does', () => {
		buildIfNeeded(repo, build);
		const file = path.join(repo, 'nodes/A/A.node.ts');
		const future = new Date(Date.now() + 3_600_000);
		utimesSync(file, future, future);
		assert.equal(buildDecision(repo).build, false);
		// An edit that keeps an old modification time (a checkout, a copy with -p) still builds.
		const past = new Date('2001-01-01T00:00:00Z');
		write('nodes/A/A.node.ts', 'export const a = 99;\n');
		utimesSync(file, past, past);
		assert.equal(buildDecision(repo).build, true);
	});

	it('builds for an added, a removed or a renamed source, an icon, and each settings file', () => {
		const changes = [
			() => write('nodes/B/B.node.ts', 'export const b = 1;\n'),
			() => rmSync(path.join(repo, 'nodes/shared/http.ts')),
			() => {
				rmSync(path.join(repo, 'credentials/Api.credentials.ts'));
				write('credentials/Other.credentials.ts', 'export const c = 1;\n');
			},
			() => write('nodes/A/a.svg', '<svg id="x"/>'),
			() => write('package.json', '{ "name": "x", "version": "2" }\n'),
			() => write('tsconfig.json', '{ "compilerOptions": {} }\n'),
			() => write('tsconfig.build.json', '{}\n'),
			() => write('gulpfile.js', '// new\n'),
			() => write('package-lock.json', '{}\n'),
		];
		for (const change of changes) {
			buildIfNeeded(repo, build);
			assert.equal(buildDecision(repo).build, false);
			change();
			assert.deepEqual(
				buildDecision(repo),
				{ build: true, reason: 'the sources changed since the last build' },
				String(change),
			);
		}
	});

	it('builds when dist/ was changed or emptied by anything else', () => {
		buildIfNeeded(repo, build);
		write('dist/nodes/A/A.node.js', '// edited by hand\n');
		assert.deepEqual(buildDecision(repo), {
			build: true,
			reason: 'dist/ changed since the last build',
		});
		buildIfNeeded(repo, build);
		rmSync(path.join(repo, 'dist/credentials'), { recursive: true });
		assert.equal(buildDecision(repo).build, true);
	});

	it('stamps the sources as they were before the build: an edit during the build builds again', () => {
		buildIfNeeded(repo, () => {
			build();
			write('nodes/A/A.node.ts', 'export const a = 2; // saved while tsc ran\n');
		});
		assert.equal(buildDecision(repo).build, true);
	});

	it('leaves no stamp when the build fails, and reads a broken or foreign stamp as "build"', () => {
		assert.throws(() =>
			buildIfNeeded(repo, () => {
				throw new Error('tsc failed');
			}),
		);
		build();
		assert.equal(buildDecision(repo).build, true);
		writeBuildStamp(repo, sourceDigest(repo));
		assert.equal(buildDecision(repo).build, false);
		writeFileSync(stampPath(repo), '{ not json');
		assert.equal(buildDecision(repo).build, true);
		writeFileSync(stampPath(repo), JSON.stringify({ version: 0 }));
		assert.deepEqual(buildDecision(repo), { build: true, reason: 'the build stamp is old' });
	});

	it('keeps the stamp out of dist/, which npm publishes', () => {
		buildIfNeeded(repo, build);
		assert.equal(path.relative(repo, stampPath(repo)), path.join('.cache', 'build-stamp.json'));
	});
});
