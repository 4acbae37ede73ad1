// A real n8n 2.41.1 in queue mode for the tests: PostgreSQL and Redis from Debian's packages
// (scripts/ensure-services.mjs), one main process (`n8n start`) and two workers (`n8n worker`),
// each with its own user folder holding the packed package, all with the same encryption key.
// Never shipped.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startServices } from '../../scripts/ensure-services.mjs';
import { installPackageInto } from '../../scripts/n8n/install.mjs';
import {
	activateWorkflow,
	executionsOf,
	freePort,
	loginOwner,
	n8nCli,
	n8nRestClient,
	readExecution,
	spawnN8n,
	until,
} from '../../scripts/n8n/driver.mjs';

export const OWNER = {
	email: 'queue-owner@example.com',
	password: 'Queue-Password-1',
	firstName: 'Queue',
	lastName: 'Owner',
};

/** How long a worker's job lock lives without renewal, and how often Bull looks for stalled jobs. */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;

/**
 * Starts the services, imports credentials and workflows, then the main process and two workers.
 * `onStop(stop)` is called first with the function that ends everything started so far.
 * Returns { rest, url, main, workers, env, stop(), ... }; stop() ends every process it started.
 */
export async function startQueueCluster({ runtime, root, credentials, workflows, log, onStop }) {
	const stoppers = [];
	const stop = async () => {
		for (const s of stoppers.reverse()) await s().catch(() => undefined);
		stoppers.length = 0;
	};
	// The caller gets stop() at once, so that Ctrl-C during start-up ends what has started.
	onStop?.(stop);
	try {
		const services = await startServices();
		stoppers.push(() => services.stop());
		log(`redis on ${services.redis.port}, postgres on ${services.postgres.port}`);

		const env = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: services.postgres.host,
			DB_POSTGRESDB_PORT: String(services.postgres.port),
			DB_POSTGRESDB_USER: services.postgres.user,
			DB_POSTGRESDB_DATABASE: services.postgres.database,
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: services.redis.host,
			QUEUE_BULL_REDIS_PORT: String(services.redis.port),
			QUEUE_BULL_PREFIX: `queue-${process.pid}`,
			QUEUE_WORKER_LOCK_DURATION: String(LOCK_DURATION_MS),
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: String(STALLED_INTERVAL_MS),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_LOG_LEVEL: 'info',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		};

		// One user folder per process; the package is packed once and copied to the workers.
		const homes = ['main', 'worker-1', 'worker-2'].map((name) => path.join(root, name));
		for (const home of homes) mkdirSync(home, { recursive: true });
		installPackageInto(homes[0]);
		for (const home of homes.slice(1))
			cpSync(path.join(homes[0], '.n8n', 'nodes'), path.join(home, '.n8n', 'nodes'), {
				recursive: true,
			});

		// The CLI imports into PostgreSQL (the first call runs the migrations).
		const work = path.join(root, 'import');
		mkdirSync(path.join(work, 'workflows'), { recursive: true });
		writeFileSync(path.join(work, 'credentials.json'), JSON.stringify(credentials, null, 2));
		let res = await n8nCli(
			runtime,
			homes[0],
			['import:credentials', `--input=${path.join(work, 'credentials.json')}`],
			env,
		);
		if (res.code !== 0) throw new Error(`import:credentials failed:\n${res.stdout}\n${res.stderr}`);
		for (const wf of workflows)
			writeFileSync(path.join(work, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
		res = await n8nCli(
			runtime,
			homes[0],
			['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`],
			env,
		);
		if (res.code !== 0) throw new Error(`import:workflow failed:\n${res.stdout}\n${res.stderr}`);

		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const mainEnv = {
			...env,
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${url}/`,
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
		};
		const startMain = async () => {
			const proc = await spawnN8n(runtime, homes[0], ['start'], mainEnv, {
				healthUrl: `${url}/healthz`,
			});
			proc.name = 'main';
			return proc;
		};
		let main = await startMain();
		// The log of every main process so far (the main process can be restarted).
		let earlierMainOutput = '';
		stoppers.push(() => main.stop());

		const workers = [];
		for (const [i, home] of homes.slice(1).entries()) {
			const healthPort = await freePort();
			const worker = await spawnN8n(
				runtime,
				home,
				['worker', '--concurrency=5'],
				{ ...env, QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_PORT: String(healthPort) },
				{ healthUrl: `http://127.0.0.1:${healthPort}/healthz` },
			);
			worker.name = `worker-${i + 1}`;
			stoppers.push(() => worker.stop());
			workers.push(worker);
		}

		const rest = n8nRestClient(url, 'erp-customers-queue');
		await loginOwner(rest, OWNER);
		const cluster = {
			url,
			rest,
			main,
			workers,
			services,
			env,
			stop,
			activate: (id) => activateWorkflow(rest, id),
			executions: (workflowId) => executionsOf(rest, workflowId),
			execution: (id) => readExecution(runtime, rest, id),
			/** The log of the main process, across restarts. */
			mainOutput: () => earlierMainOutput + main.output(),
			/** Stops the main process, runs `whileDown`, starts it again on the same port. */
			async restartMain(whileDown) {
				await main.stop();
				earlierMainOutput += main.output();
				await whileDown?.();
				main = await startMain();
				cluster.main = main;
				await loginOwner(rest, OWNER);
			},
			/** The processes whose log says "Worker started execution <id>". */
			ranBy(executionId) {
				const line = new RegExp(`Worker started execution ${executionId} \\(job`);
				return [
					...(line.test(cluster.mainOutput()) ? ['main'] : []),
					...workers.filter((p) => line.test(p.output())).map((p) => p.name),
				];
			},
			/** The newest finished execution of a workflow. */
			async finished(workflowId, timeoutMs = 60_000) {
				return await until(`a finished execution of ${workflowId}`, timeoutMs, async () => {
					const list = await executionsOf(rest, workflowId);
					return list.find((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status));
				});
			},
		};
		return cluster;
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Removes a cluster's folder (after stop()). */
export function removeRoot(root) {
	rmSync(root, { recursive: true, force: true });
}
