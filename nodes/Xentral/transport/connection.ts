import { NodeOperationError } from 'n8n-workflow';

import {
	XENTRAL_DEFAULT_TIME_ZONE,
	xentralBaseUrl,
} from '../../../credentials/XentralApi.credentials';
import { runConnection } from '../../shared/connection';
import { xentralVendor } from './profile';

/**
 * The API base of the instance, the Time Zone as the credential names it (checked where a time is
 * read: helpers/timeZone.ts) and the token that webhook signature keys derive from, read from the
 * credential once per node run.
 */
export const xentralConnection = runConnection(xentralVendor, (ctx, credentials, itemIndex) => {
	const baseUrl = xentralBaseUrl(credentials.instance);
	if (!baseUrl) {
		throw new NodeOperationError(ctx.getNode(), 'The Xentral credential has no valid Instance', {
			itemIndex,
			description:
				'Enter the instance ID as in https://<ID>.xentral.biz, or the full https URL of your custom domain.',
		});
	}
	const zone = typeof credentials.timeZone === 'string' ? credentials.timeZone.trim() : '';
	return {
		baseUrl,
		timeZone: zone || XENTRAL_DEFAULT_TIME_ZONE,
		token: typeof credentials.token === 'string' ? credentials.token : '',
	};
});

export type XentralConnection = Awaited<ReturnType<typeof xentralConnection>>;
