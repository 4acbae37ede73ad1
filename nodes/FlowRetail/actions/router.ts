import { createRouter } from '../../shared/router';
import type { ResourceMap } from '../../shared/router';
import { customer } from './customer';
import { customerAddress } from './customerAddress';
import { customerContact } from './customerContact';
import { customerGroup } from './customerGroup';
import { price } from './price';
import { priceList } from './priceList';

export const resources: ResourceMap = {
	customer,
	customerAddress,
	customerContact,
	customerGroup,
	price,
	priceList,
};

export const router = createRouter(resources);
