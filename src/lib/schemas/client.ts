import { IDENTITY_MAX } from '$lib/domain/identity';
import { requiredText, z } from './zod';

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const clientSchema = z.object({
	name: requiredText(200),
	registeredName: optionalText(IDENTITY_MAX.registered_name),
	businessScope: optionalText(IDENTITY_MAX.business_scope),
	contact: optionalText(500),
	notes: optionalText(5000)
});

export type ClientForm = typeof clientSchema._zod.output;

/** Form values → stored fields: blank optional text is stored as null. */
export function clientFields(data: ClientForm) {
	return {
		name: data.name,
		registeredName: data.registeredName || null,
		businessScope: data.businessScope || null,
		contact: data.contact || null,
		notes: data.notes
	};
}
