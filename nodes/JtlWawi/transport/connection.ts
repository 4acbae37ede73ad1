import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	JTL_BETA_API,
	JTL_PRODUCTION_API,
	JTL_TIME_ZONE,
} from '../../../credentials/JtlWawiOAuth2Api.credentials';
import { runConnection } from '../../shared/connection';
import { isTimeZone } from '../../shared/customer';
import type { RequestContext } from '../../shared/http';
import { PACKAGE_AGENT, PACKAGE_VERSION } from '../../shared/package';
import { UUID_PATTERN } from '../../shared/validation';
import { jtlVendor } from './profile';

interface JtlSettings {
	baseUrl: string;
	tenantId: string;
	headers: Record<string, string>;
	/** The IANA zone in which JTL's offset-less times are read (credential: Time Zone). */
	timeZone: string;
}

/** `x-companyid` and `x-runas`: "int or uuid" (JTL's header descriptions). */
const INT_OR_UUID = new RegExp(`^(?:[1-9][0-9]{0,9}|${UUID_PATTERN.source.slice(1, -1)})$`);
/** `api-version`: major.minor, as JTL's version catalogue names them (1.0 … 2.3). */
const API_VERSION = /^[0-9]{1,2}\.[0-9]{1,2}$/;

/** The optional request headers the credential sets, with the pattern JTL documents for each. */
const OPTIONAL_HEADERS: Array<{
	field: string;
	label: string;
	header: string;
	pattern: RegExp;
	expected: string;
}> = [
	{
		field: 'companyId',
		label: 'Company ID',
		header: 'x-companyid',
		pattern: INT_OR_UUID,
		expected: 'a positive whole number or a UUID',
	},
	{
		field: 'runAs',
		label: 'Run As User ID',
		header: 'x-runas',
		pattern: INT_OR_UUID,
		expected: 'a positive whole number or a UUID',
	},
	{
		field: 'apiVersion',
		label: 'API Version',
		header: 'api-version',
		pattern: API_VERSION,
		expected: 'a version such as 1.0 or 2.0',
	},
];

function credentialError(
	ctx: RequestContext,
	message: string,
	description: string,
	itemIndex?: number,
) {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

function readConnection(
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): JtlSettings {
	const environment = (credentials.environment as string) ?? 'production';
	let baseUrl = JTL_PRODUCTION_API;
	if (environment === 'beta') baseUrl = JTL_BETA_API;
	if (environment === 'custom') baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const tenantId = String(credentials.tenantId ?? '').trim();
	if (!UUID_PATTERN.test(tenantId)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The JTL-Wawi credential has no valid Tenant ID: it must be a UUID',
			{
				itemIndex,
				description: 'Open the credential and enter the tenant UUID of your JTL-Wawi.',
			},
		);
	}
	if (!/^https?:\/\//.test(baseUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The JTL-Wawi credential has no valid API Base URL',
			{
				itemIndex,
				description: 'With the Custom environment, enter a URL starting with http:// or https://.',
			},
		);
	}
	const headers: Record<string, string> = {
		'x-tenant-id': tenantId,
		'x-appid': String(credentials.appId || PACKAGE_AGENT),
		'x-appversion': String(credentials.appVersion || PACKAGE_VERSION),
	};
	for (const { field, label, header, pattern, expected } of OPTIONAL_HEADERS) {
		const raw = credentials[field];
		const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
		if (value === '') continue;
		if (!pattern.test(value)) {
			throw credentialError(
				ctx,
				`The JTL-Wawi credential's ${label} must be ${expected}`,
				`Open the credential and correct ${label} (sent as the ${header} header), or leave it empty.`,
				itemIndex,
			);
		}
		headers[header] = value;
	}
	const zone = String(credentials.timeZone ?? '').trim() || JTL_TIME_ZONE;
	if (!isTimeZone(zone)) {
		throw credentialError(
			ctx,
			`The JTL-Wawi credential's Time Zone "${zone.slice(0, 60)}" is not a time zone name`,
			`Open the credential and enter an IANA time zone such as ${JTL_TIME_ZONE}.`,
			itemIndex,
		);
	}
	return { baseUrl, tenantId, headers, timeZone: zone };
}

/**
 * The connection settings of one node run, read and decrypted once: every request of the run
 * shares them.
 */
export const jtlConnection = runConnection(jtlVendor, readConnection);

/** The zone in which JTL's offset-less times are read: the credential's Time Zone (Europe/Berlin). */
export async function jtlTimeZone(ctx: RequestContext, itemIndex?: number): Promise<string> {
	return (await jtlConnection(ctx, itemIndex)).timeZone;
}

/** The node parameter that sets `X-SessionId` per item. */

export type JtlConnection = Awaited<ReturnType<typeof jtlConnection>>;
