import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswerOf } from '../../shared/errors';
import type { VendorProfile } from '../../shared/http';

export const FLOW_CREDENTIAL_TYPE = 'flowRetailApi';
function plain(value: unknown): string {
	return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Flow Retail documents no error body [assumption: JSON with `message` or `error`, perhaps a map
 * or list of field errors]; a plain text body is shown as it is, HTML never.
 */
export function parseFlowError(body: unknown, status?: number): VendorErrorText | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text || text.startsWith('<')) return undefined;
		return { message: `Flow Retail: ${text.slice(0, 300)}` };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const text = b.message ?? b.error ?? b.title ?? b.detail;
	const errors = b.errors ?? b.fieldErrors;
	const lines = Array.isArray(errors)
		? errors.map((e) =>
				e && typeof e === 'object'
					? `${plain((e as IDataObject).field ?? '')}: ${plain((e as IDataObject).message ?? e)}`
					: plain(e),
			)
		: errors && typeof errors === 'object'
			? Object.entries(errors as IDataObject).map(([field, m]) => `${field}: ${plain(m)}`)
			: [];
	if (text === undefined && lines.length === 0) return undefined;
	const code = typeof b.code === 'string' ? ` [${b.code}]` : '';
	return {
		message: `Flow Retail: ${text === undefined ? `HTTP ${status ?? ''}`.trim() : plain(text)}${code}`,
		description: lines.length ? `Field errors: ${lines.join('; ')}.` : undefined,
	};
}

export const flowVendor: VendorProfile = {
	name: 'Flow Retail',
	credentialType: FLOW_CREDENTIAL_TYPE,
	parseError: parseFlowError,
	secretsOf: (credentials: ICredentialDataDecryptedObject) =>
		[typeof credentials.token === 'string' ? credentials.token : ''].filter((s) => s.length >= 4),
	statusHints: {
		401: 'Flow Retail refused the integration token. Generate a new token for the integration user in Flow Retail Admin and enter it in the credential.',
		403: 'The integration user lacks the permission for this, or the tenant lacks the extension it needs (customer delete needs TENANT.BACKOFFICE, webhooks Tenant.Admin, external search EXTERNAL_CUSTOMER_SEARCH).',
		409: 'A record with this UID exists already.',
	},
};

/** A 2xx answer whose body is not what Flow Retail documents. */
export const unexpectedFlowAnswer = unexpectedAnswerOf(flowVendor);
