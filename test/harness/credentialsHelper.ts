import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { packageEntries } from './packageEntries';

/** The fields n8n's own oAuth2Api parent type contributes (clientId, clientSecret, and so on). */
const OAUTH2_PARENT_PROPERTIES: INodeProperties[] = [
	{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		default: '',
		typeOptions: { password: true },
	},
	{ displayName: 'Ignore SSL Issues', name: 'ignoreSSLIssues', type: 'boolean', default: false },
];

/** Every credential type that package.json's `n8n.credentials` lists, by its `name`. */
export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	packageEntries<ICredentialType>('credentials').map(({ instance }) => [instance.name, instance]),
);

/**
 * Stands in for n8n's credentials helper: plaintext data from the test, defaults and `$self`
 * expressions resolved the way n8n resolves them, OAuth2 token data kept in memory (so tests can
 * see renewals), and generic `authenticate` blocks applied.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Stored data per credential ID, including oauthTokenData after the first token request. */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	tokenUpdates = 0;

	constructor(
		credentials: Array<{ id: string; type: string; data: ICredentialDataDecryptedObject }>,
	) {
		super();
		for (const c of credentials) this.store.set(c.id, { ...c.data });
	}

	getParentTypes(name: string): string[] {
		return credentialTypes[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const own = credentialTypes[type]?.properties ?? [];
		const parents = this.getParentTypes(type).includes('oAuth2Api') ? OAUTH2_PARENT_PROPERTIES : [];
		const names = new Set(own.map((p) => p.name));
		return [...parents.filter((p) => !names.has(p.name)), ...own];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const auth = credentialTypes[typeName]?.authenticate;
		const options = requestOptions as IHttpRequestOptions;
		if (auth && typeof auth === 'object' && auth.type === 'generic') {
			const headers = (auth.properties.headers ?? {}) as Record<string, string>;
			options.headers = options.headers ?? {};
			for (const [name, template] of Object.entries(headers)) {
				options.headers[name] = String(template)
					.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) =>
						String(credentials[key] ?? ''),
					)
					.replace(/^=/, '');
			}
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored) throw new Error(`No test credential with id ${nodeCredentials.id}`);
		const properties = this.getCredentialsProperties(type);
		const withDefaults =
			NodeHelpers.getNodeParameters(
				properties,
				stored as INodeParameters,
				true,
				false,
				null,
				null,
			) ?? {};
		const data: ICredentialDataDecryptedObject = {
			...(withDefaults as ICredentialDataDecryptedObject),
		};
		if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;
		for (const key of Object.keys(stored)) if (data[key] === undefined) data[key] = stored[key];
		// Resolve `={{ $self... }}` defaults the way n8n's credentials helper does.
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			active: false,
			nodeTypes: EMPTY_NODE_TYPES,
		});
		const resolved = workflow.expression.getComplexParameterValue(
			CREDENTIAL_NODE,
			data as INodeParameters,
			'internal',
			{},
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
		return {
			...resolved,
			...(data.oauthTokenData !== undefined ? { oauthTokenData: data.oauthTokenData } : {}),
		};
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(nodeCredentials.id ?? '', { ...data });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.tokenUpdates++;
		const current = this.store.get(nodeCredentials.id ?? '') ?? {};
		this.store.set(nodeCredentials.id ?? '', { ...current, oauthTokenData: data.oauthTokenData });
	}
}

const CREDENTIAL_NODE: INode = {
	id: 'credential',
	name: 'credential',
	type: 'credential',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const EMPTY_NODE_TYPES = {
	getByName: () => undefined as never,
	getByNameAndVersion: () => undefined as never,
	getKnownTypes: () => ({}),
};
