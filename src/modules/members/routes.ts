import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { readUpload } from '../../platform/http/upload.js';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import {
  advisorOption,
  createMemberBody,
  documentFields,
  documentParams,
  memberDetail,
  memberDocument,
  memberIdParams,
  memberListQuery,
  memberOption,
  memberPage,
  transitionBody,
  updateMemberBody,
} from './contract.js';
import { createMember } from './create-member.js';
import { getMember, getMyMember } from './get-member.js';
import { listAdvisors } from './list-advisors.js';
import { listMemberOptions } from './list-member-options.js';
import { listMembers } from './list-members.js';
import { addMemberDocument, deleteMemberDocument, listMemberDocuments, openMemberDocument } from './member-documents.js';
import { moveMember } from './move-member.js';
import { updateMember } from './update-member.js';

const tags = ['members'];
const everyone = ['admin', 'staff', 'member'] as const;
const staffOnly = ['admin', 'staff'] as const;

export async function memberRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage, config } = app.deps;
  const db = database.db;

  app.get(
    '/',
    {
      config: { access: everyone },
      schema: { tags, summary: 'List the members (a member sees only themself)', querystring: memberListQuery, response: { 200: memberPage, ...errorResponses } },
    },
    async (req) => listMembers(db, actorOf(req), req.query),
  );

  app.post(
    '/',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Register a new member (candidate)', body: createMemberBody, response: { 201: memberDetail, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await db.transaction((tx) => createMember(tx, actor, req.body));
      return reply.status(201).send(await getMember(db, actor, id));
    },
  );

  app.get(
    '/options',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Members for the pickers of forms', response: { 200: z.array(memberOption), ...errorResponses } },
    },
    async (req) => listMemberOptions(db, actorOf(req).coopId),
  );

  app.get(
    '/advisors',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'The staff and admins who may advise members', response: { 200: z.array(advisorOption), ...errorResponses } },
    },
    async (req) => listAdvisors(db, actorOf(req).coopId),
  );

  app.get(
    '/me',
    {
      config: { access: everyone },
      schema: { tags, summary: 'My own member record', response: { 200: memberDetail, ...errorResponses } },
    },
    async (req) => getMyMember(db, actorOf(req)),
  );

  app.get(
    '/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'A member, with status history and documents', params: memberIdParams, response: { 200: memberDetail, ...errorResponses } },
    },
    async (req) => getMember(db, actorOf(req), req.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Change a member profile (a member: only their own contact details, skills and pole)',
        params: memberIdParams,
        body: updateMemberBody,
        response: { 200: memberDetail, ...errorResponses },
      },
    },
    async (req) => updateMember(db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Move a member along their lifecycle (CAPE, CESA, associate, notice, departure)',
        params: memberIdParams,
        body: transitionBody,
        response: { 200: memberDetail, ...errorResponses },
      },
    },
    async (req) => moveMember(db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/:id/documents',
    {
      config: { access: everyone },
      schema: { tags, summary: "A member's documents", params: memberIdParams, response: { 200: z.array(memberDocument), ...errorResponses } },
    },
    async (req) => listMemberDocuments(db, actorOf(req), req.params.id),
  );

  app.post(
    '/:id/documents',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'File a document (multipart: kind, title, signedOn?, year?, and one file)',
        description: 'PDF, PNG or JPEG; DOCX and ODT too for contracts. The bytes must match the declared type.',
        consumes: ['multipart/form-data'],
        params: memberIdParams,
        response: { 201: memberDocument, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: documentFields, defaultFileName: 'document' });
      return reply.status(201).send(await addMemberDocument(db, storage, actor, req.params.id, fields, file));
    },
  );

  app.get(
    '/:id/documents/:docId/content',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Download a document', params: documentParams, response: { 200: z.unknown().describe('The file, as an attachment'), ...errorResponses } },
    },
    async (req, reply) => {
      const { document, content } = await openMemberDocument(db, storage, actorOf(req), req.params.id, req.params.docId);
      return reply
        .header('content-type', document.contentType)
        .header('content-disposition', contentDisposition(document.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.delete(
    '/:id/documents/:docId',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Remove a document', params: documentParams, response: { 204: empty, ...errorResponses } },
    },
    async (req, reply) => {
      await deleteMemberDocument(db, storage, actorOf(req), req.params.id, req.params.docId);
      return reply.status(204).send(null);
    },
  );
}
