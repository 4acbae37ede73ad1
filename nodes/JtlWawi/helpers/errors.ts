import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** A 2xx answer whose body is not what the API documents. */
export function unexpectedShape(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): NodeApiError {
	const shown = typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 200);
	return new NodeApiError(ctx.getNode(), { body: shown ?? null } as JsonObject, {
		message: `JTL-Wawi answered with an unexpected body: expected ${expected}`,
		description: `Received: ${shown}`,
		itemIndex,
	});
}
