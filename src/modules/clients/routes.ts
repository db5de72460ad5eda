import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { addClientAddress, removeClientAddress, updateClientAddress } from './client-addresses.js';
import { addClientContact, removeClientContact, updateClientContact } from './client-contacts.js';
import {
  addressInput,
  addressParams,
  client,
  clientAddress,
  clientContact,
  clientParams,
  clientSummary,
  contactInput,
  contactParams,
  createClientBody,
  linkActivitiesBody,
  listClientsQuery,
  updateAddressBody,
  updateClientBody,
  updateContactBody,
} from './contract.js';
import { createClientAs } from './create-client.js';
import { getClient } from './get-client.js';
import { linkClientActivities } from './link-client-activities.js';
import { listClients } from './list-clients.js';
import { archiveClient, updateClient } from './update-client.js';

const EVERYONE = ['admin', 'staff', 'member'] as const;
/** Who reads: those who act, and the accountant, who reads the coop's money without changing it. */
const READERS = [...EVERYONE, 'accountant'] as const;
const MANAGERS = ['admin', 'staff'] as const;
const tags = ['clients'];

/** Clients of the cooperative; a member reaches only those working with their activities. */
export async function clientRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: READERS },
      schema: { tags, summary: 'List clients (a member: those of their activities)', querystring: listClientsQuery, response: { 200: pageOf(clientSummary), ...errorResponses } },
    },
    async (req) => listClients(db, actorOf(req), req.query),
  );

  app.post(
    '/',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'Record a client (a member names one of their activities)', body: createClientBody, response: { 201: client, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createClientAs(db, actorOf(req), req.body)),
  );

  app.get(
    '/:id',
    { config: { access: READERS }, schema: { tags, summary: 'One client with addresses, contacts and activities', params: clientParams, response: { 200: client, ...errorResponses } } },
    async (req) => getClient(db, actorOf(req), req.params.id),
  );

  app.patch(
    '/:id',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Change a client', params: clientParams, body: updateClientBody, response: { 200: client, ...errorResponses } } },
    async (req) => updateClient(db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/:id/archive',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Archive a client (kept for the documents pointing to it)', params: clientParams, response: { 200: client, ...errorResponses } } },
    async (req) => archiveClient(db, actorOf(req), req.params.id, true),
  );

  app.post(
    '/:id/restore',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Bring an archived client back', params: clientParams, response: { 200: client, ...errorResponses } } },
    async (req) => archiveClient(db, actorOf(req), req.params.id, false),
  );

  app.put(
    '/:id/activities',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Set the activities working with a client', params: clientParams, body: linkActivitiesBody, response: { 200: client, ...errorResponses } },
    },
    async (req) => linkClientActivities(db, actorOf(req), req.params.id, req.body.activityIds),
  );

  app.post(
    '/:id/addresses',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Add an address', params: clientParams, body: addressInput, response: { 201: clientAddress, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await addClientAddress(db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/:id/addresses/:addressId',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Change an address', params: addressParams, body: updateAddressBody, response: { 200: clientAddress, ...errorResponses } } },
    async (req) => updateClientAddress(db, actorOf(req), req.params.id, req.params.addressId, req.body),
  );

  app.delete(
    '/:id/addresses/:addressId',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Remove an address', params: addressParams, response: { 204: empty, ...errorResponses } } },
    async (req, reply) => {
      await removeClientAddress(db, actorOf(req), req.params.id, req.params.addressId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/contacts',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Add a contact person', params: clientParams, body: contactInput, response: { 201: clientContact, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await addClientContact(db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/:id/contacts/:contactId',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Change a contact person', params: contactParams, body: updateContactBody, response: { 200: clientContact, ...errorResponses } } },
    async (req) => updateClientContact(db, actorOf(req), req.params.id, req.params.contactId, req.body),
  );

  app.delete(
    '/:id/contacts/:contactId',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Remove a contact person', params: contactParams, response: { 204: empty, ...errorResponses } } },
    async (req, reply) => {
      await removeClientContact(db, actorOf(req), req.params.id, req.params.contactId);
      return reply.status(204).send(null);
    },
  );
}
