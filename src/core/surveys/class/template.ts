// The built-in class survey: well-being, someone to be with in breaks, being bullied or left
// out and where, safety on the way to school, and free text. Its question and option ids are
// stable, so results of different classes and terms can be pooled at trinn level.
import type { LocalText, SurveyDefinition, SurveyOption, SurveyQuestion } from "./types.ts";

export const STANDARD_TEMPLATE_ID = "standard-v1";

const t = (nb: string, nn: string, en: string): LocalText => ({ nb, nn, en });
const opt = (id: string, text: LocalText): SurveyOption => ({ id, text });

const questions: SurveyQuestion[] = [
  {
    id: "wellbeing",
    kind: "scale",
    text: t(
      "Hvor godt trives du i klassen? (1 = svært dårlig, 5 = svært godt)",
      "Kor godt trivst du i klassen? (1 = svært dårleg, 5 = svært godt)",
      "How much do you enjoy being in your class? (1 = not at all, 5 = very much)",
    ),
  },
  {
    id: "breaks",
    kind: "single",
    text: t(
      "Har du noen å være sammen med i friminuttene?",
      "Har du nokon å vere saman med i friminutta?",
      "Do you have someone to be with during breaks?",
    ),
    options: [
      opt("yes", t("Ja", "Ja", "Yes")),
      opt("sometimes", t("Noen ganger", "Nokre gonger", "Sometimes")),
      opt("no", t("Nei", "Nei", "No")),
    ],
  },
  {
    id: "bullied",
    kind: "single",
    signal: "bullied",
    text: t(
      "Har du blitt mobbet eller holdt utenfor på skolen de siste månedene?",
      "Har du vorte mobba eller halden utanfor på skulen dei siste månadene?",
      "Have you been bullied or left out at school in the last few months?",
    ),
    options: [
      opt("never", t("Aldri", "Aldri", "Never")),
      opt("onceOrTwice", t("En eller to ganger", "Ein eller to gonger", "Once or twice")),
      opt(
        "severalMonthly",
        t("Flere ganger i måneden", "Fleire gonger i månaden", "Several times a month"),
      ),
      opt("weekly", t("Hver uke eller oftere", "Kvar veke eller oftare", "Weekly or more")),
    ],
  },
  {
    id: "where",
    kind: "multi",
    text: t(
      "Hvis det har skjedd: hvor skjedde det? (Velg alle som passer)",
      "Viss det har skjedd: kvar skjedde det? (Vel alle som passar)",
      "If it happened: where did it happen? (Choose all that apply)",
    ),
    options: [
      opt("classroom", t("I klasserommet", "I klasserommet", "In the classroom")),
      opt("corridor", t("I gangen", "I gangen", "In the corridor")),
      opt("canteen", t("I kantina", "I kantina", "In the canteen")),
      opt("toilets", t("På toalettet", "På toalettet", "In the toilets")),
      opt(
        "wayToSchool",
        t(
          "På bussholdeplassen eller skoleveien",
          "På busshaldeplassen eller skulevegen",
          "At the bus stop or on the way to school",
        ),
      ),
      opt("online", t("På nett", "På nett", "Online")),
      opt("other", t("Et annet sted", "Ein annan stad", "Somewhere else")),
    ],
  },
  {
    id: "safeWay",
    kind: "scale",
    signal: "safety",
    text: t(
      "Hvor trygg føler du deg på skoleveien? (1 = ikke trygg, 5 = helt trygg)",
      "Kor trygg kjenner du deg på skulevegen? (1 = ikkje trygg, 5 = heilt trygg)",
      "How safe do you feel on your way to school? (1 = not safe, 5 = completely safe)",
    ),
  },
  {
    id: "comment",
    kind: "freeText",
    text: t(
      "Er det noe mer du vil fortelle? (Ikke skriv navn)",
      "Er det noko meir du vil fortelje? (Ikkje skriv namn)",
      "Is there anything else you want to tell us? (Do not write names)",
    ),
  },
];

export const STANDARD_TEMPLATE: SurveyDefinition = {
  templateId: STANDARD_TEMPLATE_ID,
  questions,
};
