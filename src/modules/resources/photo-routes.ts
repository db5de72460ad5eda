import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import { readUpload } from '../../platform/http/upload.js';
import { addResourcePhoto } from './add-resource-photo.js';
import { idParams } from './contract.js';
import { listResourcePhotos } from './list-resource-photos.js';
import { openResourcePhoto } from './open-resource-photo.js';
import { MAX_RESOURCE_PHOTO_BYTES, resourcePhoto, resourcePhotoFields, resourcePhotoList, resourcePhotoParams } from './photo-contract.js';
import { removeResourcePhoto } from './remove-resource-photo.js';

const tags = ['resources'];
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
/** The team keeps the catalogue, its photos included. */
const team = ['admin', 'staff'] as const;

/** The catalogue's photos: everyone of the coop sees them, the team adds and deletes them. */
export async function photoRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, storage } = app.deps;
  const db = database.db;

  app.get('/:id/photos', { config: { access: readers }, schema: { tags, summary: "A resource's photos", params: idParams, response: { 200: resourcePhotoList, ...errorResponses } } }, async (req) => ({
    items: await listResourcePhotos(db, actorOf(req).coopId, req.params.id),
  }));
  app.post(
    '/:id/photos',
    { config: { access: team }, schema: { tags, summary: 'Add a photo to a resource (multipart: file = JPEG, PNG or WebP)', consumes: ['multipart/form-data'], params: idParams, response: { 201: resourcePhoto, ...errorResponses } } },
    async (req, reply) => {
      const { file } = await readUpload(req, { maxBytes: Math.min(MAX_RESOURCE_PHOTO_BYTES, config.maxUploadBytes), schema: resourcePhotoFields, defaultFileName: 'photo' });
      return reply.status(201).send(await addResourcePhoto(db, storage, actorOf(req), req.params.id, file));
    },
  );
  app.get(
    '/:id/photos/:photoId',
    { config: { access: readers }, schema: { tags, summary: 'The image of a resource photo', params: resourcePhotoParams, response: { 200: z.unknown().describe('The image'), ...errorResponses } } },
    async (req, reply) => {
      const p = await openResourcePhoto(db, storage, actorOf(req).coopId, req.params.id, req.params.photoId);
      return reply
        .header('content-type', p.type)
        .header('content-disposition', contentDisposition(p.fileName, 'inline'))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'private, max-age=3600')
        .send(p.bytes);
    },
  );
  app.delete('/:id/photos/:photoId', { config: { access: team }, schema: { tags, summary: 'Delete a resource photo (audited)', params: resourcePhotoParams, response: { 204: empty, ...errorResponses } } }, async (req, reply) => {
    await removeResourcePhoto(db, storage, actorOf(req), req.params.id, req.params.photoId);
    return reply.status(204).send(null);
  });
}
