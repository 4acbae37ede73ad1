// ApiError: an error answer (status, code, message, field errors) that a vendor's error-body
// formatter turns into that vendor's JSON; plus the common shortcuts for 400 and 404.

export class ApiError extends Error {
	constructor(status, code, message, validationErrors) {
		super(message);
		this.status = status;
		this.code = code;
		this.validationErrors = validationErrors;
	}
}

export const notFound = (what) => new ApiError(404, 'NotFound', `${what} was not found.`);

export function validationError(errors, message = 'One or more validation errors occurred.') {
	return new ApiError(400, 'ValidationError', message, errors);
}

/** Throw a 400 when the collected errors object (field path => message) is not empty. */
export function throwIfErrors(errors) {
	if (Object.keys(errors).length > 0) throw validationError(errors);
}
