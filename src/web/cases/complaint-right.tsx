// The right to take a case to Statsforvalteren (§12-6), told to pupils and guardians on
// receipts and in "Mine meldinger": rendered by the same function as the letters and the
// family copy (src/i18n/complaint-text.ts), from the date the server computed with the core
// rule and the owner's calendar.
import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import { type ComplaintOffice, complaintRightText } from "../../i18n/complaint-text.ts";
import { isLang } from "../../i18n/lang.ts";

export interface Complaint {
  raisedOn: IsoDate;
  firstComplaintOn: IsoDate;
  office: ComplaintOffice;
}

export function ComplaintRight({
  complaint,
  level = 3,
}: {
  complaint: Complaint;
  level?: 2 | 3 | 4;
}) {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : "nb";
  const text = complaintRightText(
    lang,
    complaint.office,
    complaint.firstComplaintOn,
    complaint.raisedOn,
  );
  const id = useId();
  const [name, address, email] = text.officeLines;
  return (
    <section className="cases-complaint" aria-labelledby={id}>
      <Heading level={level} data-size="2xs" id={id}>
        {text.title}
      </Heading>
      <Paragraph data-size="sm">{text.body}</Paragraph>
      <Paragraph data-size="sm">{text.free}</Paragraph>
      <address className="cases-complaint__office">
        <strong>{name}</strong>
        <br />
        {address}
        <br />
        {email?.split(": ")[0]}:{" "}
        <Link href={`mailto:${complaint.office.email}`}>{complaint.office.email}</Link>
        <br />
        <Link href={complaint.office.url}>{complaint.office.url}</Link>
      </address>
    </section>
  );
}
