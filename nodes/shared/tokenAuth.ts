import type { IAuthenticateGeneric, INodeProperties } from 'n8n-workflow';

/**
 * Credentials that send one long-lived token as a Bearer token: the token field and the
 * Authorization header n8n builds from it.
 */

/** The credential's token field, a required password field named `token`. */
export function tokenField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description,
	};
}

/** Sends the `token` field as `Authorization: Bearer …` on every request. */
export const bearerTokenAuth: IAuthenticateGeneric = {
	type: 'generic',
	properties: {
		headers: { Authorization: '=Bearer {{$credentials.token}}' },
	},
};
