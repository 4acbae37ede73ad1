import { createRouter } from '../../shared/router';
import type { ResourceMap } from '../../shared/router';
import { address } from './address';
import { contactPerson } from './contactPerson';
import { customer } from './customer';
import { salesPrice } from './salesPrice';

export const resources: ResourceMap = { address, contactPerson, customer, salesPrice };

export const router = createRouter(resources);
