// What the pupil and the guardians are told: the right to go to Statsforvalteren (§12-6),
// their cases in plain words ("Mine meldinger") and the closing letter. One rule gives the
// dates (src/core/cases/complaint.ts); src/i18n/complaint-text.ts renders the complaint text
// for the web, the family copy and the letter alike.
import type { Shape } from "./shape.ts";

export const nb = {
  complaint: {
    title: "Du kan melde saken til Statsforvalteren",
    body: "Mener du at skolen ikke gjør nok for at eleven skal ha det trygt og godt, kan eleven eller foreldrene melde saken til Statsforvalteren ({{statute}}). Saken må først være tatt opp med rektor, og det må ha gått en uke. Saken ble tatt opp med skolen {{raisedOn}}, så du kan melde den fra og med {{firstDate}}.",
    free: "Det er gratis, og du trenger ingen advokat.",
    address: "Adresse",
    email: "E-post",
    web: "Nettside",
  },
  stage: {
    reported: "Skolen har fått meldingen.",
    acknowledged: "Rektor har lest meldingen, og skolen følger opp.",
    investigating: "Skolen undersøker hvordan eleven har det.",
    measuresActive: "Skolen har satt inn tiltak etter en aktivitetsplan.",
    evaluating: "Skolen vurderer hvordan tiltakene har virket.",
    closed: "Saken er avsluttet.",
  },
  ground: {
    pupilFeelsSafe: "Eleven har sagt at hen nå har det trygt og godt på skolen.",
    pupilLeftSchool: "Eleven har sluttet på skolen.",
    joined: "Saken er slått sammen med en annen sak om det samme, og arbeidet fortsetter der.",
    noCaseToAnswer:
      "Skolen har undersøkt saken og har ikke funnet at eleven mangler et trygt og godt skolemiljø.",
    other: "Rektor har avsluttet saken av en annen grunn. Spør rektor hvis du vil vite mer.",
  },
  plan: {
    title: "Aktivitetsplanen som gjelder",
    what: "Tiltak",
    when: "Når",
    responsible: "Ansvarlig",
    from: "Fra {{date}}",
    fromTo: "{{from}} til {{to}}",
    keepApart: "Eleven holdes adskilt fra en annen elev i grupper og klassekart.",
    nextEvaluation: "Neste evaluering: {{date}}",
    none: "Skolen har ikke laget en aktivitetsplan ennå.",
    dueBy: "Planen skal være klar senest {{date}}.",
  },
  role: {
    principal: "rektor",
    deputy: "assisterende rektor",
    caseLead: "saksansvarlig",
    owner: "skoleeier",
    staff: "ansatt",
  },
  mine: {
    casesTitle: "Saker om skolemiljøet",
    casesIntro:
      "Her ser du sakene skolen har om skolemiljøet ditt, eller om barnet ditt: hvor langt saken har kommet, tiltakene og hvem du kan kontakte. Det andre har sagt, og navn på andre elever, står ikke her.",
    noCases: "Det er ingen saker om deg eller barnet ditt.",
    caseAbout: "Sak om {{name}}",
    startedOn: "Skolen fikk vite om saken {{date}}",
    closedOn: "Avsluttet {{date}}",
    stage: "Hvor saken står",
    contact: "Kontakt på skolen",
    closing: "Hvorfor saken ble avsluttet",
  },
  letter: {
    title: "Skolemiljøsaken er avsluttet",
    subtitle: "Brev til eleven og foresatte",
    school: "Skole",
    pupil: "Elev",
    date: "Dato",
    body: "Skolen avsluttet skolemiljøsaken om {{pupil}} {{date}}. Her er grunnen, aktivitetsplanen som gjaldt, og hva du kan gjøre hvis du er uenig.",
    ground: "Hvorfor saken er avsluttet",
    plan: "Aktivitetsplanen som gjaldt",
    noPlan: "Det ble ikke laget en aktivitetsplan i saken.",
    evaluatedOn: "Planen skulle evalueres {{date}}.",
    again:
      "Hvis eleven igjen ikke har det trygt og godt, si ifra til skolen. Da har skolen plikt til å følge opp på nytt.",
    contact: "Spørsmål om saken kan rettes til {{name}}, {{role}}.",
    regards: "Med vennlig hilsen",
  },
};

export const nn: Shape<typeof nb> = {
  complaint: {
    title: "Du kan melde saka til Statsforvaltaren",
    body: "Meiner du at skulen ikkje gjer nok for at eleven skal ha det trygt og godt, kan eleven eller foreldra melde saka til Statsforvaltaren ({{statute}}). Saka må først vere teken opp med rektor, og det må ha gått ei veke. Saka vart teken opp med skulen {{raisedOn}}, så du kan melde ho frå og med {{firstDate}}.",
    free: "Det er gratis, og du treng ingen advokat.",
    address: "Adresse",
    email: "E-post",
    web: "Nettside",
  },
  stage: {
    reported: "Skulen har fått meldinga.",
    acknowledged: "Rektor har lese meldinga, og skulen følgjer opp.",
    investigating: "Skulen undersøkjer korleis eleven har det.",
    measuresActive: "Skulen har sett inn tiltak etter ein aktivitetsplan.",
    evaluating: "Skulen vurderer korleis tiltaka har verka.",
    closed: "Saka er avslutta.",
  },
  ground: {
    pupilFeelsSafe: "Eleven har sagt at hen no har det trygt og godt på skulen.",
    pupilLeftSchool: "Eleven har slutta på skulen.",
    joined: "Saka er slått saman med ei anna sak om det same, og arbeidet held fram der.",
    noCaseToAnswer:
      "Skulen har undersøkt saka og har ikkje funne at eleven manglar eit trygt og godt skulemiljø.",
    other: "Rektor har avslutta saka av ein annan grunn. Spør rektor om du vil vite meir.",
  },
  plan: {
    title: "Aktivitetsplanen som gjeld",
    what: "Tiltak",
    when: "Når",
    responsible: "Ansvarleg",
    from: "Frå {{date}}",
    fromTo: "{{from}} til {{to}}",
    keepApart: "Eleven blir halden frå ein annan elev i grupper og klassekart.",
    nextEvaluation: "Neste evaluering: {{date}}",
    none: "Skulen har ikkje laga ein aktivitetsplan enno.",
    dueBy: "Planen skal vere klar seinast {{date}}.",
  },
  role: {
    principal: "rektor",
    deputy: "assisterande rektor",
    caseLead: "saksansvarleg",
    owner: "skuleeigar",
    staff: "tilsett",
  },
  mine: {
    casesTitle: "Saker om skulemiljøet",
    casesIntro:
      "Her ser du sakene skulen har om skulemiljøet ditt, eller om barnet ditt: kor langt saka har kome, tiltaka og kven du kan kontakte. Det andre har sagt, og namn på andre elevar, står ikkje her.",
    noCases: "Det er ingen saker om deg eller barnet ditt.",
    caseAbout: "Sak om {{name}}",
    startedOn: "Skulen fekk vite om saka {{date}}",
    closedOn: "Avslutta {{date}}",
    stage: "Kvar saka står",
    contact: "Kontakt på skulen",
    closing: "Kvifor saka vart avslutta",
  },
  letter: {
    title: "Skulemiljøsaka er avslutta",
    subtitle: "Brev til eleven og føresette",
    school: "Skule",
    pupil: "Elev",
    date: "Dato",
    body: "Skulen avslutta skulemiljøsaka om {{pupil}} {{date}}. Her er grunnen, aktivitetsplanen som galdt, og kva du kan gjere om du er usamd.",
    ground: "Kvifor saka er avslutta",
    plan: "Aktivitetsplanen som galdt",
    noPlan: "Det vart ikkje laga ein aktivitetsplan i saka.",
    evaluatedOn: "Planen skulle evaluerast {{date}}.",
    again:
      "Om eleven igjen ikkje har det trygt og godt, sei ifrå til skulen. Då har skulen plikt til å følgje opp på nytt.",
    contact: "Spørsmål om saka kan rettast til {{name}}, {{role}}.",
    regards: "Med venleg helsing",
  },
};

export const en: Shape<typeof nb> = {
  complaint: {
    title: "You may take the case to Statsforvalteren",
    body: "If you think the school is not doing enough for the pupil to be safe and well, the pupil or the parents may take the case to Statsforvalteren, the state administrator ({{statute}}). The case must first have been raised with the principal, and a week must have passed. The case was raised with the school on {{raisedOn}}, so you may take it further from {{firstDate}}.",
    free: "It is free, and you do not need a lawyer.",
    address: "Address",
    email: "E-mail",
    web: "Web page",
  },
  stage: {
    reported: "The school has received the report.",
    acknowledged: "The principal has read the report, and the school is following it up.",
    investigating: "The school is finding out how the pupil is doing.",
    measuresActive: "The school has put measures in place under a measure plan.",
    evaluating: "The school is assessing how the measures have worked.",
    closed: "The case is closed.",
  },
  ground: {
    pupilFeelsSafe: "The pupil has said they now feel safe and well at school.",
    pupilLeftSchool: "The pupil has left the school.",
    joined:
      "The case has been joined with another case about the same matter, and the work continues there.",
    noCaseToAnswer:
      "The school has looked into the case and has not found that the pupil lacks a safe and good school environment.",
    other:
      "The principal closed the case for another reason. Ask the principal if you want to know more.",
  },
  plan: {
    title: "The measure plan in force",
    what: "Measure",
    when: "When",
    responsible: "Responsible",
    from: "From {{date}}",
    fromTo: "{{from}} to {{to}}",
    keepApart: "The pupil is kept apart from another pupil in groups and seating.",
    nextEvaluation: "Next evaluation: {{date}}",
    none: "The school has not made a measure plan yet.",
    dueBy: "The plan is due by {{date}}.",
  },
  role: {
    principal: "principal",
    deputy: "deputy principal",
    caseLead: "case lead",
    owner: "school owner",
    staff: "staff",
  },
  mine: {
    casesTitle: "School environment cases",
    casesIntro:
      "Here you see the cases the school has about your school environment, or your child's: how far the case has come, the measures and whom to contact. What others have said, and other pupils' names, are not shown.",
    noCases: "There are no cases about you or your child.",
    caseAbout: "Case about {{name}}",
    startedOn: "The school learned of the case on {{date}}",
    closedOn: "Closed on {{date}}",
    stage: "Where the case stands",
    contact: "Contact at the school",
    closing: "Why the case was closed",
  },
  letter: {
    title: "The school environment case is closed",
    subtitle: "Letter to the pupil and the guardians",
    school: "School",
    pupil: "Pupil",
    date: "Date",
    body: "The school closed the school environment case about {{pupil}} on {{date}}. Here is why, the measure plan that was in force, and what you can do if you disagree.",
    ground: "Why the case is closed",
    plan: "The measure plan that was in force",
    noPlan: "No measure plan was made in the case.",
    evaluatedOn: "The plan was to be evaluated on {{date}}.",
    again:
      "If the pupil again does not feel safe, tell the school. The school must then follow up again.",
    contact: "Questions about the case may be put to {{name}}, {{role}}.",
    regards: "Kind regards",
  },
};

export const family = { nb, nn, en };
