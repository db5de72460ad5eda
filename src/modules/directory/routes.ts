import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { getCoop } from '../coops/index.js';
import {
  directoryQuery,
  directorySettingsBody,
  directorySettingsView,
  freeSkillList,
  memberParams,
  profilePage,
  profileView,
  publicDirectoryPage,
  publicMemberParams,
  publicParams,
  saveProfileBody,
  skillBody,
  skillList,
  skillParams,
  skillView,
} from './contract.js';
import { getDirectorySettings, publishedCoopOf, updateDirectorySettings } from './directory-settings.js';
import { directoryViewerOf } from './directory-viewer.js';
import { getDirectoryProfile } from './get-directory-profile.js';
import { getMyProfile } from './get-my-profile.js';
import { listDirectory } from './list-directory.js';
import { saveMyProfile } from './save-my-profile.js';
import { addSkill, listFreeSkills, listSkills, removeSkill } from './skills-vocabulary.js';

const tags = ['directory'];
/** Everyone of the coop reads the directory, each through the visibility rule. */
const everyone = ['admin', 'staff', 'accountant', 'member'] as const;
/** The team keeps the vocabulary; the coop's management decides to publish. */
const team = ['admin', 'staff'] as const;

export async function directoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    { config: { access: everyone }, schema: { tags, summary: 'Search the directory (accent-insensitive; each viewer finds and reads only what members let them see)', querystring: directoryQuery, response: { 200: profilePage, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const [viewer, settings] = await Promise.all([directoryViewerOf(db, actor), getDirectorySettings(db, actor.coopId)]);
      return listDirectory(db, actor.coopId, viewer, settings, req.query);
    },
  );

  app.get('/me', { config: { access: everyone }, schema: { tags, summary: 'My directory profile, whole, with my visibility choices', response: { 200: profileView, ...errorResponses } } }, async (req) => getMyProfile(db, actorOf(req)));

  app.put(
    '/me',
    { config: { access: everyone }, schema: { tags, summary: 'Write my directory profile and choose who sees each field', body: saveProfileBody, response: { 200: profileView, ...errorResponses } } },
    async (req) => saveMyProfile(db, actorOf(req), req.body),
  );

  app.get('/skills', { config: { access: everyone }, schema: { tags, summary: "The coop's vocabulary of skills", response: { 200: skillList, ...errorResponses } } }, async (req) => ({ items: await listSkills(db, actorOf(req).coopId) }));

  app.post(
    '/skills',
    { config: { access: team }, schema: { tags, summary: 'Add a skill to the vocabulary (or promote a free word)', body: skillBody, response: { 201: skillView, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await addSkill(db, actorOf(req), req.body.label)),
  );

  app.delete(
    '/skills/:id',
    { config: { access: team }, schema: { tags, summary: 'Remove a skill from the vocabulary (profiles keep the word)', params: skillParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await removeSkill(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get('/skills/free', { config: { access: team }, schema: { tags, summary: 'Words members wrote that the vocabulary lacks', response: { 200: freeSkillList, ...errorResponses } } }, async (req) => ({ items: await listFreeSkills(db, actorOf(req).coopId) }));

  app.get('/settings', { config: { access: everyone }, schema: { tags, summary: 'Whether the coop publishes a public directory, and where', response: { 200: directorySettingsView, ...errorResponses } } }, async (req) => getDirectorySettings(db, actorOf(req).coopId));

  app.put(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Publish or withdraw the public directory', body: directorySettingsBody, response: { 200: directorySettingsView, ...errorResponses } } },
    async (req) => updateDirectorySettings(db, actorOf(req), req.body),
  );

  app.get(
    '/:memberId',
    { config: { access: everyone }, schema: { tags, summary: 'A profile as I may read it', params: memberParams, response: { 200: profileView, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const [viewer, settings] = await Promise.all([directoryViewerOf(db, actor), getDirectorySettings(db, actor.coopId)]);
      return getDirectoryProfile(db, actor.coopId, req.params.memberId, viewer, settings);
    },
  );

  // The public directory: no session, the coop named by the address it chose. Unpublished,
  // unknown, or a member not listed: the same 404, so a probe learns nothing.
  app.get(
    '/public/:slug',
    { config: { access: 'public' }, schema: { tags, summary: "A coop's public directory (only members who opted in, only their public fields)", params: publicParams, querystring: directoryQuery, response: { 200: publicDirectoryPage, ...errorResponses } } },
    async (req) => {
      const coopId = await publishedCoopOf(db, req.params.slug);
      const page = await listDirectory(db, coopId, { kind: 'public' }, { publicDirectory: true }, req.query);
      return { ...page, coopName: (await getCoop(db, coopId)).name };
    },
  );

  app.get(
    '/public/:slug/:memberId',
    { config: { access: 'public' }, schema: { tags, summary: 'A profile of the public directory', params: publicMemberParams, response: { 200: profileView, ...errorResponses } } },
    async (req) => getDirectoryProfile(db, await publishedCoopOf(db, req.params.slug), req.params.memberId, { kind: 'public' }, { publicDirectory: true }),
  );
}
