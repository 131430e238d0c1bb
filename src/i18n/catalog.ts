// All web translations in one place, assembled into i18next resources. Each namespace lives in
// src/i18n/web/<namespace>.ts and exports `{ nb, nn, en }` (nn and en typed against nb).
// To add a namespace: import it and add it to `webNamespaces` (the key is the namespace name;
// `import` is a reserved word, so that file exports e.g. `importNs` and is listed as
// `import: importNs`).
import { errorMessages, type errorsNb } from "./errors.ts";
import { LANGS, type Lang } from "./lang.ts";
import { account } from "./web/account.ts";
import { admin } from "./web/admin.ts";
import { audit } from "./web/audit.ts";
import { auth } from "./web/auth.ts";
import { cases } from "./web/cases.ts";
import { checkins } from "./web/checkins.ts";
import { common } from "./web/common.ts";
import { compliance } from "./web/compliance.ts";
import { demo } from "./web/demo.ts";
import { family } from "./web/family.ts";
import { groups } from "./web/groups.ts";
import { home } from "./web/home.ts";
import { importNs } from "./web/import.ts";
import { owner } from "./web/owner.ts";
import { plans } from "./web/plans.ts";
import { roles } from "./web/roles.ts";
import { surveysClass } from "./web/surveys-class.ts";
import { surveysNational } from "./web/surveys-national.ts";

const webNamespaces = {
  common,
  auth,
  roles,
  home,
  audit,
  demo,
  admin,
  import: importNs,
  plans,
  cases,
  account,
  groups,
  owner,
  family,
  compliance,
  surveysNational,
  checkins,
  surveysClass,
};

type WebNamespaces = typeof webNamespaces;

/** "a.b": "x" becomes { a: { b: "x" } }, so dotted error codes work with i18next's key separator. */
type Unflatten<T> = {
  [K in keyof T as K extends `${infer Head}.${string}`
    ? Head
    : K]: K extends `${infer Head}.${string}`
    ? Unflatten<{ [K2 in keyof T as K2 extends `${Head}.${infer Rest}` ? Rest : never]: T[K2] }>
    : T[K];
};

export type Resources = { [N in keyof WebNamespaces]: WebNamespaces[N]["nb"] } & {
  errors: Unflatten<typeof errorsNb>;
};

export const NAMESPACES = [...Object.keys(webNamespaces), "errors"] as (keyof Resources)[];

function unflatten(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return out;
}

function resourcesFor(lang: Lang): Resources {
  const out: Record<string, unknown> = {};
  for (const [name, ns] of Object.entries(webNamespaces)) out[name] = ns[lang];
  out.errors = unflatten(errorMessages[lang]);
  return out as Resources;
}

/** i18next resources: language -> namespace -> nested keys. */
export const resources = Object.fromEntries(LANGS.map((l) => [l, resourcesFor(l)])) as Record<
  Lang,
  Resources
>;
