import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * One row of a poll trigger's event table: the date field whose window the event reads, the key
 * of one event of a record, and which records of the window are no event of this kind.
 */
export interface PollEventSpec<Field extends string = string> {
	field: Field;
	keyOf(record: IDataObject): string;
	skip?(record: IDataObject): boolean;
}

/** The event key function of an event table row, for a PollSource. */
export function eventKeyOf(spec: PollEventSpec): (record: IDataObject) => string | undefined {
	return (record) => (spec.skip?.(record) ? undefined : spec.keyOf(record));
}

/** The chosen event's row of a trigger's event table; an unknown event stops the poll. */
export function pollEventOf<Event extends string, Spec extends PollEventSpec>(
	ctx: IPollFunctions,
	table: Record<Event, Spec>,
	event: string,
): Spec {
	if (!Object.prototype.hasOwnProperty.call(table, event))
		throw new NodeOperationError(ctx.getNode(), `Unknown event "${event}"`);
	return table[event as Event];
}
