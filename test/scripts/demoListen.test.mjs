// Where the demo listens (scripts/demo-listen.mjs, used by scripts/start.mjs): n8n and the three
// sandboxes on 127.0.0.1 unless ERP_DEMO_LISTEN_ADDRESS says otherwise. The sandboxes are started
// exactly as the demo starts them and probed from this machine's own network addresses; n8n gets
// the environment that binds it (N8N_LISTEN_ADDRESS), which the demo checks the same way once n8n
// runs.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';

import {
	DEFAULT_LISTEN_ADDRESS,
	accepts,
	demoListenAddress,
	isLoopback,
	n8nListenEnv,
	networkAddresses,
	reachableFromNetwork,
	urlHost,
} from '../../scripts/demo-listen.mjs';
import { demoN8nEnv, startDemoSandboxes } from '../../scripts/start.mjs';

const addresses = networkAddresses();
const noNetwork = addresses.length === 0 ? 'this machine has no network address' : false;

/** A plain HTTP server on `host`, port chosen by the system. */
async function serverOn(host) {
	const server = http.createServer((_req, res) => res.end('ok'));
	await new Promise((resolve) => server.listen(0, host, resolve));
	return server;
}

describe('the demo listens on 127.0.0.1 unless told otherwise', () => {
	it('defaults to 127.0.0.1 and takes ERP_DEMO_LISTEN_ADDRESS when it is set', () => {
		assert.equal(DEFAULT_LISTEN_ADDRESS, '127.0.0.1');
		assert.equal(demoListenAddress({}), '127.0.0.1');
		assert.equal(demoListenAddress({ ERP_DEMO_LISTEN_ADDRESS: '  ' }), '127.0.0.1');
		assert.equal(demoListenAddress({ ERP_DEMO_LISTEN_ADDRESS: '0.0.0.0' }), '0.0.0.0');
	});

	it('gives n8n the listen address and names it by it (editor and webhook URLs)', () => {
		assert.deepEqual(demoN8nEnv('127.0.0.1', 5678), {
			N8N_PORT: '5678',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
		});
		assert.deepEqual(n8nListenEnv('0.0.0.0'), {
			N8N_LISTEN_ADDRESS: '0.0.0.0',
			N8N_HOST: 'localhost',
		});
		assert.equal(urlHost('::1'), '[::1]');
	});

	it('knows loopback addresses from the others', () => {
		for (const a of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1'])
			assert.equal(isLoopback(a), true, a);
		for (const a of ['0.0.0.0', '::', '192.168.1.5', 'fd00::2'])
			assert.equal(isLoopback(a), false, a);
	});

	it(
		'the network probe tells a loopback server from one on every interface',
		{ skip: noNetwork },
		async () => {
			const local = await serverOn('127.0.0.1');
			const open = await serverOn('0.0.0.0');
			try {
				assert.equal(await accepts('127.0.0.1', local.address().port), true);
				assert.deepEqual(await reachableFromNetwork([local.address().port]), []);
				assert.ok((await reachableFromNetwork([open.address().port])).length > 0);
			} finally {
				local.close();
				open.close();
			}
		},
	);

	it('starts the three sandboxes on 127.0.0.1, unreachable from the network', async () => {
		const sb = await startDemoSandboxes(demoListenAddress({}), { jtl: 0, flow: 0, xentral: 0 });
		try {
			const ports = [sb.jtl.port, sb.flow.port, sb.xentral.port];
			for (const s of [sb.jtl, sb.flow, sb.xentral]) {
				assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
				assert.equal(await accepts('127.0.0.1', s.port), true);
			}
			assert.deepEqual(await reachableFromNetwork(ports), []);
		} finally {
			await sb.close();
		}
	});

	it(
		'opens the sandboxes to the network when ERP_DEMO_LISTEN_ADDRESS=0.0.0.0',
		{ skip: noNetwork },
		async () => {
			const sb = await startDemoSandboxes(
				demoListenAddress({ ERP_DEMO_LISTEN_ADDRESS: '0.0.0.0' }),
				{
					jtl: 0,
					flow: 0,
					xentral: 0,
				},
			);
			try {
				const open = await reachableFromNetwork(
					[sb.jtl.port],
					addresses.filter((a) => a.includes('.')),
				);
				assert.ok(open.length > 0, `expected ${addresses.join(', ')} to reach port ${sb.jtl.port}`);
			} finally {
				await sb.close();
			}
		},
	);
});
