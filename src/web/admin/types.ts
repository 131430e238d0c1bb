// The admin API's answers as the pages use them (the web never imports server code).

export type BreakKind = "holiday" | "planningDay";

export interface SchoolYearBreak {
  id?: string;
  kind: BreakKind;
  label: string;
  startsOn: string;
  endsOn: string;
}

export interface SchoolYear {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  breaks: SchoolYearBreak[];
}

export type ProposedSchoolYear = Omit<SchoolYear, "id">;

export interface GroupSummary {
  id: string;
  kind: "class" | "teachingGroup";
  name: string;
  grade: string | null;
  subject: string | null;
  pupilCount: number;
  teachers: { id: string; name: string }[];
}

export interface RoleAtSchool {
  id: string;
  role: string;
  groupId: string | null;
  groupName: string | null;
}

export interface PersonListItem {
  id: string;
  givenName: string;
  familyName: string;
  roles: RoleAtSchool[];
  classNames: string[];
}

export interface PeoplePage {
  total: number;
  people: PersonListItem[];
}

export interface PersonDetails {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  feideId: string | null;
  roles: RoleAtSchool[];
  groups: { id: string; name: string; kind: "class" | "teachingGroup"; memberRole: string }[];
  guardians: {
    id: string;
    givenName: string;
    familyName: string;
    email: string | null;
    phone: string | null;
  }[];
  children: { id: string; givenName: string; familyName: string; classNames: string[] }[];
}

export interface SchoolSummary {
  id: string;
  name: string;
  orgNumber: string | null;
  pupils: number;
  staff: number;
}

export interface OwnerSummary {
  id: string;
  name: string;
  orgNumber: string | null;
  schools?: number;
}
