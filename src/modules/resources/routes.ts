import type { FastifyInstance } from 'fastify';
import type { BookingCharges } from './booking-charges.js';
import { payPerUse } from './booking-charges.js';
import { opsRoutes } from './ops-routes.js';

export interface ResourceRouteOptions {
  /** How bookings are paid (the plans module); pay per use when none is wired. */
  charges?: BookingCharges;
}

export async function resourceRoutes(fastify: FastifyInstance, options: ResourceRouteOptions = {}): Promise<void> {
  const charges = options.charges ?? payPerUse;
  await fastify.register(opsRoutes, { charges });
  void fastify;
  void charges;
}
