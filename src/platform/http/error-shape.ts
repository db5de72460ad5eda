import { z } from 'zod';

/** The one error shape of the API. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Response schemas for the errors a route may answer, to document them in OpenAPI. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

/** A response without a body (204, 202). */
export const empty = z.null().describe('No content');
