import { IDENTITY_MAX } from '$lib/domain/identity';
import { optionalText, requiredText, z } from './zod';

export const clientSchema = z.object({
	name: requiredText(200),
	registeredName: optionalText(IDENTITY_MAX.registered_name),
	businessScope: optionalText(IDENTITY_MAX.business_scope),
	contact: optionalText(500),
	notes: optionalText(5000),
	/** The values the edit form showed (JSON), so that a field left alone is not written back. */
	loaded: z.string().max(20_000).default('')
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

const loadedSchema = z.object({
	name: z.string(),
	registeredName: z.string(),
	businessScope: z.string(),
	contact: z.string(),
	notes: z.string()
});

/** The values as the form showed them, as stored fields; null when the form did not carry them. */
export function clientFieldsAsLoaded(loaded: string) {
	if (!loaded) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(loaded);
	} catch {
		return null;
	}
	const values = loadedSchema.safeParse(parsed);
	return values.success ? clientFields({ ...values.data, loaded: '' }) : null;
}

/** The form values of a stored client, and the same as the `loaded` the edit form carries. */
export function clientFormValues(client: {
	name: string;
	registeredName: string | null;
	businessScope: string | null;
	contact: string | null;
	notes: string;
}): ClientForm {
	const values = {
		name: client.name,
		registeredName: client.registeredName ?? '',
		businessScope: client.businessScope ?? '',
		contact: client.contact ?? '',
		notes: client.notes
	};
	return { ...values, loaded: JSON.stringify(values) };
}
