// One demo per cache: `npm start` removes `<cache>/demo-home` (the demo's n8n folder) when it
// starts, so two demos from the same ERP_N8N_CACHE would delete each other's n8n. The running demo
// holds `<cache>/demo.lock` (its process ID and, on Linux, the start time of that process); a
// second start refuses while that process lives. A lock whose process is gone (killed, crashed,
// machine restarted) or whose process ID now belongs to another program is taken over.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SYSTEMS } from '../systems/index.mjs';

/** The lock file of the demo that uses `cache`. */
export const demoLockPath = (cache) => path.join(cache, 'demo.lock');

/**
 * When process `pid` started, from /proc (clock ticks since boot), or undefined where there is no
 * /proc. Two processes that had the same ID one after the other have different start times.
 */
export function processStartTime(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Field 22; the fields after the command name in parentheses start at field 3.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/** Whether the process that wrote `holder` still runs. */
export function holderRunning(holder) {
	if (!Number.isInteger(holder?.pid) || holder.pid <= 0) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		if (error.code !== 'EPERM') return false;
	}
	if (holder.startTime !== undefined) {
		const now = processStartTime(holder.pid);
		if (now !== undefined && now !== holder.startTime) return false;
	}
	return true;
}

function readHolder(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** n8n's and every sandbox's port variable, each set one above its default. */
const otherPorts = () =>
	[
		'N8N_PORT=5679',
		...SYSTEMS.map(({ sandbox }) => `${sandbox.demoPort.env}=${sandbox.demoPort.port + 1}`),
	].join(' ');

/** The refusal a second demo prints: who holds the cache, and the two ways out. */
export function anotherDemoMessage(cache, holder) {
	const what = [
		`process ${holder.pid}`,
		holder.startedAt ? `started ${holder.startedAt}` : undefined,
		holder.url ? `n8n at ${holder.url}` : undefined,
	]
		.filter(Boolean)
		.join(', ');
	return [
		`Another demo is running from the same cache folder ${cache} (${what}).`,
		`Both would use ${path.join(cache, 'demo-home')}, and this start would delete it under the other demo.`,
		`Stop the other demo first (Ctrl+C in its terminal, or kill ${holder.pid}), or give this one a cache of its own:`,
		`  ERP_N8N_CACHE=/another/folder ${otherPorts()} npm start`,
	].join('\n');
}

/**
 * Takes the demo lock of `cache` for this process, with `info` (e.g. `{ url }`) for the message a
 * second demo shows. Returns `{ file, holder, release() }`; throws an Error with the message of
 * `anotherDemoMessage` (and `code: 'DEMO_RUNNING'`) while another demo holds it.
 */
export function acquireDemoLock(cache, info = {}) {
	mkdirSync(cache, { recursive: true });
	const file = demoLockPath(cache);
	const me = {
		pid: process.pid,
		startTime: processStartTime(process.pid),
		startedAt: new Date().toISOString(),
		...info,
	};
	// Written whole to a file of its own, then linked into place: the lock never exists half
	// written, and link() fails when the lock exists, so only one of two starts gets it.
	const temp = `${file}.${process.pid}.tmp`;
	writeFileSync(temp, JSON.stringify(me));
	try {
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				linkSync(temp, file);
			} catch (error) {
				if (error.code !== 'EEXIST') throw error;
				const holder = readHolder(file);
				if (holder && holderRunning(holder)) {
					throw Object.assign(new Error(anotherDemoMessage(cache, holder)), {
						code: 'DEMO_RUNNING',
						holder,
					});
				}
				rmSync(file, { force: true });
				continue;
			}
			return {
				file,
				holder: me,
				release() {
					const current = readHolder(file);
					if (current?.pid === me.pid && current?.startedAt === me.startedAt)
						rmSync(file, { force: true });
				},
			};
		}
		throw new Error(`Could not take the demo lock ${file}`);
	} finally {
		rmSync(temp, { force: true });
	}
}
