import {
  adminGateway,
  connectShop,
  db,
  dillerClientFor,
  dillerConnectionFor,
  dillerConnectionTester,
  jobQueue,
  logger,
} from "~/shopify.server";

/** The composition root's pieces the admin pages use, in the shape the admin modules take them. */
export const adminDeps = {
  db,
  dillerFor: dillerClientFor,
  dillerConnectionFor,
  connectionTester: dillerConnectionTester,
  connectShop,
  logger,
  queue: jobQueue,
  admin: adminGateway,
};
