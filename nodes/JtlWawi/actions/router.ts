import { createRouter } from '../../shared/router';
import type { ResourceMap } from '../../shared/router';
import { address } from './address';
import { contact } from './contact';
import { customer } from './customer';
import { customerPrice } from './customerPrice';

export const resources: ResourceMap = { address, contact, customer, customerPrice };

export const router = createRouter(resources);
