// The pure parts of OIDC login: Feide claims and groups mapping, the first filter, the NIN
// hash, the sealed ID token and the return path. No database, no IdP.
import { describe, expect, it } from "vitest";
import type { Grant } from "../../src/core/access/actor.ts";
import {
  affiliationOf,
  feideLoginAllowed,
  feideNameFromClaims,
  mapFeideGroups,
  normalizeOrgNumber,
} from "../../src/server/auth/oidc/feide.ts";
import { ninHash, pidFromClaims } from "../../src/server/auth/oidc/idporten.ts";
import { providerOfAuthMethod } from "../../src/server/auth/oidc/presets.ts";
import { openToken, sealToken } from "../../src/server/auth/oidc/sealed-token.ts";
import { safeReturnTo } from "../../src/server/auth/oidc/start-login.ts";

const SECRET = "a-test-secret-of-at-least-32-characters!";

describe("feideNameFromClaims", () => {
  it.each([
    ["the Feide claim", { "https://n.feide.no/claims/eduPersonPrincipalName": "ola@skole.no" }],
    ["the short claim", { eduPersonPrincipalName: "ola@skole.no" }],
    ["userid_sec", { "https://n.feide.no/claims/userid_sec": ["nin:123", "feide:ola@skole.no"] }],
    ["userid_sec as a string", { "https://n.feide.no/claims/userid_sec": "feide:ola@skole.no" }],
  ])("reads %s", (_name, claims) => {
    expect(feideNameFromClaims(claims)).toBe("ola@skole.no");
  });

  it.each([
    ["nothing", {}],
    ["no realm", { eduPersonPrincipalName: "ola" }],
    ["a non-Feide id", { "https://n.feide.no/claims/userid_sec": ["nin:12345678901"] }],
    ["a number", { eduPersonPrincipalName: 42 }],
  ])("gives null for %s", (_name, claims) => {
    expect(feideNameFromClaims(claims)).toBeNull();
  });
});

const SCHOOL = "fc:org:skole.no:unit:NO974567891";
const groups = [
  {
    id: "fc:org:fylke.no",
    type: "fc:org",
    displayName: "Fylket",
    orgNumber: "NO974567000",
    membership: { basic: "member", affiliation: ["employee", "member"] },
  },
  {
    id: SCHOOL,
    type: "fc:org",
    displayName: "Skolen",
    norEduOrgNIN: "NO974567891",
    membership: { basic: "member", affiliation: ["faculty", "member"] },
  },
  {
    id: "fc:gogroup:skole.no:b:NO974567891:1sta:2026-08-01:2027-06-30",
    type: "fc:gogroup",
    go_type: "b",
    parent: SCHOOL,
    displayName: "1STA",
    membership: { basic: "admin", affiliation: "faculty" },
  },
  {
    id: "fc:gogroup:skole.no:u:NO974567892:mat1:2026-08-01:2027-06-30",
    type: "fc:gogroup",
    go_type: "u",
    displayName: "Matematikk 1T",
    membership: { basic: "member", affiliation: "student" },
  },
  {
    id: "fc:gogroup:skole.no:b:NO974567891:old:2025-08-01:2026-06-30",
    type: "fc:gogroup",
    go_type: "b",
    parent: SCHOOL,
    displayName: "Last year",
    notAfter: "2026-06-30T00:00:00Z",
    membership: { basic: "member", affiliation: "faculty" },
  },
  { id: "fc:grep:x", type: "fc:grep", code: "VG1", displayName: "Vg1" },
  { id: "fc:grep:y", type: "fc:grep", displayName: "Vg2" },
  { id: "fc:adhoc:123", type: "fc:adhoc", displayName: "Ad hoc" },
  "not an object",
  null,
  { type: "fc:gogroup", go_type: "b" },
];

describe("mapFeideGroups", () => {
  const mapped = mapFeideGroups(groups, new Date("2026-11-26T09:00:00Z"));

  it("finds the organisation numbers in orgNumber and norEduOrgNIN", () => {
    expect(mapped.orgNumbers).toEqual(["974567000", "974567891"]);
  });

  it("maps basisgrupper to classes, with the school from the parent org", () => {
    expect(mapped.classes).toEqual([
      {
        externalId: "fc:gogroup:skole.no:b:NO974567891:1sta:2026-08-01:2027-06-30",
        name: "1STA",
        schoolOrg: "974567891",
        memberRole: "teacher",
      },
    ]);
  });

  it("maps undervisningsgrupper to teaching groups, with the school from the group id", () => {
    expect(mapped.teachingGroups).toEqual([
      {
        externalId: "fc:gogroup:skole.no:u:NO974567892:mat1:2026-08-01:2027-06-30",
        name: "Matematikk 1T",
        schoolOrg: "974567892",
        memberRole: "pupil",
      },
    ]);
  });

  it("drops groups that have ended, and keeps them without a clock", () => {
    expect(mapped.classes.map((c) => c.name)).not.toContain("Last year");
    expect(mapFeideGroups(groups).classes.map((c) => c.name)).toContain("Last year");
  });

  it("collects grades and affiliations", () => {
    expect(mapped.grades).toEqual(["VG1", "Vg2"]);
    expect(mapped.affiliation).toBe("staff");
    expect(mapped.affiliations).toEqual(
      expect.arrayContaining(["employee", "member", "faculty", "student"]),
    );
  });

  it.each([null, undefined, "x", 42, {}, [{}]])("tolerates %j", (junk) => {
    expect(mapFeideGroups(junk)).toEqual({
      orgNumbers: [],
      classes: [],
      teachingGroups: [],
      grades: [],
      affiliation: "unknown",
      affiliations: [],
    });
  });
});

describe("affiliation as a first filter", () => {
  it.each([
    [["student", "member"], "student"],
    [["faculty"], "staff"],
    [["employee", "student"], "staff"],
    [["staff"], "staff"],
    [["member", "affiliate"], "other"],
    [[], "unknown"],
  ] as const)("%j -> %s", (values, expected) => {
    expect(affiliationOf(values)).toBe(expected);
  });

  const school = { schoolId: "s", ownerId: "o" };
  const pupil: Grant[] = [{ role: "pupil", ...school }];
  const teacher: Grant[] = [
    { role: "contactTeacher", ...school },
    { role: "guardian", ...school },
  ];
  const owner: Grant[] = [{ role: "areaDirector", ownerId: "o" }];
  const admin: Grant[] = [{ role: "systemAdmin" }];

  it("lets a Feide student in to pupil, pupil council and guardian roles only", () => {
    expect(feideLoginAllowed("student", pupil)).toBe(true);
    expect(feideLoginAllowed("student", [{ role: "pupilCouncil", ...school }])).toBe(true);
    expect(feideLoginAllowed("student", teacher)).toBe(false);
    expect(feideLoginAllowed("student", owner)).toBe(false);
    expect(feideLoginAllowed("student", admin)).toBe(false);
  });

  it("leaves staff and unknown affiliations to Trygg's own roles", () => {
    for (const a of ["staff", "other", "unknown"] as const) {
      expect(feideLoginAllowed(a, teacher)).toBe(true);
    }
  });
});

describe("normalizeOrgNumber", () => {
  it.each([
    ["NO974567891", "974567891"],
    ["974567891", "974567891"],
    ["974 567 891", "974567891"],
    ["no974567891", "974567891"],
    ["97456789", null],
    ["SE974567891", null],
    [974567891, null],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeOrgNumber(input)).toBe(expected);
  });
});

describe("ninHash", () => {
  const nin = "01817512345";

  it("is deterministic, keyed and never contains the number", () => {
    const h = ninHash(SECRET, nin);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(ninHash(SECRET, nin)).toBe(h);
    expect(ninHash(`${SECRET}-other`, nin)).not.toBe(h);
    expect(ninHash(SECRET, "01817512346")).not.toBe(h);
    expect(h).not.toContain(nin);
  });

  it.each(["0181751234", "018175123456", "0181751234x", " 01817512345"])("refuses %j", (bad) => {
    expect(() => ninHash(SECRET, bad)).toThrow();
  });

  it("reads pid only when it is 11 digits", () => {
    expect(pidFromClaims({ pid: nin })).toBe(nin);
    expect(pidFromClaims({ pid: 1817512345 })).toBeNull();
    expect(pidFromClaims({ sub: nin })).toBeNull();
  });
});

describe("sealed ID token", () => {
  const token = "eyJhbGciOiJSUzI1NiJ9.eyJwaWQiOiIwMTgxNzUxMjM0NSJ9.c2ln";

  it("round-trips and hides the content", () => {
    const sealed = sealToken(SECRET, token);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("eyJwaWQi");
    expect(openToken(SECRET, sealed)).toBe(token);
    expect(sealToken(SECRET, token)).not.toBe(sealed); // fresh IV each time
  });

  it("refuses another secret, tampering and junk", () => {
    const sealed = sealToken(SECRET, token);
    expect(openToken(`${SECRET}x`, sealed)).toBeNull();
    const parts = sealed.split(".");
    parts[2] = `${parts[2]?.slice(0, -2)}AA`;
    expect(openToken(SECRET, parts.join("."))).toBeNull();
    expect(openToken(SECRET, token)).toBeNull();
    expect(openToken(SECRET, "")).toBeNull();
  });
});

describe("safeReturnTo", () => {
  it.each([
    ["/cases/123?tab=plan", "/cases/123?tab=plan"],
    ["/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["cases", "/"],
    ["/a b", "/"],
    [undefined, "/"],
    [["/x"], "/"],
    [`/${"a".repeat(600)}`, "/"],
  ])("%j -> %j", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe("providerOfAuthMethod", () => {
  it.each([
    ["oidc:feide", "feide"],
    ["oidc:idporten", "idporten"],
    ["oidc:other", null],
    ["local", null],
    ["demo", null],
  ])("%s -> %s", (method, expected) => {
    expect(providerOfAuthMethod(method)).toBe(expected);
  });
});
