/**
 * Global set-up of `npm run test:contract`: stops the whole run, before any suite starts, when the
 * vendor specs are missing. A missing spec is a failure, never a skip.
 */
import { assertSpecsPresent } from './specs';

export default function globalSetup(): void {
	assertSpecsPresent();
}
