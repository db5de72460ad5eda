import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { invitationResent, invitationSent, invitePerson as invitePersonBody, listPeopleQuery, peoplePage, person, setRoles, userIdParams } from './contract.js';
import { invitePerson } from './invite-person.js';
import { listPeople } from './list-people.js';
import { resendInvitation } from './resend-invitation.js';
import { setPersonRoles } from './set-person-roles.js';

/** Who has access to the cooperative and with which roles: the admins manage it. */
export async function peopleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const db = database.db;

  app.get(
    '/',
    {
      config: { access: ['admin'] },
      schema: { tags: ['people'], summary: 'The people who have access to my cooperative', querystring: listPeopleQuery, response: { 200: peoplePage, ...errorResponses } },
    },
    async (req) => listPeople(db, actorOf(req).coopId, req.query),
  );

  app.post(
    '/invitations',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['people'],
        summary: 'Invite a person into my cooperative (a member gets a candidate member file)',
        body: invitePersonBody,
        response: { 201: invitationSent, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await invitePerson(db, actorOf(req), req.body, config.publicUrl)),
  );

  app.post(
    '/invitations/:userId/resend',
    {
      config: { access: ['admin'] },
      schema: { tags: ['people'], summary: 'Send a new invitation link', params: userIdParams, response: { 200: invitationResent, ...errorResponses } },
    },
    async (req) => resendInvitation(db, actorOf(req), req.params.userId, config.publicUrl),
  );

  app.put(
    '/:userId/roles',
    {
      config: { access: ['admin'] },
      schema: { tags: ['people'], summary: 'Set the roles of a person in my cooperative', params: userIdParams, body: setRoles, response: { 200: person, ...errorResponses } },
    },
    async (req) => setPersonRoles(db, actorOf(req), req.params.userId, req.body.roles),
  );
}
