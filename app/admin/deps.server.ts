import { adminGateway, db, dillerClientFor, jobQueue, logger, secrets } from "~/shopify.server";

/** The composition root's pieces the admin pages use, in the shape the admin modules take them. */
export const adminDeps = {
  db,
  secrets,
  dillerFor: dillerClientFor,
  logger,
  queue: jobQueue,
  admin: adminGateway,
};
