// Jest set-up (plain JS, outside the linted TypeScript): keep n8n-core's instance settings and
// encryption key in a throw-away folder instead of ~/.n8n.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'erp-customers-jest-'));
}
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'erp-customers-jest-key';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
