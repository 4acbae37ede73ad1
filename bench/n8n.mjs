// The benchmark's one n8n: a real n8n 2.41.1 (`n8n start`, Node 24) with this package installed,
// driven over its REST API. Workflows start with a Webhook node ("respond when the last node
// finishes"), so one long-lived n8n process runs every scenario and the runner can measure that
// process: wall time of the webhook call, CPU time (/proc/<pid>/stat) and peak RSS (VmHWM, reset
// before each run through /proc/<pid>/clear_refs, with RSS polling as the fallback).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';

import {
	N8N_START_LIMIT_MS,
	n8nCli,
	sleep,
	startN8n as startN8nProcess,
	until,
} from '../scripts/n8n/driver.mjs';

/** The owner account of a started n8n (see startN8n). */
export const OWNER = {
	email: 'bench-owner@example.com',
	password: 'Bench-Password-1',
	firstName: 'Bench',
	lastName: 'Owner',
};
const BROWSER_ID = 'erp-customers-bench';
const CLOCK_TICKS = 100; // USER_HZ on Linux

export { sleep, until };

/** How long one webhook call may take: the longest job (HTTP Request's Xentral upserts) takes over 6 minutes. */
const WEBHOOK_LIMIT_MS = 15 * 60_000;

/**
 * POSTs JSON and reads the whole answer, waiting up to `limitMs` in all. Not fetch: its client
 * gives up after 5 minutes without response headers, and a webhook that answers when the last
 * node finishes sends its headers only then.
 */
function postJson(url, body, limitMs) {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
		const timer = setTimeout(
			() => req.destroy(new Error(`no answer from ${url} in ${limitMs / 1000} s`)),
			limitMs,
		);
		req.on('response', (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				clearTimeout(timer);
				resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') });
			});
			res.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
		});
		req.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		req.end(JSON.stringify(body));
	});
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which is in parentheses and may contain spaces.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** VmRSS and VmHWM of the process, in MiB. */
export function memoryMiB(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Resets the kernel's peak-RSS mark to the current RSS; false where the kernel refuses. */
function resetPeak(pid) {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/**
 * The error message of an execution's data. n8n stores it "flatted": one array whose first entry
 * is the run, every nested object and string an index into the array.
 */
export function errorMessageOf(text) {
	try {
		const table = JSON.parse(text);
		if (Array.isArray(table)) {
			const at = (ref) => (typeof ref === 'string' && /^\d+$/.test(ref) ? table[Number(ref)] : ref);
			const error = at(at(table[0]?.resultData)?.error);
			const message = at(error?.message);
			if (typeof message === 'string') return message.slice(0, 400);
		}
	} catch {
		/* not JSON: read it as text below */
	}
	const match = /"message":"([^"]{0,400})/.exec(text);
	return match?.[1];
}

/** Imports credentials and workflows with the n8n CLI (before `n8n start`). */
export async function importAll(runtime, home, dir, credentials, workflows) {
	const credFile = `${dir}/credentials.json`;
	writeFileSync(credFile, JSON.stringify(credentials, null, 2));
	let res = await n8nCli(runtime, home, ['import:credentials', `--input=${credFile}`]);
	assert.equal(res.code, 0, `import:credentials failed:\n${res.stdout}\n${res.stderr}`);
	const wfFile = `${dir}/workflows.json`;
	writeFileSync(wfFile, JSON.stringify(workflows, null, 2));
	res = await n8nCli(runtime, home, ['import:workflow', `--input=${wfFile}`]);
	assert.equal(res.code, 0, `import:workflow failed:\n${res.stdout}\n${res.stderr}`);
}

/** Starts `n8n start`, logs in as the owner and returns a handle to run and measure workflows. */
export async function startN8n(runtime, home) {
	const n8n = await startN8nProcess(runtime, home, {
		owner: OWNER,
		browserId: BROWSER_ID,
		env: { N8N_LOG_LEVEL: 'warn' },
	});
	const { url, pid, rest } = n8n;
	const peakResettable = resetPeak(pid);

	return {
		url,
		pid,
		rest,
		output: n8n.output,
		peakResettable,

		/** Activates (publishes) a workflow the way the editor does and waits for its triggers. */
		activate: (id) => n8n.activate(id),

		/** The error message of the newest execution of a workflow, if it failed. */
		async lastError(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const list = await rest.call('GET', `/executions?filter=${filter}`);
			const latest = list.body?.data?.results?.[0];
			if (!latest) return undefined;
			const one = await rest.call('GET', `/executions/${latest.id}`);
			const text = typeof one.body?.data?.data === 'string' ? one.body.data.data : '';
			return errorMessageOf(text) ?? `execution ${latest.id} ${latest.status}`;
		},

		/**
		 * Calls a webhook workflow and measures the n8n process: wall time, CPU seconds and peak
		 * RSS during the call.
		 */
		async measure(path, body, attempt = 0) {
			// Under load n8n's database health check can lapse for a moment, and webhooks then get
			// 503 at once ("Database is not ready"); wait until n8n reports itself ready again.
			await until('n8n readiness', N8N_START_LIMIT_MS, async () => {
				try {
					return (await fetch(`${url}/healthz/readiness`)).ok;
				} catch {
					return false;
				}
			});
			const resettable = resetPeak(pid);
			const cpu0 = cpuSeconds(pid);
			const rssStart = memoryMiB(pid).rss;
			let peakRss = rssStart;
			const sampler = setInterval(() => {
				try {
					peakRss = Math.max(peakRss, memoryMiB(pid).rss);
				} catch {
					/* the process went away; the call reports it */
				}
			}, 100);
			const t0 = performance.now();
			let status;
			let response;
			try {
				const res = await postJson(`${url}/webhook/${path}`, body ?? {}, WEBHOOK_LIMIT_MS);
				status = res.status;
				const text = res.text;
				if (status === 503 && performance.now() - t0 < 1000 && attempt < 10) {
					clearInterval(sampler);
					await sleep(2000);
					return await this.measure(path, body, attempt + 1);
				}
				try {
					response = JSON.parse(text);
				} catch {
					response = text;
				}
			} finally {
				clearInterval(sampler);
			}
			const wallMs = performance.now() - t0;
			const cpu = cpuSeconds(pid) - cpu0;
			const mem = memoryMiB(pid);
			return {
				status,
				response,
				wallMs,
				cpuSeconds: cpu,
				peakRssMiB: resettable ? Math.max(mem.hwm, peakRss) : peakRss,
				rssStartMiB: rssStart,
			};
		},

		stop: () => n8n.stop(),
	};
}
