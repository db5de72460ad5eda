import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/context.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { readUpload } from '../../platform/http/upload.js';
import { getCoop } from '../coops/index.js';
import {
  directoryQuery,
  directorySettingsBody,
  directorySettingsView,
  fileVisibilityBody,
  freeSkillList,
  memberFileParams,
  memberParams,
  poleList,
  portfolioFileFields,
  profilePage,
  profileView,
  publicDirectoryPage,
  publicMemberFileParams,
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
import { listPoles } from './list-poles.js';
import { audienceOf } from './domain/visible-profile.js';
import { openProfileFile } from './open-profile-file.js';
import { MEMBERS_FILES_BASE, publicFilesBase } from './profile-of-row.js';
import { removeProfileFile } from './remove-profile-file.js';
import { setFileVisibility } from './set-file-visibility.js';
import { uploadProfileFile } from './upload-profile-file.js';
import { saveMyProfile } from './save-my-profile.js';
import { addSkill, listFreeSkills, listSkills, removeSkill } from './skills-vocabulary.js';

const tags = ['directory'];
/** Everyone of the coop reads the directory, each through the visibility rule. */
const everyone = ['admin', 'staff', 'accountant', 'member'] as const;
/** The team keeps the vocabulary; the coop's management decides to publish. */
const team = ['admin', 'staff'] as const;

export async function directoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage, config } = app.deps;
  const db = database.db;

  /** A profile as the actor now reads it, after a change to its files. */
  const profileFor = async (req: FastifyRequest, memberId: string) => {
    const actor = actorOf(req);
    const [viewer, settings] = await Promise.all([directoryViewerOf(db, actor), getDirectorySettings(db, actor.coopId)]);
    return getDirectoryProfile(db, actor.coopId, memberId, viewer, settings, MEMBERS_FILES_BASE);
  };
  /** Files go out with their own type, never sniffed by the browser into a page, nor cached beyond the viewer. */
  const sendFile = (reply: FastifyReply, f: { bytes: Buffer; contentType: string; fileName: string }, disposition: 'inline' | 'attachment') =>
    reply
      .header('content-type', f.contentType)
      .header('content-disposition', contentDisposition(f.fileName, disposition))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
      .header('cache-control', 'private, no-store')
      .send(f.bytes);

  app.get(
    '/',
    { config: { access: everyone }, schema: { tags, summary: 'Search the directory (accent-insensitive; each viewer finds and reads only what members let them see)', querystring: directoryQuery, response: { 200: profilePage, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const [viewer, settings] = await Promise.all([directoryViewerOf(db, actor), getDirectorySettings(db, actor.coopId)]);
      return listDirectory(db, actor.coopId, viewer, settings, req.query, MEMBERS_FILES_BASE);
    },
  );

  app.get(
    '/poles',
    { config: { access: everyone }, schema: { tags, summary: 'The poles the pole filter offers me', response: { 200: poleList, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return { items: await listPoles(db, actor.coopId, audienceOf(await directoryViewerOf(db, actor))) };
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
      return getDirectoryProfile(db, actor.coopId, req.params.memberId, viewer, settings, MEMBERS_FILES_BASE);
    },
  );

  // A profile's files: its owner (or the staff) adds, re-scopes and removes them; every viewer
  // downloads only what the one visibility rule lets her see.
  app.post(
    '/:memberId/photo',
    { config: { access: everyone }, schema: { tags, summary: 'Set the photo of a profile, replacing the previous one (multipart: file = JPEG, PNG or WebP by content; own profile, or staff)', consumes: ['multipart/form-data'], params: memberParams, response: { 200: profileView, ...errorResponses } } },
    async (req) => {
      const { file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: z.object({}), defaultFileName: 'photo' });
      await uploadProfileFile(db, storage, actorOf(req), req.params.memberId, 'photo', 'hidden', file, config.maxUploadBytes);
      return profileFor(req, req.params.memberId);
    },
  );

  app.delete(
    '/:memberId/photo',
    { config: { access: everyone }, schema: { tags, summary: 'Remove the photo of a profile (own profile, or staff)', params: memberParams, response: { 200: profileView, ...errorResponses } } },
    async (req) => {
      await removeProfileFile(db, storage, actorOf(req), req.params.memberId, null);
      return profileFor(req, req.params.memberId);
    },
  );

  app.get(
    '/:memberId/photo',
    { config: { access: everyone }, schema: { tags, summary: 'The photo of a profile, if its owner shows it to me', params: memberParams, response: { 200: z.unknown().describe('The image'), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const [viewer, settings] = await Promise.all([directoryViewerOf(db, actor), getDirectorySettings(db, actor.coopId)]);
      return sendFile(reply, await openProfileFile(db, storage, actor.coopId, req.params.memberId, null, viewer, settings), 'inline');
    },
  );

  app.post(
    '/:memberId/files',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Add a portfolio file (multipart: file = PDF, JPEG, PNG or WebP by content; visibility = hidden|members|public, hidden by default; own profile, or staff)', consumes: ['multipart/form-data'], params: memberParams, response: { 200: profileView, ...errorResponses } },
    },
    async (req) => {
      const { fields, file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: portfolioFileFields, defaultFileName: 'portfolio' });
      await uploadProfileFile(db, storage, actorOf(req), req.params.memberId, 'portfolio', fields.visibility, file, config.maxUploadBytes);
      return profileFor(req, req.params.memberId);
    },
  );

  app.patch(
    '/:memberId/files/:fileId',
    { config: { access: everyone }, schema: { tags, summary: 'Choose who sees a portfolio file (own profile, or staff)', params: memberFileParams, body: fileVisibilityBody, response: { 200: profileView, ...errorResponses } } },
    async (req) => {
      await setFileVisibility(db, actorOf(req), req.params.memberId, req.params.fileId, req.body.visibility);
      return profileFor(req, req.params.memberId);
    },
  );

  app.delete(
    '/:memberId/files/:fileId',
    { config: { access: everyone }, schema: { tags, summary: 'Remove a portfolio file (own profile, or staff)', params: memberFileParams, response: { 200: profileView, ...errorResponses } } },
    async (req) => {
      await removeProfileFile(db, storage, actorOf(req), req.params.memberId, req.params.fileId);
      return profileFor(req, req.params.memberId);
    },
  );

  app.get(
    '/:memberId/files/:fileId',
    { config: { access: everyone }, schema: { tags, summary: 'Download a portfolio file, if its owner shows it to me', params: memberFileParams, response: { 200: z.unknown().describe('The PDF or image'), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const [viewer, settings] = await Promise.all([directoryViewerOf(db, actor), getDirectorySettings(db, actor.coopId)]);
      return sendFile(reply, await openProfileFile(db, storage, actor.coopId, req.params.memberId, req.params.fileId, viewer, settings), 'attachment');
    },
  );

  // The public directory: no session, the coop named by the address it chose. Unpublished,
  // unknown, or a member not listed: the same 404, so a probe learns nothing.
  app.get(
    '/public/:slug',
    { config: { access: 'public' }, schema: { tags, summary: "A coop's public directory (only members who opted in, only their public fields)", params: publicParams, querystring: directoryQuery, response: { 200: publicDirectoryPage, ...errorResponses } } },
    async (req) => {
      const coopId = await publishedCoopOf(db, req.params.slug);
      const page = await listDirectory(db, coopId, { kind: 'public' }, { publicDirectory: true }, req.query, publicFilesBase(req.params.slug.toLowerCase()));
      return { ...page, coopName: (await getCoop(db, coopId)).name };
    },
  );

  app.get(
    '/public/:slug/poles',
    { config: { access: 'public' }, schema: { tags, summary: "The poles of a coop's public directory", params: publicParams, response: { 200: poleList, ...errorResponses } } },
    async (req) => ({ items: await listPoles(db, await publishedCoopOf(db, req.params.slug), 'public') }),
  );

  app.get(
    '/public/:slug/:memberId',
    { config: { access: 'public' }, schema: { tags, summary: 'A profile of the public directory', params: publicMemberParams, response: { 200: profileView, ...errorResponses } } },
    async (req) => getDirectoryProfile(db, await publishedCoopOf(db, req.params.slug), req.params.memberId, { kind: 'public' }, { publicDirectory: true }, publicFilesBase(req.params.slug.toLowerCase())),
  );

  app.get(
    '/public/:slug/:memberId/photo',
    { config: { access: 'public' }, schema: { tags, summary: 'The photo of a profile of the public directory, if shown to the public', params: publicMemberParams, response: { 200: z.unknown().describe('The image'), ...errorResponses } } },
    async (req, reply) => sendFile(reply, await openProfileFile(db, storage, await publishedCoopOf(db, req.params.slug), req.params.memberId, null, { kind: 'public' }, { publicDirectory: true }), 'inline'),
  );

  app.get(
    '/public/:slug/:memberId/files/:fileId',
    { config: { access: 'public' }, schema: { tags, summary: 'Download a portfolio file of the public directory, if shown to the public', params: publicMemberFileParams, response: { 200: z.unknown().describe('The PDF or image'), ...errorResponses } } },
    async (req, reply) => sendFile(reply, await openProfileFile(db, storage, await publishedCoopOf(db, req.params.slug), req.params.memberId, req.params.fileId, { kind: 'public' }, { publicDirectory: true }), 'attachment'),
  );
}
