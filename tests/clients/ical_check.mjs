// Reads iCalendar files with ical.js (Mozilla's parser, used by Thunderbird's web clients) and prints,
// as JSON, each event's UID, summary, time zone and start/end instants in UTC, computed by ical.js from
// the file's own VTIMEZONE components. Usage: node ical_check.mjs file.ics...
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const report = {};
for (const path of process.argv.slice(2)) {
  const found = { events: [], errors: [] };
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    }
    for (const component of calendar.getAllSubcomponents("vevent")) {
      const event = new ICAL.Event(component);
      for (const name of ["uid", "dtstamp", "dtstart"]) {
        if (!component.hasProperty(name)) found.errors.push(`${event.uid}: no ${name.toUpperCase()}`);
      }
      const tzid = component.getFirstProperty("dtstart").getParameter("tzid") || null;
      if (tzid && !ICAL.TimezoneService.has(tzid)) found.errors.push(`${event.uid}: no VTIMEZONE for ${tzid}`);
      found.events.push({
        uid: event.uid, summary: event.summary, tzid, allDay: event.startDate.isDate,
        start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
        end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
      });
    }
  } catch (error) {
    found.errors.push(String(error));
  }
  report[path] = found;
}
console.log(JSON.stringify(report));
