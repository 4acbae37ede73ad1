// Whether `npm start` must build the package: by content, never by clock. A build stamp records a
// digest of every build input (nodes/, credentials/, the package and TypeScript settings, the
// gulpfile, the lockfile) taken before the build, and a digest of dist/ taken after it. The next
// start skips the build only when both still match: a changed, added or removed source, a dist/
// changed by anything else, a missing stamp or a stamp of another format all mean a build.
// Never shipped: the stamp lives in the git-ignored .cache/, not in dist/ (which is published).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the build reads: every file below these folders, and these files. */
export const BUILD_INPUT_DIRS = ['nodes', 'credentials'];
export const BUILD_INPUT_FILES = [
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'tsconfig.build.json',
	'gulpfile.js',
];

const STAMP_VERSION = 1;

/** Where the stamp of `repo` lives. */
export const stampPath = (repo) => path.join(repo, '.cache', 'build-stamp.json');

/** Every file below `dir` (relative to `root`), in a stable order; none when `dir` is missing. */
function filesBelow(root, dir) {
	const full = path.join(root, dir);
	if (!existsSync(full)) return [];
	const out = [];
	for (const entry of readdirSync(full, { withFileTypes: true })) {
		const rel = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...filesBelow(root, rel));
		else if (entry.isFile()) out.push(rel);
	}
	return out;
}

/**
 * One digest over the names and contents of `files` (relative to `root`): a renamed, added,
 * removed or edited file changes it; a file whose time alone changed does not. A listed file that
 * does not exist counts as "missing", so creating it changes the digest too.
 */
export function digestOf(root, files) {
	const hash = createHash('sha256');
	for (const rel of [...files].sort()) {
		const full = path.join(root, rel);
		const content = existsSync(full) ? readFileSync(full) : null;
		hash.update(rel.split(path.sep).join('/'));
		hash.update('\0');
		hash.update(content === null ? 'missing' : createHash('sha256').update(content).digest('hex'));
		hash.update('\n');
	}
	return hash.digest('hex');
}

/** The digest of the build inputs of `repo`. */
export function sourceDigest(repo) {
	return digestOf(repo, [
		...BUILD_INPUT_DIRS.flatMap((dir) => filesBelow(repo, dir)),
		...BUILD_INPUT_FILES,
	]);
}

/** The digest of `repo`'s dist/ folder. */
export function distDigest(repo) {
	return digestOf(repo, filesBelow(repo, 'dist'));
}

/**
 * Decides whether `repo` needs a build: `{ build: true|false, reason }`. `sources` may be given
 * when the caller computed it already.
 */
export function buildDecision(repo, sources = sourceDigest(repo)) {
	if (!existsSync(path.join(repo, 'dist'))) return { build: true, reason: 'dist/ is missing' };
	let stamp;
	try {
		stamp = JSON.parse(readFileSync(stampPath(repo), 'utf8'));
	} catch {
		return { build: true, reason: 'no build stamp yet' };
	}
	if (stamp?.version !== STAMP_VERSION) return { build: true, reason: 'the build stamp is old' };
	if (stamp.sources !== sources)
		return { build: true, reason: 'the sources changed since the last build' };
	if (stamp.dist !== distDigest(repo))
		return { build: true, reason: 'dist/ changed since the last build' };
	return { build: false, reason: 'dist/ is up to date with the sources' };
}

/**
 * Records a build: `sources` must be the digest taken BEFORE the build started, so that a source
 * edited while the build ran still makes the next start build again.
 */
export function writeBuildStamp(repo, sources) {
	mkdirSync(path.dirname(stampPath(repo)), { recursive: true });
	writeFileSync(
		stampPath(repo),
		JSON.stringify(
			{
				version: STAMP_VERSION,
				sources,
				dist: distDigest(repo),
				at: new Date().toISOString(),
			},
			null,
			2,
		) + '\n',
	);
}

/**
 * Runs `runBuild()` when `repo` needs a build, then stamps it; returns the decision. A build that
 * throws leaves no new stamp, so the next start builds again.
 */
export function buildIfNeeded(repo, runBuild) {
	const sources = sourceDigest(repo);
	const decision = buildDecision(repo, sources);
	if (decision.build) {
		runBuild();
		writeBuildStamp(repo, sources);
	}
	return decision;
}
