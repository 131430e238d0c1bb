// A real OpenID Provider (oidc-provider 9) on 127.0.0.1 for end-to-end login tests, a
// cookie-carrying "browser" built on fetch, and a Trygg app that listens on a real port
// (the IdP redirects the browser to it). Synthetic accounts only.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error oidc-provider ships no type declarations; the few members used are typed below.
import OidcProvider from "oidc-provider";
import { createOidcRoutes, oidcRoutes } from "../../src/server/auth/oidc/routes.ts";
import { features } from "../../src/server/features.ts";
import type { Clock } from "../../src/server/platform/clock.ts";
import { type Config, loadConfig } from "../../src/server/platform/config.ts";
import type { DatabaseHandle } from "../../src/server/platform/db/database.ts";
import { buildApp, type TryggApp } from "../../src/server/platform/http/app.ts";
import { createRootLogger } from "../../src/server/platform/logging.ts";
import { createTestDatabase } from "./db.ts";

// --- the IdP -----------------------------------------------------------------------------

export interface TestAccount {
  /** Claims released in the ID token and userinfo (besides sub). */
  claims: Record<string, unknown>;
  /** What the Feide groups API answers for this account. */
  groups?: unknown[];
  /** The assurance level the login reports (ID-porten). */
  acr?: string;
  /** Release the claims from userinfo only, not in the ID token (some IdP set-ups do). */
  userinfoOnly?: boolean;
}

interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface ProviderInstance {
  silent: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ uid: string; prompt: { name: string }; params: Record<string, unknown> }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => Grant;
  AccessToken: { find(value: string): Promise<{ accountId: string } | undefined> };
}
const Provider = OidcProvider as new (
  issuer: string,
  configuration: Record<string, unknown>,
) => ProviderInstance;

export type GroupsMode = "ok" | "hang" | "error";

export interface TestIdp {
  issuer: string;
  /** The Feide groups API is served by the same server, under this base URL. */
  groupsApi: string;
  accounts: Map<string, TestAccount>;
  groupsMode: GroupsMode;
  /** Requests per path, e.g. to prove discovery is cached. */
  hits: Map<string, number>;
  clients: { feide: { id: string; secret: string }; idporten: { id: string; secret: string } };
  /** FEIDE_* and IDPORTEN_* settings pointing Trygg at this IdP. */
  env(): Record<string, string>;
  /** Registers Trygg's callback URLs; call once the Trygg app listens. */
  registerRelyingParty(publicUrl: string): void;
  /**
   * Acts as the user on the IdP's login page: logs in as the account (or cancels) and
   * follows the IdP's redirects until the browser is sent back to Trygg. Returns that URL.
   */
  login(browser: Browser, interactionUrl: URL, accountId: string | { cancel: true }): Promise<URL>;
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startTestIdp(): Promise<TestIdp> {
  const accounts = new Map<string, TestAccount>();
  const hits = new Map<string, number>();
  let provider: ProviderInstance | undefined;
  let providerHandler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const hanging = new Set<ServerResponse>();

  const clients = {
    feide: { id: "trygg-feide-test", secret: randomBytes(24).toString("base64url") },
    idporten: { id: "trygg-idporten-test", secret: randomBytes(24).toString("base64url") },
  };

  const idp: TestIdp = {
    issuer: "",
    groupsApi: "",
    accounts,
    groupsMode: "ok",
    hits,
    clients,
    env: () => ({
      FEIDE_ISSUER: idp.issuer,
      FEIDE_CLIENT_ID: clients.feide.id,
      FEIDE_CLIENT_SECRET: clients.feide.secret,
      FEIDE_GROUPS_API: idp.groupsApi,
      IDPORTEN_ISSUER: idp.issuer,
      IDPORTEN_CLIENT_ID: clients.idporten.id,
      IDPORTEN_CLIENT_SECRET: clients.idporten.secret,
    }),
    registerRelyingParty(publicUrl) {
      provider = createProvider(idp.issuer, publicUrl, clients, accounts);
      providerHandler = provider.callback();
    },
    async login(browser, interactionUrl, accountId) {
      const body =
        typeof accountId === "string"
          ? new URLSearchParams({ login: accountId })
          : new URLSearchParams({ abort: "1" });
      const res = await browser.request(interactionUrl, { method: "POST", form: body });
      const next = redirectTarget(res, interactionUrl);
      if (!next) throw new Error(`IdP login did not redirect (${res.status})`);
      return browser.follow(next, (u) => u.origin !== new URL(idp.issuer).origin);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", idp.issuer);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (!provider || !providerHandler) {
      res.statusCode = 503;
      res.end("IdP not configured yet");
      return;
    }
    if (url.pathname === "/groups-api/groups/me/groups") {
      await serveGroups(provider, req, res);
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (interaction) {
      await serveInteraction(provider, req, res);
      return;
    }
    providerHandler(req, res);
  };

  const serveGroups = async (p: ProviderInstance, req: IncomingMessage, res: ServerResponse) => {
    if (idp.groupsMode === "hang") {
      hanging.add(res); // answered never; destroyed at close
      return;
    }
    if (idp.groupsMode === "error") {
      res.statusCode = 500;
      res.end("boom");
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const found = token ? await p.AccessToken.find(token) : undefined;
    if (!found) {
      res.statusCode = 401;
      res.end();
      return;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(accounts.get(found.accountId)?.groups ?? []));
  };

  // A login page without a page: GET tells the prompt, POST logs in (or cancels). It finishes
  // login and consent in one step, as a user who has consented before would experience it.
  const serveInteraction = async (
    p: ProviderInstance,
    req: IncomingMessage,
    res: ServerResponse,
  ) => {
    const details = await p.interactionDetails(req, res);
    if (req.method === "GET") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
      return;
    }
    const form = await readForm(req);
    if (form.get("abort")) {
      await p.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const accountId = form.get("login") ?? "";
    const account = accounts.get(accountId);
    if (!account) {
      res.statusCode = 400;
      res.end("unknown test account");
      return;
    }
    const grant = new p.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await p.interactionFinished(
      req,
      res,
      {
        login: { accountId, ...(account.acr ? { acr: account.acr } : {}) },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    );
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  idp.issuer = `http://127.0.0.1:${port}`;
  idp.groupsApi = `${idp.issuer}/groups-api`;
  return idp;
}

/** oidc-provider's storage contract over a Map: its default, minus the warning it prints. */
function memoryAdapter() {
  const store = new Map<string, Record<string, unknown>>();
  const refs = new Map<string, string[]>();
  return class MemoryAdapter {
    constructor(readonly model: string) {}
    key(id: string): string {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>): Promise<void> {
      store.set(this.key(id), payload);
      const { grantId, userCode, uid } = payload;
      if (typeof grantId === "string") {
        refs.set(`grant:${grantId}`, [...(refs.get(`grant:${grantId}`) ?? []), this.key(id)]);
      }
      if (typeof userCode === "string") refs.set(`userCode:${userCode}`, [this.key(id)]);
      if (typeof uid === "string") refs.set(`uid:${uid}`, [this.key(id)]);
    }
    async find(id: string): Promise<Record<string, unknown> | undefined> {
      return store.get(this.key(id));
    }
    async findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined> {
      const [k] = refs.get(`userCode:${userCode}`) ?? [];
      return k ? store.get(k) : undefined;
    }
    async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
      const [k] = refs.get(`uid:${uid}`) ?? [];
      return k ? store.get(k) : undefined;
    }
    async consume(id: string): Promise<void> {
      const found = store.get(this.key(id));
      if (found) found.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const k of refs.get(`grant:${grantId}`) ?? []) store.delete(k);
      refs.delete(`grant:${grantId}`);
    }
  };
}

function createProvider(
  issuer: string,
  publicUrl: string,
  clients: TestIdp["clients"],
  accounts: Map<string, TestAccount>,
): ProviderInstance {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: "test-key",
    use: "sig",
    alg: "RS256",
  };
  const client = (name: "feide" | "idporten") => ({
    client_id: clients[name].id,
    client_secret: clients[name].secret,
    redirect_uris: [`${publicUrl}/api/auth/oidc/${name}/callback`],
    post_logout_redirect_uris: [`${publicUrl}/login`],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  });
  const provider = new Provider(issuer, {
    clients: [client("feide"), client("idporten")],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    scopes: ["openid", "profile", "email", "userid-feide", "groups"],
    claims: {
      openid: ["sub", "pid"],
      profile: ["name", "given_name", "family_name"],
      email: ["email"],
      "userid-feide": [
        "https://n.feide.no/claims/userid_sec",
        "https://n.feide.no/claims/eduPersonPrincipalName",
      ],
    },
    acrValues: ["idporten-loa-substantial", "idporten-loa-high"],
    // Real Feide and ID-porten put the identity claims in the ID token itself.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async (use: "id_token" | "userinfo") =>
          account.userinfoOnly && use === "id_token" ? { sub: id } : { sub: id, ...account.claims },
      };
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><title>logout</title>${form}<button form="op.logoutForm">logout</button>`;
        },
      },
    },
    // Explicit lifetimes and storage: the defaults work but print advice on every run.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    adapter: memoryAdapter(),
  });
  // Koa would print expected client errors (bad verifier, bad nonce) with console.error.
  provider.silent = true;
  return provider;
}

// --- the browser -------------------------------------------------------------------------

/** Just enough of a browser: keeps cookies per origin and never follows redirects by itself. */
export class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string | null): void {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    if (value === null) cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(origin, cookies);
  }

  async request(
    url: URL | string,
    opts: {
      method?: string;
      form?: URLSearchParams;
      json?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    const res = await fetch(target, {
      method: opts.method ?? "GET",
      redirect: "manual",
      headers: {
        ...(cookies ? { cookie: cookies } : {}),
        ...(opts.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        ...(opts.json !== undefined ? { "content-type": "application/json" } : {}),
        ...(opts.headers ?? {}),
      },
      ...(opts.form ? { body: opts.form.toString() } : {}),
      ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => {
        const [k = "", v = ""] = a.trim().split("=");
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
        return false;
      });
      this.setCookie(target.origin, name, gone || value === "" ? null : value);
    }
    return res;
  }

  /** Follows redirects from `url` and stops before fetching a URL for which `stop` is true. */
  async follow(url: URL, stop: (u: URL) => boolean, maxHops = 10): Promise<URL> {
    let current = url;
    for (let i = 0; i < maxHops; i++) {
      if (stop(current)) return current;
      const res = await this.request(current);
      const next = redirectTarget(res, current);
      if (!next) {
        throw new Error(`Redirect chain ended at ${current.pathname} with ${res.status}`);
      }
      current = next;
    }
    throw new Error("Too many redirects");
  }
}

export function redirectTarget(res: Response, base: URL): URL | null {
  if (res.status < 300 || res.status >= 400) return null;
  const location = res.headers.get("location");
  return location ? new URL(location, base) : null;
}

// --- Trygg on a real port ----------------------------------------------------------------

export interface ListeningTestApp {
  app: TryggApp;
  database: DatabaseHandle;
  config: Config;
  now: { value: Date };
  url: string;
  /** Every log line the app wrote (JSON), to prove what is and is not logged. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * Like createTestApp, but listening on 127.0.0.1 and with the OIDC routes allowed to talk
 * plain HTTP to a loopback IdP (never possible in the production registration).
 */
export async function createListeningTestApp(
  env: Record<string, string>,
  opts: { groupsTimeoutMs?: number } = {},
): Promise<ListeningTestApp> {
  const config = loadConfig({
    NODE_ENV: "test",
    TRYGG_DATA_DIR: ".tmp/test-data",
    TRYGG_SECRET: randomBytes(32).toString("base64url"),
    ...env,
  });
  const database = await createTestDatabase();
  const now = { value: new Date() };
  const clock: Clock = () => now.value;
  const logs: string[] = [];
  const logger = createRootLogger("info", { write: (line: string) => void logs.push(line) });
  const testOidcRoutes = createOidcRoutes({
    allowInsecureLoopback: true,
    groupsTimeoutMs: opts.groupsTimeoutMs ?? 1000,
  });
  const app = await buildApp(
    { config, database, clock, logger },
    features.map((f) => (f === oidcRoutes ? testOidcRoutes : f)),
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The port is only known now; the routes read publicUrl per request, so setting it before
  // the first request is enough (redirect_uri and post-logout URL are built from it).
  config.publicUrl = url;
  return {
    app,
    database,
    config,
    now,
    url,
    logs,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
