/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import type { RunningSandbox } from './sandbox';

const TENANT = '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f';

/** The x-appid header of direct calls, so request logs can tell them from the node's. */
export const DIRECT_APP_ID = 'tests/1.0';

/**
 * Talks to the JTL sandbox directly, outside the node under test, to set up and check state.
 */
export async function jtlDirect(sandbox: RunningSandbox) {
	const fetchToken = async () => {
		const tokenRes = await fetch(sandbox.tokenUrl, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}`,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: 'grant_type=client_credentials',
		});
		return ((await tokenRes.json()) as { access_token: string }).access_token;
	};
	let token = await fetchToken();
	const send = async (method: string, path: string, body?: unknown) =>
		await fetch(`${sandbox.apiBase}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${token}`,
				'x-tenant-id': TENANT,
				'x-appid': DIRECT_APP_ID,
				'x-appversion': '1.0',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const call = async (method: string, path: string, body?: unknown) => {
		let res = await send(method, path, body);
		if (res.status === 401) {
			// the sandbox forgets tokens on reset and when its clock moves on
			token = await fetchToken();
			res = await send(method, path, body);
		}
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// plain text body
		}
		return { status: res.status, body: parsed as any };
	};
	return { call, get: async (path: string) => (await call('GET', path)).body };
}
