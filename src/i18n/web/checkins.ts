// Check-ins at a case's plan evaluation ("Hvordan har du det nå?") and "where and when"
// (places and times of day in reports, counted above the threshold). ADR 0117.
import type { Shape } from "./shape.ts";

export const nb = {
  card: {
    heading: "Hvordan har du det nå?",
    intro:
      "Skolen har satt inn tiltak for at du skal ha det trygt og godt. Nå vil de høre hvordan det går.",
    notAnonymous:
      "Svaret er ikke anonymt. Det går til de som jobber med saken din på {{school}}, og blir en del av saken.",
    answerBy: "Du kan svare til og med {{date}}.",
    safeQuestion: "Har du det trygt og godt på skolen nå?",
    answers: { yes: "Ja", partly: "Delvis", no: "Nei" },
    words: "Vil du si mer? (valgfritt)",
    wordsHelp: "Skriv med dine egne ord. De som jobber med saken, leser det.",
    submit: "Send svaret",
    sending: "Sender …",
    chooseAnswer: "Velg ja, delvis eller nei.",
    errorsTitle: "Dette må rettes",
    thanks: "Takk! Svaret ditt er sendt til de som jobber med saken din.",
    thanksNotSafe:
      "Takk for at du sier ifra. De som jobber med saken din, får beskjed om at de skal ta kontakt med deg.",
    talkNow:
      "Trenger du noen å snakke med nå, kan du gå til kontaktlæreren din eller helsesykepleieren.",
  },
  casePage: {
    fromCheckIn: "Svar på «Hvordan har du det nå?»",
    answer: { yes: "Ja", partly: "Delvis", no: "Nei" },
    opened: "«Hvordan har du det nå?» sendt til eleven",
    answered: "Eleven svarte på «Hvordan har du det nå?»",
  },
  report: {
    placeLegend: "Hvor og når skjedde det? (valgfritt)",
    placeHelp:
      "Hjelper skolen å se hvor det skjer, så voksne kan være der. Vises bare samlet når mange nok har svart.",
    place: "Hvor",
    timeOfDay: "Når på dagen",
    notGiven: "Ikke oppgitt",
  },
  place: {
    classroom: "Klasserommet",
    corridor: "Gangen",
    canteen: "Kantina",
    toilets: "Toalettene",
    schoolyard: "Skolegården",
    wayToSchool: "Bussholdeplassen eller skoleveien",
    online: "På nett",
    gym: "Gymsalen eller garderoben",
    other: "Et annet sted",
  },
  timeOfDay: {
    beforeSchool: "Før skolen",
    lessons: "I timene",
    break: "I friminuttet",
    lunch: "I lunsjen",
    afterSchool: "Etter skolen",
    evening: "Kveld eller natt",
    notGiven: "Ikke oppgitt",
  },
  whereWhen: {
    nav: "Hvor og når",
    navHelp: "Se hvor og når hendelser skjer, så skolen kan sette voksne der det trengs.",
    title: "Hvor og når",
    intro:
      "Stedene og tidene som er oppgitt i meldinger (og senere i klassens egne undersøkelser), talt opp. Et tall vises bare når det gjelder minst {{k}}, og noen tall til skjules så de skjulte ikke kan regnes ut.",
    period: "Periode",
    periodName: { autumn: "Høsten {{year}}", spring: "Våren {{year}}" },
    show: "Vis",
    items: "Antall oppgitte steder: {{count}}",
    fewItems: "Færre enn {{k}} oppgitte steder i perioden. Ingenting kan vises ennå.",
    byPlace: "Per sted",
    byTime: "Sted og tid på dagen",
    byWeek: "Sted og uke",
    chartTitle: "Antall per sted",
    chartNote: "Diagrammet viser de samme tallene som tabellen under. Skjulte tall er ikke med.",
    placeColumn: "Sted",
    total: "Totalt",
    week: "Uke {{week}}",
    hidden: "Skjult",
    hiddenLong: "Skjult: færre enn {{k}}, eller kunne gjort et lite tall mulig å regne ut",
    onlyWeeksWithData: "Bare uker med oppgitte steder vises.",
  },
};

export const nn: Shape<typeof nb> = {
  card: {
    heading: "Korleis har du det no?",
    intro:
      "Skulen har sett inn tiltak for at du skal ha det trygt og godt. No vil dei høyre korleis det går.",
    notAnonymous:
      "Svaret er ikkje anonymt. Det går til dei som jobbar med saka di på {{school}}, og blir ein del av saka.",
    answerBy: "Du kan svare til og med {{date}}.",
    safeQuestion: "Har du det trygt og godt på skulen no?",
    answers: { yes: "Ja", partly: "Delvis", no: "Nei" },
    words: "Vil du seie meir? (valfritt)",
    wordsHelp: "Skriv med dine eigne ord. Dei som jobbar med saka, les det.",
    submit: "Send svaret",
    sending: "Sender …",
    chooseAnswer: "Vel ja, delvis eller nei.",
    errorsTitle: "Dette må rettast",
    thanks: "Takk! Svaret ditt er sendt til dei som jobbar med saka di.",
    thanksNotSafe:
      "Takk for at du seier ifrå. Dei som jobbar med saka di, får beskjed om at dei skal ta kontakt med deg.",
    talkNow:
      "Treng du nokon å snakke med no, kan du gå til kontaktlæraren din eller helsesjukepleiaren.",
  },
  casePage: {
    fromCheckIn: "Svar på «Korleis har du det no?»",
    answer: { yes: "Ja", partly: "Delvis", no: "Nei" },
    opened: "«Korleis har du det no?» sendt til eleven",
    answered: "Eleven svarte på «Korleis har du det no?»",
  },
  report: {
    placeLegend: "Kvar og når skjedde det? (valfritt)",
    placeHelp:
      "Hjelper skulen å sjå kvar det skjer, så vaksne kan vere der. Blir berre vist samla når mange nok har svart.",
    place: "Kvar",
    timeOfDay: "Når på dagen",
    notGiven: "Ikkje oppgitt",
  },
  place: {
    classroom: "Klasserommet",
    corridor: "Gangen",
    canteen: "Kantina",
    toilets: "Toaletta",
    schoolyard: "Skulegarden",
    wayToSchool: "Busshaldeplassen eller skulevegen",
    online: "På nett",
    gym: "Gymsalen eller garderoben",
    other: "Ein annan stad",
  },
  timeOfDay: {
    beforeSchool: "Før skulen",
    lessons: "I timane",
    break: "I friminuttet",
    lunch: "I lunsjen",
    afterSchool: "Etter skulen",
    evening: "Kveld eller natt",
    notGiven: "Ikkje oppgitt",
  },
  whereWhen: {
    nav: "Kvar og når",
    navHelp: "Sjå kvar og når hendingar skjer, så skulen kan setje vaksne der det trengst.",
    title: "Kvar og når",
    intro:
      "Stadene og tidene som er oppgitte i meldingar (og seinare i klassen sine eigne undersøkingar), talde opp. Eit tal blir berre vist når det gjeld minst {{k}}, og nokre tal til blir skjulte så dei skjulte ikkje kan reknast ut.",
    period: "Periode",
    periodName: { autumn: "Hausten {{year}}", spring: "Våren {{year}}" },
    show: "Vis",
    items: "Tal på oppgitte stader: {{count}}",
    fewItems: "Færre enn {{k}} oppgitte stader i perioden. Ingenting kan visast enno.",
    byPlace: "Per stad",
    byTime: "Stad og tid på dagen",
    byWeek: "Stad og veke",
    chartTitle: "Tal per stad",
    chartNote: "Diagrammet viser dei same tala som tabellen under. Skjulte tal er ikkje med.",
    placeColumn: "Stad",
    total: "Totalt",
    week: "Veke {{week}}",
    hidden: "Skjult",
    hiddenLong: "Skjult: færre enn {{k}}, eller kunne gjort eit lite tal mogleg å rekne ut",
    onlyWeeksWithData: "Berre veker med oppgitte stader blir viste.",
  },
};

export const en: Shape<typeof nb> = {
  card: {
    heading: "How are you now?",
    intro:
      "The school has put measures in place so that you feel safe and well. Now they want to hear how it is going.",
    notAnonymous:
      "Your answer is not anonymous. It goes to the people working on your case at {{school}} and becomes part of the case.",
    answerBy: "You can answer until {{date}}.",
    safeQuestion: "Do you feel safe and well at school now?",
    answers: { yes: "Yes", partly: "Partly", no: "No" },
    words: "Do you want to say more? (optional)",
    wordsHelp: "Write in your own words. The people working on your case will read it.",
    submit: "Send your answer",
    sending: "Sending …",
    chooseAnswer: "Choose yes, partly or no.",
    errorsTitle: "Please fix this",
    thanks: "Thank you! Your answer has been sent to the people working on your case.",
    thanksNotSafe:
      "Thank you for speaking up. The people working on your case are told to get in touch with you.",
    talkNow:
      "If you need someone to talk to now, you can go to your contact teacher or the school nurse.",
  },
  casePage: {
    fromCheckIn: "Answer to “How are you now?”",
    answer: { yes: "Yes", partly: "Partly", no: "No" },
    opened: "“How are you now?” sent to the pupil",
    answered: "The pupil answered “How are you now?”",
  },
  report: {
    placeLegend: "Where and when did it happen? (optional)",
    placeHelp:
      "Helps the school see where things happen, so adults can be there. Only shown in totals when enough have answered.",
    place: "Where",
    timeOfDay: "Time of day",
    notGiven: "Not given",
  },
  place: {
    classroom: "The classroom",
    corridor: "The corridor",
    canteen: "The canteen",
    toilets: "The toilets",
    schoolyard: "The schoolyard",
    wayToSchool: "The bus stop or the way to school",
    online: "Online",
    gym: "The gym or changing room",
    other: "Somewhere else",
  },
  timeOfDay: {
    beforeSchool: "Before school",
    lessons: "In lessons",
    break: "In the break",
    lunch: "At lunch",
    afterSchool: "After school",
    evening: "Evening or night",
    notGiven: "Not given",
  },
  whereWhen: {
    nav: "Where and when",
    navHelp: "See where and when incidents happen, so the school can put adults where needed.",
    title: "Where and when",
    intro:
      "The places and times given in reports (and later in the classes' own surveys), counted. A number is shown only when it covers at least {{k}}, and some more are hidden so that the hidden ones cannot be worked out.",
    period: "Period",
    periodName: { autumn: "Autumn {{year}}", spring: "Spring {{year}}" },
    show: "Show",
    items: "Places given: {{count}}",
    fewItems: "Fewer than {{k}} places given in the period. Nothing can be shown yet.",
    byPlace: "Per place",
    byTime: "Place and time of day",
    byWeek: "Place and week",
    chartTitle: "Count per place",
    chartNote: "The chart shows the same numbers as the table below. Hidden numbers are left out.",
    placeColumn: "Place",
    total: "Total",
    week: "Week {{week}}",
    hidden: "Hidden",
    hiddenLong: "Hidden: fewer than {{k}}, or it could have let a small number be worked out",
    onlyWeeksWithData: "Only weeks with places given are shown.",
  },
};

export const checkins = { nb, nn, en };
