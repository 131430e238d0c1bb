// Role names as people at a Norwegian school say them. Typed over every Role in
// src/core/access/roles.ts, so a new role without a name fails tsc.
import type { Role } from "../../core/access/roles.ts";
import type { Shape } from "./shape.ts";

const nbRoles = {
  principal: "Rektor",
  deputy: "Assisterende rektor",
  departmentHead: "Avdelingsleder",
  gradeLeader: "Trinnansvarlig",
  contactTeacher: "Kontaktlærer",
  subjectTeacher: "Faglærer",
  counsellor: "Rådgiver",
  socialWorker: "Miljøarbeider",
  schoolNurse: "Helsesykepleier",
  librarian: "Bibliotekar",
  caretaker: "Driftsoperatør",
  adminLeader: "Administrativ leder",
  pupilCouncil: "Elevrådet",
  pupil: "Elev",
  guardian: "Foresatt",
  ownerCaseOfficer: "Saksbehandler hos skoleeier",
  areaDirector: "Områdedirektør",
  systemAdmin: "Systemadministrator",
} as const satisfies Record<Role, string>;

export const nb = { name: nbRoles } as const;

export const nn: Shape<typeof nb> = {
  name: {
    principal: "Rektor",
    deputy: "Assisterande rektor",
    departmentHead: "Avdelingsleiar",
    gradeLeader: "Trinnansvarleg",
    contactTeacher: "Kontaktlærar",
    subjectTeacher: "Faglærar",
    counsellor: "Rådgjevar",
    socialWorker: "Miljøarbeidar",
    schoolNurse: "Helsesjukepleiar",
    librarian: "Bibliotekar",
    caretaker: "Driftsoperatør",
    adminLeader: "Administrativ leiar",
    pupilCouncil: "Elevrådet",
    pupil: "Elev",
    guardian: "Føresett",
    ownerCaseOfficer: "Sakshandsamar hos skuleeigar",
    areaDirector: "Områdedirektør",
    systemAdmin: "Systemadministrator",
  },
};

export const en: Shape<typeof nb> = {
  name: {
    principal: "Principal",
    deputy: "Deputy principal",
    departmentHead: "Head of department",
    gradeLeader: "Year group leader",
    contactTeacher: "Contact teacher",
    subjectTeacher: "Subject teacher",
    counsellor: "Counsellor",
    socialWorker: "Social worker",
    schoolNurse: "School nurse",
    librarian: "Librarian",
    caretaker: "Caretaker",
    adminLeader: "Head of administration",
    pupilCouncil: "Pupil council",
    pupil: "Pupil",
    guardian: "Parent or guardian",
    ownerCaseOfficer: "Case officer at the school owner",
    areaDirector: "Area director",
    systemAdmin: "System administrator",
  },
};

export const roles = { nb, nn, en };
