import { NodeOperationError } from 'n8n-workflow';

import { isTimeZone } from '../../shared/customer';
import type { RequestContext } from '../../shared/http';
import { xentralConnection } from '../transport';

/**
 * The zone in which the instance states times without an offset: the credential's Time Zone, or
 * Europe/Berlin when it is blank (a credential saved before the option existed). An unknown zone
 * stops the node, naming the credential field.
 */
export async function xentralTimeZone(ctx: RequestContext, itemIndex?: number): Promise<string> {
	const zone = (await xentralConnection(ctx, itemIndex)).timeZone;
	if (!isTimeZone(zone))
		throw new NodeOperationError(
			ctx.getNode(),
			`The Xentral credential's Time Zone "${zone.slice(0, 60)}" is not an IANA time zone`,
			{
				itemIndex,
				description:
					'Enter a zone such as Europe/Berlin (the default), Europe/Vienna or Europe/Zurich in the Xentral credential.',
			},
		);
	return zone;
}
