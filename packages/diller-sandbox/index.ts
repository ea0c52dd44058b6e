/**
 * The Diller sandbox: a stateful local implementation of the Diller Retailer API v2.0 contract with
 * fault injection, for development, tests, demos and benchmarks. See README.md.
 */
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";

import { TokenIssuer } from "./auth";
import { systemClock } from "./clock";
import { createContractValidator } from "./contract";
import { randomOtpCode } from "./domain/otp";
import { FaultController } from "./faults";
import { createJsonLogger } from "./logger";
import { loadStateFile, saveStateFile } from "./persistence";
import { type SandboxRuntime } from "./runtime";
import { createRequestListener } from "./server";
import { DEMO_API_KEY, DEMO_STORE_ID } from "./state/fixtures";
import { createSeed } from "./state/seed";
import { type RunningSandbox, type SandboxLogger, type SandboxOptions } from "./types";

export { DEMO_API_KEY, DEMO_STORE_ID } from "./state/fixtures";
export {
  DEMO_ACTIVATION_TOKEN,
  DEMO_INVITATION_TOKEN,
  DEMO_MEMBERS,
  SECOND_STORE_API_KEY,
  SECOND_STORE_ID,
  SECOND_STORE_MEMBER_ID,
} from "./state/fixtures";
export { createContractValidator, type ContractError, type ContractValidator } from "./contract";
export { DEFAULT_FAULTS } from "./faults";
export { createJsonLogger, type JsonLoggerOptions } from "./logger";
export type {
  FaultConfig,
  IssuedOtp,
  RequestLogEntry,
  RunningSandbox,
  SandboxLogger,
  SandboxOptions,
  SandboxState,
  ScriptedFault,
  SeedName,
} from "./types";

const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export async function startDillerSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const now = options.now ?? systemClock;
  const logger = options.logger ?? defaultLogger();
  const defaultSeed = options.seed ?? "demo";
  const contract = createContractValidator();
  const stateFile = options.stateFile;
  const loaded = stateFile ? loadStateFile(stateFile, contract) : undefined;

  const runtime: SandboxRuntime = {
    contract,
    state: loaded ?? createSeed(defaultSeed, now(), contract),
    tokens: new TokenIssuer(options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS, now),
    faults: new FaultController(options.faults),
    logger,
    now,
    discovery: options.discovery ?? true,
    stateFile,
    requestLog: [],
    contractViolations: [],
    issuedOtps: [],
    generateOtpCode: options.generateOtpCode ?? randomOtpCode,
    baseUrl: "",
    reset(seed) {
      runtime.state = createSeed(seed ?? defaultSeed, now(), contract);
      runtime.issuedOtps.length = 0;
      logger.info("Diller sandbox state reset", { seed: seed ?? defaultSeed });
    },
    async persist() {
      if (!stateFile) throw new Error("The Diller sandbox has no stateFile to persist to.");
      await saveStateFile(stateFile, runtime.state);
      logger.info("Diller sandbox state written", { stateFile });
    },
  };

  const server = createServer(createRequestListener(runtime));
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  runtime.baseUrl = `http://${clientHost(host)}:${port}`;
  logger.info("Diller sandbox listening", {
    baseUrl: runtime.baseUrl,
    state: loaded ? "loaded from state file" : `seed ${defaultSeed}`,
  });

  let stopping: Promise<void> | undefined;
  return {
    baseUrl: runtime.baseUrl,
    credentials: { storeId: DEMO_STORE_ID, apiKey: DEMO_API_KEY },
    get state() {
      return runtime.state;
    },
    faults: {
      set: (config) => runtime.faults.set(config),
      enqueue: (match, ...faults) => runtime.faults.enqueue(match, ...faults),
      reset: () => runtime.faults.reset(),
    },
    requestLog: runtime.requestLog,
    contractViolations: runtime.contractViolations,
    issuedOtps: runtime.issuedOtps,
    expireAllTokens: () => runtime.tokens.expireAll(),
    reset: (seed) => runtime.reset(seed),
    persist: () => runtime.persist(),
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Stalled requests and idle keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
        await closed;
        if (stateFile) await runtime.persist();
        logger.info("Diller sandbox stopped", { baseUrl: runtime.baseUrl });
      })();
      return stopping;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address: AddressInfo | string | null = server.address();
      if (address === null || typeof address === "string") reject(new Error("The sandbox did not get a TCP port"));
      else resolve(address.port);
    });
  });
}

/** The host a client should use: a wildcard bind is reached through loopback. */
function clientHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function defaultLogger(): SandboxLogger {
  return createJsonLogger({ fields: { component: "diller-sandbox" } });
}
