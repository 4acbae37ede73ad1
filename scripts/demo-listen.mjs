// Where the demo listens. The demo's n8n has a fixed owner password (printed in the README), so by
// default n8n and the three sandboxes listen on 127.0.0.1 only: nobody else on the network can
// reach them. ERP_DEMO_LISTEN_ADDRESS opens them up on purpose (0.0.0.0 or :: for every interface,
// or one address of this machine). After the start, the demo checks from this machine's own
// network addresses that what should be local really is.
import net from 'node:net';
import os from 'node:os';

export const LISTEN_ENV = 'ERP_DEMO_LISTEN_ADDRESS';
export const DEFAULT_LISTEN_ADDRESS = '127.0.0.1';

/** The address the demo's n8n and sandboxes listen on. */
export function demoListenAddress(env = process.env) {
	return String(env[LISTEN_ENV] ?? '').trim() || DEFAULT_LISTEN_ADDRESS;
}

/** Whether `address` can only be reached from this machine. */
export function isLoopback(address) {
	return (
		address === 'localhost' ||
		/^127\.\d+\.\d+\.\d+$/.test(address) ||
		address === '::1' ||
		/^::ffff:127\./i.test(address)
	);
}

/** Whether `address` means every interface. */
export const isWildcard = (address) => ['0.0.0.0', '::', '[::]'].includes(address);

/** The host for URLs to the demo: the address itself, `localhost` for every interface. */
export function urlHost(address) {
	if (isWildcard(address)) return 'localhost';
	return net.isIPv6(address) ? `[${address}]` : address;
}

/**
 * The environment that makes n8n listen on `address` and name itself by it (the editor's URLs and
 * the webhook URLs the demo's triggers register).
 */
export function n8nListenEnv(address) {
	return { N8N_LISTEN_ADDRESS: address, N8N_HOST: urlHost(address) };
}

/** This machine's addresses that others on the network can use (not loopback, not link-local). */
export function networkAddresses(interfaces = os.networkInterfaces()) {
	return Object.values(interfaces)
		.flat()
		.filter((i) => i && !i.internal && !/^fe80:/i.test(i.address))
		.map((i) => i.address);
}

/** Whether a TCP connection to `host:port` is accepted within `timeoutMs`. */
export function accepts(host, port, timeoutMs = 1500) {
	return new Promise((resolve) => {
		const socket = net.connect({ host, port });
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('connect', () => done(true));
		socket.once('error', () => done(false));
	});
}

/**
 * Every `address:port` among this machine's network addresses and `ports` that accepts a
 * connection: empty when the ports are reachable from this machine only.
 */
export async function reachableFromNetwork(ports, addresses = networkAddresses()) {
	const open = [];
	for (const address of addresses) {
		for (const port of ports) {
			if (await accepts(address, port)) open.push(`${urlHost(address)}:${port}`);
		}
	}
	return open;
}
