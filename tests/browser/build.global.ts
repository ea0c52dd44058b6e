import { buildApp } from "./app-server";

/** One production build for every file of the run (the files start their own servers on it). */
export default function setup() {
  buildApp();
}
