/**
 * The package's name and version, written once. The credentials' default app ID and every
 * "sent by" header read them from here; a unit test keeps them equal to package.json.
 */
export const PACKAGE_NAME = 'n8n-nodes-erp-customers';
export const PACKAGE_VERSION = '0.1.0';

/** How the package names itself to a vendor, e.g. `n8n-nodes-erp-customers/0.1.0`. */
export const PACKAGE_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;
